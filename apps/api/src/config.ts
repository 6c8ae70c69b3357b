import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LegalSettings } from '@pilar/provisioning';
import { parseFailureSpec } from '@pilar/provisioning/sandbox';
import type { Env } from './env.ts';
import type { RuntimeOptions } from './runtime.ts';

const DEFAULT_WEB_DIST_DIR = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Settings given as `a, b, c`: the parts, trimmed, empty ones dropped. */
const commaList = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

/** Without it, the Impressum says plainly what is missing instead of showing made-up data. */
export const NOT_CONFIGURED = (variable: string) => `(nicht konfiguriert: ${variable})`;

const legalSettings = (env: Env): LegalSettings => ({
  operator: {
    name: env.OPERATOR_NAME,
    address: commaList(env.OPERATOR_ADDRESS).join('\n') || NOT_CONFIGURED('OPERATOR_ADDRESS'),
    email: env.OPERATOR_EMAIL ?? NOT_CONFIGURED('OPERATOR_EMAIL'),
    phone: env.OPERATOR_PHONE,
    representative: env.OPERATOR_REPRESENTATIVE,
    register: env.OPERATOR_REGISTER,
    vatId: env.OPERATOR_VAT_ID,
    supervisoryAuthority: env.OPERATOR_SUPERVISORY_AUTHORITY,
  },
  urls: {
    imprint: env.LEGAL_IMPRINT_URL,
    privacy: env.LEGAL_PRIVACY_URL,
    terms: env.LEGAL_TERMS_URL,
    dpa: env.LEGAL_DPA_URL,
  },
  versions: {
    privacy: env.LEGAL_PRIVACY_VERSION,
    terms: env.LEGAL_TERMS_VERSION,
    dpa: env.LEGAL_DPA_VERSION,
  },
});

const requiredForTwilio = (env: Env) => {
  const missing = (
    ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'VOICE_AGENT_SIP_URI', 'OPERATOR_EMAIL'] as const
  ).filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new Error(
      `Invalid environment:\n${missing.map((name) => `  ${name}: required with PHONE_PROVIDER=twilio`).join('\n')}`,
    );
  }
  return {
    accountSid: env.TWILIO_ACCOUNT_SID as string,
    authToken: env.TWILIO_AUTH_TOKEN as string,
    voiceAgentSipUri: env.VOICE_AGENT_SIP_URI as string,
    // Twilio mails a bundle's review to an address of the account holder's: the operator.
    notificationEmail: env.OPERATOR_EMAIL as string,
    apiBaseUrl: env.TWILIO_API_BASE_URL?.replace(/\/+$/, ''),
  };
};

/** The carrier of the studios' numbers, and how its review is followed. */
const phoneSettings = (env: Env) =>
  env.PHONE_PROVIDER === 'twilio'
    ? ({
        provider: 'twilio',
        twilio: requiredForTwilio(env),
        reviewPollSeconds: env.PHONE_REVIEW_POLL_SECONDS ?? 300,
      } as const)
    : ({
        provider: 'sandbox',
        reviewSeconds: env.SANDBOX_REVIEW_SECONDS,
        reviewPollSeconds: env.PHONE_REVIEW_POLL_SECONDS ?? 1,
      } as const);

/** What the server process runs with, derived from the validated environment in this one place. */
export const configFromEnv = (env: Env) => ({
  listen: { port: env.PORT, host: env.HOST },
  databaseUrl: env.DATABASE_URL,
  dataDir: resolve(env.DATA_DIR),
  secretKey: env.SECRET_KEY,
  mail: {
    smtpUrl: env.SMTP_URL,
    from: env.MAIL_FROM,
    publicUrl: env.PUBLIC_URL?.replace(/\/+$/, ''),
    operatorName: env.OPERATOR_NAME,
  },
  phone: phoneSettings(env),
  sandbox: {
    stepDelayMs: env.SANDBOX_STEP_DELAY_MS,
    failures: parseFailureSpec(env.SANDBOX_FAIL_STEP),
  },
  app: {
    allowedOrigins: env.ALLOWED_ORIGINS,
    trustProxy: env.TRUST_PROXY,
    restWaitTimeoutMs: env.REST_WAIT_TIMEOUT_SECONDS * 1000,
    throttlePolicy: {
      accountFailures: env.LOGIN_FAILURES_PER_ACCOUNT,
      addressFailures: env.LOGIN_FAILURES_PER_ADDRESS,
      windowSeconds: env.LOGIN_FAILURE_WINDOW_SECONDS,
      lockSeconds: env.LOGIN_LOCK_SECONDS,
      maxLockSeconds: env.LOGIN_MAX_LOCK_SECONDS,
    },
    signupLimit: {
      limit: env.SIGNUP_LIMIT_PER_ADDRESS,
      windowSeconds: env.SIGNUP_LIMIT_WINDOW_SECONDS,
    },
    resetLimits: {
      perAccount: { limit: env.RESET_REQUESTS_PER_ACCOUNT, windowSeconds: 3600 },
      perClient: { limit: env.RESET_REQUESTS_PER_ADDRESS, windowSeconds: 3600 },
    },
    legal: legalSettings(env),
    webRoot: resolve(env.WEB_DIST_DIR ?? DEFAULT_WEB_DIST_DIR),
  } satisfies RuntimeOptions['config'],
  engine: {
    concurrency: env.PROVISIONING_CONCURRENCY,
    retryDelaySeconds: env.PROVISIONING_RETRY_DELAY_SECONDS,
    recoveryIntervalSeconds: env.PROVISIONING_RECOVERY_INTERVAL_SECONDS,
    stallSeconds: env.PROVISIONING_STALL_SECONDS,
    jobExpireSeconds: env.PROVISIONING_JOB_EXPIRE_SECONDS,
  } satisfies RuntimeOptions['engine'],
});

export type Config = ReturnType<typeof configFromEnv>;
