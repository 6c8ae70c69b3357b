import { z } from 'zod';

const isTimeZone = (value: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
};

const isCurrency = (value: string) =>
  /^[A-Z]{3}$/.test(value) && Intl.supportedValuesOf('currency').includes(value);

export const LANGUAGES = ['de', 'en'] as const;
export const TTS_MODELS = ['tts-1', 'tts-1-hd', 'gpt-4o-mini-tts'] as const;
export const TTS_VOICES = [
  'alloy',
  'ash',
  'ballad',
  'coral',
  'echo',
  'fable',
  'nova',
  'onyx',
  'sage',
  'shimmer',
  'verse',
] as const;
export const TONES = ['friendly', 'professional', 'enthusiastic', 'calm'] as const;
export const STYLES = ['professional', 'casual', 'motivational'] as const;
/** `informal` addresses people with "Du", `formal` with "Sie". */
export const FORMALITIES = ['informal', 'formal'] as const;
export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;

/** WhatsApp Cloud API rejects text messages longer than this. */
export const WHATSAPP_MAX_MESSAGE_LENGTH = 4096;
export const STUDIO_RULES_MAX_COUNT = 30;
export const STUDIO_RULE_MAX_LENGTH = 300;
export const OPENING_MESSAGE_MAX_LENGTH = { voice: 500, whatsapp: 1000, email: 2000 } as const;

const boundedNumber = (label: string, min: number, max: number, unit: string) =>
  z
    .number({ error: `${label} must be a number` })
    .min(min, `${label} must be at least ${min} ${unit}`)
    .max(max, `${label} must be at most ${max} ${unit}`);

const boundedInteger = (label: string, min: number, max: number, unit: string) =>
  boundedNumber(label, min, max, unit).int(`${label} must be a whole number`);

const choice = <T extends readonly [string, ...string[]]>(label: string, values: T) =>
  z.enum(values, { error: `${label} must be one of: ${values.join(', ')}` });

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .min(1, `${label} must not be empty`)
    .max(max, `${label} must be at most ${max} characters`);

export const generalSettingsSchema = z.object({
  language: choice('Language', LANGUAGES),
  timezone: z.string().refine(isTimeZone, 'Unknown time zone'),
  currency: z.string().refine(isCurrency, 'Unknown currency (ISO 4217 code expected)'),
});

export const voiceSettingsSchema = z.object({
  model: choice('TTS model', TTS_MODELS),
  voice: choice('Voice', TTS_VOICES),
  temperature: boundedNumber('Temperature', 0, 2, ''),
  maxDuration: boundedInteger('Maximum call duration', 30, 3600, 'seconds'),
  silenceTimeout: boundedInteger('Silence timeout', 1, 60, 'seconds'),
  interruptible: z.boolean(),
});

export const whatsAppSettingsSchema = z.object({
  autoReply: z.boolean(),
  responseDelay: boundedInteger('Response delay', 0, 60_000, 'ms'),
  maxMessageLength: boundedInteger(
    'Maximum message length',
    1,
    WHATSAPP_MAX_MESSAGE_LENGTH,
    'characters',
  ),
});

export const personalitySchema = z.object({
  tone: choice('Tone', TONES),
  style: choice('Style', STYLES),
  formality: choice('Formality', FORMALITIES),
});

export const studioRulesSchema = z
  .array(text('Rule', STUDIO_RULE_MAX_LENGTH))
  .max(STUDIO_RULES_MAX_COUNT, `At most ${STUDIO_RULES_MAX_COUNT} rules`);

export const openingMessagesSchema = z.object({
  voice: text('Voice opening message', OPENING_MESSAGE_MAX_LENGTH.voice),
  whatsapp: text('WhatsApp opening message', OPENING_MESSAGE_MAX_LENGTH.whatsapp),
  email: text('E-mail opening message', OPENING_MESSAGE_MAX_LENGTH.email),
});

const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
const time = z.string().regex(TIME_PATTERN, 'Time must be HH:MM (24-hour)');

export const dayHoursSchema = z
  .object({ open: time, close: time, closed: z.boolean() })
  .refine((day) => day.closed || day.open !== day.close, {
    message: 'Opening and closing time must differ',
    path: ['close'],
  });

export const businessHoursSchema = z.object(
  Object.fromEntries(WEEKDAYS.map((day) => [day, dayHoursSchema])) as Record<
    (typeof WEEKDAYS)[number],
    typeof dayHoursSchema
  >,
);

export const featuresSchema = z.object({
  voiceAgent: z.boolean(),
  whatsappAgent: z.boolean(),
  emailAgent: z.boolean(),
  trainingPlans: z.boolean(),
  leadClassification: z.boolean(),
  autoFollowup: z.boolean(),
});

export const tenantConfigSchema = z.object({
  ...generalSettingsSchema.shape,
  voice: voiceSettingsSchema,
  whatsapp: whatsAppSettingsSchema,
  personality: personalitySchema,
  studioRules: studioRulesSchema,
  openingMessages: openingMessagesSchema,
  businessHours: businessHoursSchema,
  features: featuresSchema,
});

export type TenantConfig = z.infer<typeof tenantConfigSchema>;
export type Weekday = (typeof WEEKDAYS)[number];
export type DayHours = z.infer<typeof dayHoursSchema>;
