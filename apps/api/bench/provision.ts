// Signup → ready latency through the real HTTP server and job engine, next to the bcrypt
// hash time measured in the same run, so the overhead beyond hashing is visible.
// Usage: pnpm bench:provision   (PGlite; set DATABASE_URL for PostgreSQL)
import type { AddressInfo } from 'node:net';
import { createPasswordHasher, DEFAULT_THROTTLE_POLICY } from '@pilar/provisioning';
import { createTestDb, createTestServices, describeDriver } from '@pilar/provisioning/testing';
import { createApp } from '../src/app.ts';
import { createLogger } from '../src/logger.ts';
import { startRuntime } from '../src/runtime.ts';
import { collectProgress } from '../test/support/progress.ts';
import { createTestClient } from '../test/support/trpc-client.ts';

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
  );
};
const ms = (value: number) => `${value.toFixed(1)} ms`;

const testDb = await createTestDb();
const runtime = await startRuntime(testDb, {
  logger: createLogger('silent'),
  services: createTestServices(),
  config: {
    allowedOrigins: [],
    trustProxy: false,
    restWaitTimeoutMs: 60_000,
    throttlePolicy: DEFAULT_THROTTLE_POLICY,
    signupLimit: { limit: 1_000_000, windowSeconds: 60 },
  },
});
const server = createApp(runtime.deps);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

let counter = 0;
const signupToReady = async () => {
  const { client } = createTestClient(baseUrl);
  const started = performance.now();
  const { runId } = await client.signup.create.mutate({
    studioName: 'Bench Studio',
    ownerEmail: `bench${counter++}@example.com`,
    password: 'SicheresPasswort!',
  });
  const { events } = await collectProgress(client, runId);
  if (events.at(-1)?.type !== 'run.ready') throw new Error(`run ${runId} did not become ready`);
  return performance.now() - started;
};

const hasher = createPasswordHasher({ threads: 1 });
const hashTimes: number[] = [];
for (let i = 0; i < 20; i++) {
  const started = performance.now();
  await hasher.hash('SicheresPasswort!');
  hashTimes.push(performance.now() - started);
}

await signupToReady(); // warm-up
const sequential: number[] = [];
for (let i = 0; i < 30; i++) sequential.push(await signupToReady());
const concurrent: number[] = [];
for (let round = 0; round < 5; round++) {
  concurrent.push(...(await Promise.all(Array.from({ length: 10 }, signupToReady))));
}

const hashP50 = percentile(hashTimes, 50);
console.log(
  `\nSignup → ready on ${describeDriver()} (tRPC signup.create + onProgress until run.ready)\n`,
);
console.table({
  'bcrypt hash (cost 10)': {
    n: hashTimes.length,
    p50: ms(hashP50),
    p99: ms(percentile(hashTimes, 99)),
    'p50 − hash': '',
  },
  '1 at a time': {
    n: sequential.length,
    p50: ms(percentile(sequential, 50)),
    p99: ms(percentile(sequential, 99)),
    'p50 − hash': ms(percentile(sequential, 50) - hashP50),
  },
  '10 concurrent': {
    n: concurrent.length,
    p50: ms(percentile(concurrent, 50)),
    p99: ms(percentile(concurrent, 99)),
    'p50 − hash': ms(percentile(concurrent, 50) - hashP50),
  },
});

server.closeAllConnections();
server.close();
await hasher.close();
await runtime.stop();
await testDb.close();
