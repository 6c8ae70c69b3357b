import {
  type TenantConfig,
  type TenantConfigInput,
  tenantConfigSchema,
} from '../contracts/tenant-config.ts';

const weekday = { open: '06:00', close: '22:00', closed: false };

/** The starting settings document of every new studio, verbatim from the specification. */
export const DEFAULT_TENANT_CONFIG = {
  language: 'de',
  timezone: 'Europe/Berlin',
  currency: 'EUR',
  voice: {
    model: 'tts-1',
    voice: 'alloy',
    temperature: 0.7,
    maxDuration: 300,
    silenceTimeout: 10,
    interruptible: true,
  },
  whatsapp: {
    autoReply: true,
    responseDelay: 2000,
    maxMessageLength: 4096,
  },
  personality: {
    tone: 'friendly',
    style: 'professional',
    formality: 'informal',
  },
  studioRules: [
    'Sei immer freundlich und hilfsbereit',
    'Antworte auf Deutsch',
    'Verwende die Du-Form',
    'Sei motivierend und positiv',
    'Gib konkrete Informationen',
    'Frage nach, wenn etwas unklar ist',
    'Biete Probetraining an',
    'Erwähne unsere Öffnungszeiten bei Bedarf',
  ],
  openingMessages: {
    voice: 'Willkommen bei PILAR SYSTEMS. Wie kann ich Ihnen heute helfen?',
    whatsapp: 'Hey! 👋 Willkommen bei unserem Fitnessstudio. Wie kann ich dir helfen?',
    email: 'Vielen Dank für deine Nachricht! Wir melden uns so schnell wie möglich bei dir.',
  },
  businessHours: {
    monday: { ...weekday },
    tuesday: { ...weekday },
    wednesday: { ...weekday },
    thursday: { ...weekday },
    friday: { ...weekday },
    saturday: { open: '08:00', close: '20:00', closed: false },
    sunday: { open: '09:00', close: '18:00', closed: false },
  },
  features: {
    voiceAgent: true,
    whatsappAgent: true,
    emailAgent: true,
    trainingPlans: true,
    leadClassification: true,
    autoFollowup: true,
  },
} as const satisfies TenantConfigInput;

/** The specification's default as it answers a signup: a fresh copy nobody can share. */
export const defaultTenantConfig = (): TenantConfigInput =>
  structuredClone(DEFAULT_TENANT_CONFIG) as TenantConfigInput;

/** The first settings document of a studio: the default with every later field filled in. */
export const initialSettingsDocument = (): TenantConfig =>
  tenantConfigSchema.parse(DEFAULT_TENANT_CONFIG);
