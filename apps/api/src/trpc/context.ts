import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type AccountDeps,
  consentDocumentsOf,
  type Database,
  type LegalSettings,
  legalDocuments,
  type Outbox,
  type PasswordHasher,
  type PhoneGoLive,
  type ProvisioningEngine,
  type ProvisioningServices,
  type RateLimit,
  type ResetRequestLimits,
  type RunFeed,
  type SignupDeps,
  type ThrottlePolicy,
} from '@pilar/provisioning';
import type { Logger } from '../logger.ts';
import type { MailCatcher } from '../mail/mail-catcher.ts';
import type { Metrics } from '../metrics.ts';

export interface AppConfig {
  allowedOrigins: readonly string[];
  trustProxy: boolean;
  restWaitTimeoutMs: number;
  throttlePolicy: ThrottlePolicy;
  signupLimit: RateLimit;
  resetLimits: ResetRequestLimits;
  /** The operator's details and legal documents (Impressum, privacy notice, AGB, AVV). */
  legal: LegalSettings;
  /** Folder of the built web app served on the same origin, if any. */
  webRoot?: string | null;
}

/** What every request may use; built once per server, not per request. */
export interface AppDependencies {
  db: Database;
  services: ProvisioningServices;
  passwords: PasswordHasher;
  engine: ProvisioningEngine;
  feed: RunFeed;
  outbox: Outbox;
  /** The phone's going-live work: woken by submissions and the carrier's callbacks. */
  phoneGoLive: PhoneGoLive;
  /** The built-in mail catcher behind `/dev/mail`, when no SMTP server is configured. */
  mailCatcher: MailCatcher | null;
  logger: Logger;
  metrics: Metrics;
  config: AppConfig;
}

export interface Context extends AppDependencies {
  req: IncomingMessage;
  res: ServerResponse;
}

/** What a signup needs, the same for the tRPC procedure and the REST route. */
export const signupDeps = (deps: AppDependencies): SignupDeps => ({
  keyring: deps.services.keyring,
  engine: deps.engine,
  passwords: deps.passwords,
  outbox: deps.outbox,
  consentDocuments: consentDocumentsOf(legalDocuments(deps.config.legal)),
  signupLimit: deps.config.signupLimit,
});

/** What the account flows need, the same for every account procedure. */
export const accountDeps = (deps: AppDependencies): AccountDeps => ({
  keyring: deps.services.keyring,
  outbox: deps.outbox,
  passwords: deps.passwords,
  policy: deps.config.throttlePolicy,
});
