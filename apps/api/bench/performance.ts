// Signup throughput against the bcrypt bound, responsiveness during a signup storm, settings
// latency and memory — on PostgreSQL and on embedded PGlite, in one run on this machine.
// Usage: pnpm bench   (PostgreSQL from BENCH_DATABASE_URL, default the local server)
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPasswordHasher, generateKeySpec } from '@pilar/provisioning';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { type ServerProcess, startServerProcess } from '../test/support/server-process.ts';
import { CookieJar, createTestClient, type TestClient } from '../test/support/trpc-client.ts';

const STORM_SECONDS = 10;
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ??
    Number.NaN
  );
};
const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '–');

const hashBound = async () => {
  const hasher = createPasswordHasher();
  await Promise.all(
    Array.from({ length: availableParallelism() * 2 }, () => hasher.hash('warm-up')),
  );
  const count = 100;
  const started = performance.now();
  await Promise.all(Array.from({ length: count }, (_, i) => hasher.hash(`SicheresPasswort-${i}`)));
  const seconds = (performance.now() - started) / 1000;
  await hasher.close();
  return {
    perSecond: count / seconds,
    msPerHash: (seconds * 1000 * availableParallelism()) / count,
  };
};

const metric = async (server: ServerProcess, name: string) => {
  const text = await (await fetch(`${server.baseUrl}/metrics`)).text();
  return Number(text.match(new RegExp(`^${name} ([0-9.e+-]+)$`, 'm'))?.[1] ?? Number.NaN);
};

let emailCounter = 0;
const nextEmail = () => `bench-${process.pid}-${emailCounter++}@example.com`;

const newOwner = async (server: ServerProcess) => {
  const { client } = createTestClient(server.baseUrl, new CookieJar());
  const { runId } = await client.signup.create.mutate({
    studioName: 'Bench Studio',
    ownerEmail: nextEmail(),
    password: 'SicheresPasswort!',
  });
  return { client, runId };
};

/** Saves one section over and over for `seconds`, each save on the version it read. */
const settingsLoop = async (client: TestClient, seconds: number, latencies: number[]) => {
  let { version } = await client.settings.get.query();
  const deadline = Date.now() + seconds * 1000;
  for (let i = 0; Date.now() < deadline; i++) {
    const started = performance.now();
    ({ version } = await client.settings.saveSection.mutate({
      section: 'studioRules',
      value: [`Regel ${i}`],
      expectedVersion: version,
    }));
    latencies.push(performance.now() - started);
  }
};

const healthLoop = async (server: ServerProcess, until: () => boolean, latencies: number[]) => {
  while (!until()) {
    const started = performance.now();
    await (await fetch(`${server.baseUrl}/health`)).arrayBuffer();
    latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

const signupToReady = async (server: ServerProcess, samples: number) => {
  const latencies: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    const { client, runId } = await newOwner(server);
    for (;;) {
      const status = await client.provisioning.status.query({ runId });
      if (status.status === 'ready') break;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    latencies.push(performance.now() - started);
  }
  return latencies;
};

const measure = async (label: string, env: Record<string, string>) => {
  const server = await startServerProcess({
    ...env,
    LOG_LEVEL: 'warn',
    SECRET_KEY: generateKeySpec(),
  });
  try {
    let peakRss = 0;
    const rssTimer = setInterval(async () => {
      peakRss = Math.max(
        peakRss,
        await metric(server, 'process_resident_memory_bytes').catch(() => 0),
      );
    }, 250);
    const ready = await signupToReady(server, 20);

    const stormOwner = await newOwner(server);
    await metric(server, 'nodejs_eventloop_lag_p99_seconds'); // a scrape resets the lag histogram
    let stormOver = false;
    const health: number[] = [];
    const settingsDuringStorm: number[] = [];
    const storm = autocannon({
      url: `${server.baseUrl}/trpc/signup.create`,
      method: 'POST',
      connections: 10,
      duration: STORM_SECONDS,
      headers: { 'content-type': 'application/json' },
      setupClient: (client) => {
        client.setBody(
          JSON.stringify({
            studioName: 'Storm',
            ownerEmail: nextEmail(),
            password: 'SicheresPasswort!',
          }),
        );
        client.on('response', () => {
          client.setBody(
            JSON.stringify({
              studioName: 'Storm',
              ownerEmail: nextEmail(),
              password: 'SicheresPasswort!',
            }),
          );
        });
      },
    });
    const [result] = await Promise.all([
      storm.then((r) => {
        stormOver = true;
        return r;
      }),
      healthLoop(server, () => stormOver, health),
      settingsLoop(stormOwner.client, STORM_SECONDS - 1, settingsDuringStorm),
    ]);
    const lagP99 = (await metric(server, 'nodejs_eventloop_lag_p99_seconds')) * 1000;
    const signupsPerSecond = result.non2xx === 0 ? result.requests.average : Number.NaN;

    const owners = await Promise.all(Array.from({ length: 10 }, () => newOwner(server)));
    const settingsQuiet: number[] = [];
    await Promise.all(owners.map(({ client }) => settingsLoop(client, 5, settingsQuiet)));
    clearInterval(rssTimer);
    return {
      label,
      signupsPerSecond,
      errors: result.non2xx + result.errors,
      lagP99,
      healthP99: percentile(health, 99),
      settingsStormP99: percentile(settingsDuringStorm, 99),
      readyP50: percentile(ready, 50),
      readyP99: percentile(ready, 99),
      settingsP50: percentile(settingsQuiet, 50),
      settingsP99: percentile(settingsQuiet, 99),
      peakRssMb: peakRss / 1024 / 1024,
    };
  } finally {
    await server.stop();
  }
};

const freshPostgres = async () => {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const name = `pilar_bench_${Date.now()}`;
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
};

const bound = await hashBound();
const pg = await freshPostgres();
const dataDir = await mkdtemp(join(tmpdir(), 'pilar-bench-'));
const rows = [];
try {
  rows.push(await measure('PostgreSQL', { DATABASE_URL: pg.url }));
  rows.push(await measure('PGlite', { DATA_DIR: dataDir }));
} finally {
  await pg.drop();
  await rm(dataDir, { recursive: true, force: true });
}

console.log(
  `\nbcrypt bound: ${fixed(bound.perSecond)} hashes/s on ${availableParallelism()} cores (${fixed(bound.msPerHash)} ms per hash per core)\n`,
);
console.table(
  Object.fromEntries(
    rows.map((row) => [
      row.label,
      {
        'signups/s @10': fixed(row.signupsPerSecond),
        'ratio to bound': fixed(row.signupsPerSecond / bound.perSecond, 2),
        'failed requests': row.errors,
        'loop lag p99 ms': fixed(row.lagP99),
        'health p99 ms': fixed(row.healthP99),
        'settings p99 in storm ms': fixed(row.settingsStormP99),
        'signup→ready p50 ms': fixed(row.readyP50),
        'signup→ready p99 ms': fixed(row.readyP99),
        'settings p50 @10 ms': fixed(row.settingsP50),
        'settings p99 @10 ms': fixed(row.settingsP99),
        'peak RSS MB': fixed(row.peakRssMb, 0),
      },
    ]),
  ),
);
