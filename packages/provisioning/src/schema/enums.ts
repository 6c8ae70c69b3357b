import { pgEnum } from 'drizzle-orm/pg-core';

export const channelStatusValues = ['PENDING', 'ACTIVE', 'DISCONNECTED'] as const;
export const phoneStatus = pgEnum('phone_status', channelStatusValues);
export const whatsAppStatus = pgEnum('whatsapp_status', channelStatusValues);

export const integrationTypeValues = ['MAGICLINE', 'FITOGRAM', 'GOOGLE_CALENDAR'] as const;
export const integrationType = pgEnum('integration_type', integrationTypeValues);

export const conversationChannel = pgEnum('conversation_channel', ['VOICE', 'WHATSAPP', 'EMAIL']);

export const runStatusValues = ['pending', 'running', 'ready', 'failed'] as const;
export const runStatus = pgEnum('provisioning_run_status', runStatusValues);

export const stepStatusValues = ['pending', 'running', 'done', 'failed'] as const;
export const stepStatus = pgEnum('provisioning_step_status', stepStatusValues);

export const accountTokenPurposeValues = [
  'verify_email',
  'password_reset',
  'email_change',
] as const;
export const accountTokenPurpose = pgEnum('account_token_purpose', accountTokenPurposeValues);
export type AccountTokenPurpose = (typeof accountTokenPurposeValues)[number];

export const outboxStatusValues = ['pending', 'sent', 'failed'] as const;
export const outboxStatus = pgEnum('outbox_status', outboxStatusValues);
