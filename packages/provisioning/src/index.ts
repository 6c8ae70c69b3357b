// Server entry: the domain's public surface. Browsers import `@pilar/provisioning/contracts`;
// the sandbox providers and the embedded PostgreSQL have their own entries.

// Account e-mail loop: verification, password reset and changes, device sessions, mail
export type { AccountDeps, AccountUser } from './account/account-deps.ts';
export {
  type ConsentDocument,
  type ConsentSource,
  consentDocumentsOf,
} from './account/consent.ts';
export { changeEmail, changePassword, pendingEmailOf } from './account/credentials.ts';
export { listSessions, revokeOtherSessions, revokeSession } from './account/device-sessions.ts';
export {
  assertEmailVerified,
  resendVerification,
  verifyEmailCode,
  verifyEmailToken,
} from './account/email-verification.ts';
export { isCommonPassword } from './account/password-policy.ts';
export {
  DEFAULT_RESET_REQUEST_LIMITS,
  type ResetRequestLimits,
  requestPasswordReset,
  resetPassword,
} from './account/password-reset.ts';
// Accounts and sessions
export { type LoginDeps, type LoginParams, login, loginInputSchema } from './auth/login.ts';
export { DEFAULT_THROTTLE_POLICY, type ThrottlePolicy } from './auth/login-throttle.ts';
export { createPasswordHasher, type PasswordHasher } from './auth/password.ts';
export {
  createSession,
  deleteSession,
  deleteUserSessions,
  findSession,
  type OwnerSession,
  SESSION_LIFETIME_SECONDS,
} from './auth/sessions.ts';
export { listChannels } from './channels/list-channels.ts';
// Channels
export {
  CarrierError,
  NONCOMPLIANT_DETAILS,
  type PhoneCarrier,
  type ReviewOutcome,
  type StepResult,
  type SubSteps,
  type VerificationDocument,
} from './channels/phone-carrier.ts';
export { type PlaceholderPhone, placeholderPhone } from './channels/placeholders.ts';
export type {
  ChannelProviders,
  RegisteredWhatsAppChannel,
  WhatsAppProvider,
} from './channels/providers.ts';
export { resealChannelSecrets } from './channels/reseal-channel-secrets.ts';
export {
  type RevealableSecret,
  revealChannelSecret,
  revealChannelSecrets,
} from './channels/reveal-secrets.ts';
export {
  createTwilioCarrier,
  type TwilioCarrierOptions,
} from './channels/twilio/twilio-carrier.ts';
export { verifyWhatsAppWebhook, type WebhookHandshake } from './channels/verify-webhook.ts';
// Contracts, defaults and the prompt renderer: the browser-safe entry, as the server uses it too.
export * from './contracts/index.ts';
export { createDb, pingDb } from './db/create-db.ts';
// Database
export type { DbHandle, ReleaseLock, SqlResult } from './db/handle.ts';
export {
  assertTenantIsolation,
  inspectTenantIsolation,
  TenantIsolationError,
} from './db/tenant-isolation.ts';
export { type Scope, TENANT_ROLE, tenantScope, unscoped } from './db/tenant-scope.ts';
export { tenantTableNames } from './db/tenant-tables.ts';
export type { Database, Queryable, Transaction } from './db/types.ts';
// Errors and validation
export {
  DOMAIN_ERROR_CODES,
  DomainError,
  type DomainErrorCode,
  type DomainErrorData,
  type DomainErrorOf,
  isDomainError,
  retryAfterOf,
} from './errors.ts';
// Going live
export { followGoLiveStatus } from './going-live/follow-go-live.ts';
export { type GoLiveStatus, goLiveStatus } from './going-live/go-live-status.ts';
export { readPhoneVerification } from './going-live/read-phone-verification.ts';
export { submitPhoneVerification } from './going-live/submit-phone-verification.ts';
export { createJobBoss, type JobBoss, type JobBossOptions } from './jobs/job-boss.ts';
export {
  createMailDelivery,
  type MailDelivery,
  type MailDeliveryOptions,
  type MailObserver,
} from './jobs/mail-delivery.ts';
export {
  createPhoneGoLive,
  type PhoneGoLive,
  type PhoneGoLiveOptions,
} from './jobs/phone-go-live.ts';
// Provisioning runs
export {
  createProvisioningEngine,
  type EngineOptions,
  type ProvisioningEngine,
} from './jobs/provisioning-engine.ts';
// Legal documents: Impressum, privacy notice, AGB, AVV
export {
  BUILT_IN_LEGAL_VERSION,
  CONSENT_DOCUMENT_KINDS,
  LEGAL_DOCUMENT_KINDS,
  LEGAL_PAGE_PATHS,
  type LegalDocumentInfo,
  type LegalDocumentKind,
  type LegalSettings,
  legalDocuments,
  legalDocumentText,
} from './legal/documents.ts';
export { LEGAL_LINK_LABELS } from './legal/labels.ts';
export type { OperatorDetails } from './legal/operator.ts';
export type { RateLimit } from './limits/rate-limit.ts';
export { escapeHtml } from './mail/escape-html.ts';
export type { MailBrand, MailContent, RenderedMail } from './mail/mail-content.ts';
export { createOutbox, type Outbox, type OutboxOptions } from './mail/outbox.ts';
export { renderMail } from './mail/render-mail.ts';
export {
  createSmtpSender,
  isPermanentSmtpFailure,
  type MailSender,
  type OutgoingMail,
} from './mail/smtp-sender.ts';
// Housekeeping
export { purgeExpired } from './maintenance/purge-expired.ts';
export type { RunEvent, RunEventType } from './provisioning/events.ts';
export { followRun } from './provisioning/follow-run.ts';
export type { ProvisioningObserver, StepOutcome } from './provisioning/observer.ts';
export { createRunFeed, type RunFeed, type RunWatch } from './provisioning/run-feed.ts';
export { getRunStatus, type RunStatus } from './provisioning/run-status.ts';
export {
  PROVISIONING_STEPS,
  type ProvisioningServices,
  type ProvisioningStep,
} from './provisioning/steps/index.ts';
export * as schema from './schema/index.ts';
export { loadOrCreateKeyFile, SECRET_KEY_FILE } from './secrets/key-file.ts';
// Secrets
export { generateKeySpec, type Keyring, parseKeyring, type SecretKey } from './secrets/keyring.ts';
export { openSecret, type SealedSecret, sealSecret } from './secrets/sealed-secret.ts';
export { commitSettingsVersion, type SettingsVersion } from './settings/commit-settings-version.ts';
// Settings
export { getTenantConfig } from './settings/get-tenant-config.ts';
export { listSettingsHistory, restoreSettingsVersion } from './settings/history.ts';
export {
  GERMAN_STATES,
  type GermanState,
  germanStateNames,
  publicHolidays,
} from './settings/holidays.ts';
export { type Editor, saveSettingsSection } from './settings/save-section.ts';
export { type DeleteStudioDeps, deleteStudio } from './studio/delete-studio.ts';
export {
  exportStudio,
  exportStudioData,
  STUDIO_EXPORT_FORMAT,
  type StudioExport,
} from './studio/export-studio.ts';
// Team and the studio's data
export {
  acceptInvitation,
  getInvitation,
  INVITATION_VALID_DAYS,
  type Inviter,
  inviteMember,
} from './team/invitations.ts';
export { listTeam, removeMember, revokeInvitation } from './team/team-members.ts';
export {
  type CreateTenantDeps,
  type CreateTenantParams,
  type CreateTenantResult,
  createTenant,
} from './tenants/create-tenant.ts';
export { deleteTenant } from './tenants/delete-tenant.ts';
export { isDomainAvailable } from './tenants/domain-availability.ts';
export { getTenant, getTenantByDomain, type TenantWithRelations } from './tenants/get-tenant.ts';
// Signup and tenants: `startSignup` (tRPC) and `createTenant` (REST) register with `registerTenant`
export { type SignupDeps, type SignupParams, startSignup } from './tenants/start-signup.ts';
export { fieldErrorsOf, parseOrThrow } from './validation.ts';
