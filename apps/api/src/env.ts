import { z } from 'zod';

const seconds = (fallback: number) => z.coerce.number().positive().default(fallback);

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: 'DATABASE_URL must be a postgres:// URL' })
    .optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  SECRET_KEY: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Extra origins (besides the server's own) allowed to send mutations, comma-separated. */
  ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    ),
  /** Behind a reverse proxy: trust X-Forwarded-For / X-Forwarded-Proto. */
  TRUST_PROXY: z.stringbool().default(false),
  SANDBOX_STEP_DELAY_MS: z.coerce.number().int().min(0).max(600_000).default(0),
  SANDBOX_FAIL_STEP: z.string().default(''),
  PROVISIONING_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  PROVISIONING_RETRY_DELAY_SECONDS: z.coerce.number().int().min(0).default(1),
  PROVISIONING_RECOVERY_INTERVAL_SECONDS: seconds(15),
  PROVISIONING_STALL_SECONDS: seconds(30),
  PROVISIONING_JOB_EXPIRE_SECONDS: z.coerce.number().int().min(1).default(300),
  /** The built web app to serve; defaults to apps/web/dist of this repository. */
  WEB_DIST_DIR: z.string().optional(),
  /** Sign-ups (new registrations, not idempotent replays) per client address and window. */
  SIGNUP_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).default(10),
  SIGNUP_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(3600),
  /** Failed logins before an account, or a client address, is locked for a while. */
  LOGIN_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  LOGIN_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(20),
  LOGIN_FAILURE_WINDOW_SECONDS: seconds(15 * 60),
  /** First lock; it doubles with each further failure up to LOGIN_MAX_LOCK_SECONDS. */
  LOGIN_LOCK_SECONDS: seconds(30),
  LOGIN_MAX_LOCK_SECONDS: seconds(15 * 60),
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
