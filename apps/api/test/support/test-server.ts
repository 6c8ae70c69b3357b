import type { AddressInfo } from 'node:net';
import {
  createSmtpSender,
  DEFAULT_RESET_REQUEST_LIMITS,
  DEFAULT_THROTTLE_POLICY,
  type LegalSettings,
  type ProvisioningServices,
  type RateLimit,
  type ResetRequestLimits,
  schema,
  type ThrottlePolicy,
} from '@pilar/provisioning';
import {
  createTestDb,
  createTestServices,
  TEST_ENGINE_OPTIONS,
  type TestDb,
} from '@pilar/provisioning/testing';
import { eq } from 'drizzle-orm';
import { createApp } from '../../src/app.ts';
import { createLogger } from '../../src/logger.ts';
import { type MailCatcher, startMailCatcher } from '../../src/mail/mail-catcher.ts';
import { type RuntimeMail, type RuntimeOptions, startRuntime } from '../../src/runtime.ts';
import type { AppDependencies } from '../../src/trpc/context.ts';

/** Tests sign up many studios from one address; the limit itself has its own test. */
const UNLIMITED_SIGNUPS: RateLimit = { limit: 1_000_000, windowSeconds: 60 };

export interface TestServer {
  baseUrl: string;
  testDb: TestDb;
  deps: AppDependencies;
  /** The built-in catcher every mail goes to over SMTP (null with `smtpUrl`). */
  mails: MailCatcher | null;
  /** What the runtime sends mail with, for a second runtime on the same database. */
  mail: RuntimeMail;
  close(): Promise<void>;
}

export interface TestServerOptions {
  services?: Partial<ProvisioningServices>;
  throttlePolicy?: ThrottlePolicy;
  signupLimit?: RateLimit;
  restWaitTimeoutMs?: number;
  resetLimits?: ResetRequestLimits;
  /** Deliver to this SMTP server instead of a built-in catcher. */
  smtpUrl?: string;
  mailDelivery?: RuntimeMail['delivery'];
  phone?: Partial<RuntimeOptions['phone']>;
}

/** Going-live timings for tests: a pending review read five times a second, quick retries. */
export const TEST_PHONE_OPTIONS: RuntimeOptions['phone'] = {
  reviewPollSeconds: 0.2,
  sweepIntervalSeconds: 0.5,
  retryDelaySeconds: 0.25,
};

/** The operator as the tests' server presents it: built-in documents filled with these details. */
export const TEST_LEGAL_SETTINGS: LegalSettings = {
  operator: {
    name: 'PILAR Systems GmbH',
    address: 'Teststraße 1\n10115 Berlin',
    email: 'kontakt@pilar.test',
    register: 'Amtsgericht Berlin-Charlottenburg, HRB 000000',
    vatId: 'DE000000000',
  },
  urls: {},
  versions: {},
};

/** Mail timings for tests: quick retries, a relay that looks every second. */
const TEST_MAIL_DELIVERY: RuntimeMail['delivery'] = {
  retryDelaySeconds: 1,
  relayIntervalSeconds: 1,
  pollingIntervalSeconds: 0.5,
};

/** The real HTTP server with its job engine on an ephemeral port, over a fresh test database. */
export const startTestServer = async (options: TestServerOptions = {}): Promise<TestServer> => {
  const testDb = await createTestDb();
  const mails = options.smtpUrl ? null : await startMailCatcher();
  let baseUrl = '';
  const mail: RuntimeMail = {
    sender: createSmtpSender(options.smtpUrl ?? (mails as MailCatcher).smtpUrl),
    catcher: mails,
    from: 'PILAR Test <no-reply@pilar.test>',
    operatorName: 'PILAR Systems GmbH',
    publicUrl: () => baseUrl,
    delivery: { ...TEST_MAIL_DELIVERY, ...options.mailDelivery },
  };
  const runtime = await startRuntime(testDb, {
    logger: createLogger('silent'),
    services: createTestServices(options.services),
    config: {
      allowedOrigins: [],
      trustProxy: false,
      restWaitTimeoutMs: options.restWaitTimeoutMs ?? 30_000,
      throttlePolicy: options.throttlePolicy ?? DEFAULT_THROTTLE_POLICY,
      signupLimit: options.signupLimit ?? UNLIMITED_SIGNUPS,
      resetLimits: options.resetLimits ?? DEFAULT_RESET_REQUEST_LIMITS,
      legal: TEST_LEGAL_SETTINGS,
    },
    mail,
    engine: TEST_ENGINE_OPTIONS,
    phone: { ...TEST_PHONE_OPTIONS, ...options.phone },
    hashThreads: 2,
  });
  const server = createApp(runtime.deps);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    testDb,
    deps: runtime.deps,
    mails,
    mail,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await runtime.stop();
      await mails?.close();
      await testDb.close();
    },
  };
};

/** POSTs `body` as JSON (a string as it is); the status and the answer's text, unparsed. */
export const postForText = async (
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
) => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
};

export const postJson = async (
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
) => {
  const { status, text } = await postForText(url, body, headers);
  return { status, body: JSON.parse(text) as Record<string, unknown> };
};

/** Polls the run's row until it has `status` (for tests that do not follow the event stream). */
export const waitForRunStatus = async (
  server: TestServer,
  runId: string,
  status: 'ready' | 'failed',
  timeoutMs = 20_000,
) => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [run] = await server.testDb.db
      .select({ status: schema.provisioningRuns.status })
      .from(schema.provisioningRuns)
      .where(eq(schema.provisioningRuns.id, runId));
    if (run?.status === status) return;
    if (Date.now() > deadline) throw new Error(`run ${runId} is ${run?.status}, not ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

/** Waits until the outbox holds no pending mail (every delivery's row is written). */
export const waitForMailsSent = async (server: TestServer, timeoutMs = 20_000) => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pending = await server.testDb.db
      .select({ id: schema.outboxMails.id })
      .from(schema.outboxMails)
      .where(eq(schema.outboxMails.status, 'pending'));
    if (pending.length === 0) return;
    if (Date.now() > deadline) throw new Error(`${pending.length} mails still pending`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};
