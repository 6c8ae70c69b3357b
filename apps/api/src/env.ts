import { z } from 'zod/mini';

const numeric = () => z.coerce.number({ error: 'must be a number' });
const integer = (min: number, max: number, fallback: number) =>
  z._default(
    numeric().check(
      z.refine(Number.isInteger, 'must be a whole number'),
      z.gte(min, `must be at least ${min}`),
      z.lte(max, `must be at most ${max}`),
    ),
    fallback,
  );
const count = (fallback: number, max = Number.MAX_SAFE_INTEGER) => integer(1, max, fallback);
// Timers hold at most 2^31 - 1 ms; a longer one would fire at once.
const MAX_TIMER_SECONDS = 2_147_483;
const seconds = (fallback: number) =>
  z._default(
    numeric().check(
      z.gt(0, 'must be more than 0'),
      z.lte(MAX_TIMER_SECONDS, `must be at most ${MAX_TIMER_SECONDS}`),
    ),
    fallback,
  );
const text = (fallback: string) =>
  z._default(z.string().check(z.minLength(1, 'must not be empty')), fallback);

const envSchema = z.object({
  PORT: integer(0, 65_535, 3000),
  HOST: text('0.0.0.0'),
  DATABASE_URL: z.optional(
    z.url({ protocol: /^postgres(ql)?$/, error: 'DATABASE_URL must be a postgres:// URL' }),
  ),
  DATA_DIR: text('.data'),
  SECRET_KEY: z.optional(z.string()),
  LOG_LEVEL: z._default(
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'must be one of fatal, error, warn, info, debug, trace, silent',
    }),
    'info',
  ),
  /** Extra origins (besides the server's own) allowed to send mutations, comma-separated. */
  ALLOWED_ORIGINS: z.pipe(
    z._default(z.string(), ''),
    z.transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    ),
  ),
  /** Behind a reverse proxy: trust X-Forwarded-For / X-Forwarded-Proto. */
  TRUST_PROXY: z._default(z.stringbool({ error: 'must be true or false' }), false),
  SANDBOX_STEP_DELAY_MS: integer(0, 600_000, 0),
  SANDBOX_FAIL_STEP: z._default(z.string(), ''),
  /** How long the sandbox carrier's review of a studio's business details takes. */
  SANDBOX_REVIEW_SECONDS: integer(0, 86_400, 5),
  /** Who provides the studios' phone numbers: the built-in sandbox or Twilio. */
  PHONE_PROVIDER: z._default(
    z.enum(['sandbox', 'twilio'], { error: 'must be sandbox or twilio' }),
    'sandbox',
  ),
  TWILIO_ACCOUNT_SID: z.optional(
    z.string().check(z.regex(/^AC[0-9a-fA-F]{32}$/, 'must be an account SID (AC + 32 hex digits)')),
  ),
  TWILIO_AUTH_TOKEN: z.optional(z.string()),
  /** Instead of `https://<label>.twilio.com`, `<base>/<label>` (a local fake or a recording proxy). */
  TWILIO_API_BASE_URL: z.optional(
    z.url({
      protocol: /^https?$/,
      error: 'TWILIO_API_BASE_URL must be an http:// or https:// URL',
    }),
  ),
  /** Where the carrier sends a studio's calls: the voice agent's SIP URI (`sip:agent@host`). */
  VOICE_AGENT_SIP_URI: z.optional(
    z.string().check(z.regex(/^sips?:[^\s]+$/, 'must be a sip: or sips: URI')),
  ),
  /** How often a pending review is read again (default: 1 s on the sandbox, 300 s on Twilio). */
  PHONE_REVIEW_POLL_SECONDS: z.optional(
    numeric().check(
      z.gt(0, 'must be more than 0'),
      z.lte(MAX_TIMER_SECONDS, `must be at most ${MAX_TIMER_SECONDS}`),
    ),
  ),
  PROVISIONING_CONCURRENCY: integer(1, 64, 4),
  PROVISIONING_RETRY_DELAY_SECONDS: integer(0, 86_400, 1),
  PROVISIONING_RECOVERY_INTERVAL_SECONDS: seconds(15),
  PROVISIONING_STALL_SECONDS: seconds(30),
  PROVISIONING_JOB_EXPIRE_SECONDS: count(300, 86_400),
  /** The built web app to serve; defaults to apps/web/dist of this repository. */
  WEB_DIST_DIR: z.optional(z.string()),
  /** Sign-ups (new registrations, not idempotent replays) per client address and window. */
  SIGNUP_LIMIT_PER_ADDRESS: count(10),
  SIGNUP_LIMIT_WINDOW_SECONDS: count(3600, 86_400),
  /** Failed logins before an account, or a client address, is locked for a while. */
  LOGIN_FAILURES_PER_ACCOUNT: count(5),
  LOGIN_FAILURES_PER_ADDRESS: count(20),
  LOGIN_FAILURE_WINDOW_SECONDS: seconds(15 * 60),
  /** First lock; it doubles with each further failure up to LOGIN_MAX_LOCK_SECONDS. */
  LOGIN_LOCK_SECONDS: seconds(30),
  LOGIN_MAX_LOCK_SECONDS: seconds(15 * 60),
  /** Outgoing mail server, `smtp://` or `smtps://` with credentials; without it, the built-in catcher. */
  SMTP_URL: z.optional(
    z.url({ protocol: /^smtps?$/, error: 'SMTP_URL must be an smtp:// or smtps:// URL' }),
  ),
  /** The sender of every mail, e.g. `PILAR <no-reply@pilar.example>`. */
  MAIL_FROM: text('PILAR <no-reply@pilar.localhost>'),
  /** The base of every link in a mail; the server's own address without it. */
  PUBLIC_URL: z.optional(
    z.url({ protocol: /^https?$/, error: 'PUBLIC_URL must be an http:// or https:// URL' }),
  ),
  /** Who runs this service: named in every mail's footer, the Impressum and the documents. */
  OPERATOR_NAME: text('PILAR Systems'),
  /** The operator's postal address, lines separated by commas (`Straße 1, 10115 Berlin`). */
  OPERATOR_ADDRESS: z.optional(z.string()),
  OPERATOR_EMAIL: z.optional(z.email({ error: 'OPERATOR_EMAIL must be an e-mail address' })),
  OPERATOR_PHONE: z.optional(z.string()),
  /** Who represents the operator (Geschäftsführer), for the Impressum. */
  OPERATOR_REPRESENTATIVE: z.optional(z.string()),
  /** The commercial register entry, e.g. `Amtsgericht Berlin-Charlottenburg, HRB 123456`. */
  OPERATOR_REGISTER: z.optional(z.string()),
  OPERATOR_VAT_ID: z.optional(z.string()),
  /** The data-protection authority responsible for the operator, for the privacy notice. */
  OPERATOR_SUPERVISORY_AUTHORITY: z.optional(z.string()),
  /** The operator's own legal documents instead of the built-in ones, with their versions. */
  LEGAL_IMPRINT_URL: z.optional(
    z.url({ protocol: /^https?$/, error: 'LEGAL_IMPRINT_URL must be an http:// or https:// URL' }),
  ),
  LEGAL_PRIVACY_URL: z.optional(
    z.url({ protocol: /^https?$/, error: 'LEGAL_PRIVACY_URL must be an http:// or https:// URL' }),
  ),
  LEGAL_TERMS_URL: z.optional(
    z.url({ protocol: /^https?$/, error: 'LEGAL_TERMS_URL must be an http:// or https:// URL' }),
  ),
  LEGAL_DPA_URL: z.optional(
    z.url({ protocol: /^https?$/, error: 'LEGAL_DPA_URL must be an http:// or https:// URL' }),
  ),
  LEGAL_PRIVACY_VERSION: z.optional(z.string()),
  LEGAL_TERMS_VERSION: z.optional(z.string()),
  LEGAL_DPA_VERSION: z.optional(z.string()),
  /** Password-reset requests per e-mail address, and per client address, in an hour. */
  RESET_REQUESTS_PER_ACCOUNT: count(3),
  RESET_REQUESTS_PER_ADDRESS: count(20),
  /** How long `POST /api/tenant/create` waits for provisioning before answering 504. */
  REST_WAIT_TIMEOUT_SECONDS: seconds(60),
});

export type Env = z.infer<typeof envSchema>;

/** The API's whole configuration, validated once at start-up. */
export const loadEnv = (source: NodeJS.ProcessEnv = process.env): Env => {
  // An empty variable (`SECRET_KEY=`) means "not set", as in most shells' .env habits.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const result = envSchema.safeParse(present);
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `  ${issue.path.join('.')}: ${issue.message}`,
  );
  throw new Error(`Invalid environment:\n${problems.join('\n')}`);
};
