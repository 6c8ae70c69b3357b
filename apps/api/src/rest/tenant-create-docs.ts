import {
  PASSWORD_MAX_BYTES,
  PASSWORD_MIN_LENGTH,
  STUDIO_NAME_MAX_LENGTH,
} from '@pilar/provisioning';

const example = {
  studioName: 'FitZone Berlin',
  ownerEmail: 'owner@fitzone-berlin.de',
  password: 'SecurePassword123!',
  domain: 'fitzone-berlin.pilarsystems.com',
};

/** `GET /api/tenant/create`: how to call the endpoint. */
export const tenantCreateDocs = (baseUrl: string) => ({
  endpoint: '/api/tenant/create',
  method: 'POST',
  description:
    'Creates a fitness studio tenant with its owner account and provisions a voice agent (phone number, SIP credentials), a WhatsApp channel (webhook verify token), inactive MAGICLINE / FITOGRAM / GOOGLE_CALENDAR integrations and the German AI agent profile. Answers once the tenant is ready.',
  request: {
    headers: { 'Content-Type': 'application/json' },
    body: {
      studioName: `string, required, 1–${STUDIO_NAME_MAX_LENGTH} characters`,
      ownerEmail: 'string, required, valid e-mail address, unique (case-insensitive)',
      password: `string, required, at least ${PASSWORD_MIN_LENGTH} characters and at most ${PASSWORD_MAX_BYTES} bytes`,
      domain: 'string, optional, host name such as studio.example.com, unique (case-insensitive)',
    },
  },
  responses: {
    201: {
      success: true,
      tenantId: 'uuid',
      ownerId: 'uuid',
      defaultConfig:
        '{ language, timezone, currency, voice, whatsapp, personality, studioRules, openingMessages, businessHours, features }',
      status: 'ready',
    },
    400: [
      { success: false, error: 'Invalid email format' },
      { success: false, error: 'Password must be at least 8 characters' },
      { success: false, error: 'Request body is not valid JSON' },
    ],
    409: [
      { success: false, error: 'Email already exists' },
      { success: false, error: 'Domain already taken' },
    ],
    502: { success: false, error: 'Provisioning failed at step "…": …' },
  },
  examples: [
    {
      title: 'Create a tenant',
      curl: `curl -X POST ${baseUrl}/api/tenant/create -H "Content-Type: application/json" -d '${JSON.stringify(example)}'`,
    },
  ],
});
