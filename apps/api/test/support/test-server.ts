import type { AddressInfo } from 'node:net';
import {
  DEFAULT_THROTTLE_POLICY,
  type ProvisioningServices,
  type RateLimit,
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
import { startRuntime } from '../../src/runtime.ts';
import type { AppDependencies } from '../../src/trpc/context.ts';

/** Tests sign up many studios from one address; the limit itself has its own test. */
const UNLIMITED_SIGNUPS: RateLimit = { limit: 1_000_000, windowSeconds: 60 };

export interface TestServer {
  baseUrl: string;
  testDb: TestDb;
  deps: AppDependencies;
  close(): Promise<void>;
}

export interface TestServerOptions {
  services?: Partial<ProvisioningServices>;
  throttlePolicy?: ThrottlePolicy;
  signupLimit?: RateLimit;
  restWaitTimeoutMs?: number;
}

/** The real HTTP server with its job engine on an ephemeral port, over a fresh test database. */
export const startTestServer = async (options: TestServerOptions = {}): Promise<TestServer> => {
  const testDb = await createTestDb();
  const runtime = await startRuntime(testDb, {
    logger: createLogger('silent'),
    services: createTestServices(options.services),
    config: {
      allowedOrigins: [],
      trustProxy: false,
      restWaitTimeoutMs: options.restWaitTimeoutMs ?? 30_000,
      throttlePolicy: options.throttlePolicy ?? DEFAULT_THROTTLE_POLICY,
      signupLimit: options.signupLimit ?? UNLIMITED_SIGNUPS,
    },
    engine: TEST_ENGINE_OPTIONS,
    hashThreads: 2,
  });
  const server = createApp(runtime.deps);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    testDb,
    deps: runtime.deps,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await runtime.stop();
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
