import { generateKeySpec, schema } from '@pilar/provisioning';
import {
  countOrphanRows,
  createTestDb,
  isFullyProvisioned,
  type TestDb,
} from '@pilar/provisioning/testing';
import { eq } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../test/support/server-process.ts';
import { createTestClient } from '../test/support/trpc-client.ts';
import { recordProof } from './support/ledger.ts';

const RUNS = 10;
const STEP_TABLES = {
  voice: 'phone_numbers',
  whatsapp: 'whatsapp_channels',
  integrations: 'tenant_integrations',
  ai_profile: 'conversations',
} as const;

// A test-only trigger: the first attempt of each step kills its own database connection in
// the middle of the step's transaction, as a failover or a network cut would.
const installConnectionKillers = async (admin: postgres.Sql) => {
  await admin.unsafe(`
    create function kill_own_connection() returns trigger language plpgsql as $$
    begin
      if (select attempts from provisioning_steps
          where tenant_id = new.tenant_id and name = tg_argv[0]) = 1 then
        perform pg_terminate_backend(pg_backend_pid());
      end if;
      return new;
    end $$`);
  for (const [step, table] of Object.entries(STEP_TABLES)) {
    await admin.unsafe(
      `create trigger kill_${step} before insert on ${table} for each row execute function kill_own_connection('${step}')`,
    );
  }
};

const removeConnectionKillers = async (admin: postgres.Sql) => {
  for (const [step, table] of Object.entries(STEP_TABLES)) {
    await admin.unsafe(`drop trigger kill_${step} on ${table}`);
  }
};

describe('database connections dropped mid-provisioning', () => {
  let testDb: TestDb;
  let server: ServerProcess;
  let admin: postgres.Sql;
  beforeAll(async () => {
    testDb = await createTestDb();
    admin = postgres(testDb.url, { max: 1, onnotice: () => {} });
    server = await startServerProcess({
      DATABASE_URL: testDb.url,
      SECRET_KEY: generateKeySpec(),
      SANDBOX_STEP_DELAY_MS: '100',
      PROVISIONING_RETRY_DELAY_SECONDS: '0',
      PROVISIONING_RECOVERY_INTERVAL_SECONDS: '1',
      PROVISIONING_STALL_SECONDS: '2',
    });
  });
  afterAll(async () => {
    await server.stop();
    await admin.end();
    await testDb.close();
  });

  const signUp = async (name: string) => {
    const { client } = createTestClient(server.baseUrl);
    return client.signup.create.mutate({
      studioName: name,
      ownerEmail: `${name.toLowerCase().replaceAll(' ', '-')}@example.com`,
      password: 'SicheresPasswort!',
    });
  };

  /** Waits for every run to be ready; returns how many made it within the time. */
  const readyCount = async (runIds: string[], timeoutMs = 60_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const rows = await admin<{ status: string }[]>`
        select status from provisioning_runs where id in ${admin(runIds)}`;
      const ready = rows.filter((row) => row.status === 'ready').length;
      if (ready === runIds.length || Date.now() > deadline) return ready;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  const halfProvisioned = async (tenantIds: string[]) => {
    let half = 0;
    for (const tenantId of tenantIds) if (!(await isFullyProvisioned(testDb.db, tenantId))) half++;
    return half;
  };

  const serverAnswers = async () => (await fetch(`${server.baseUrl}/health`)).ok;

  it('recovers every run whose connection died inside a step’s transaction', async ({ task }) => {
    await installConnectionKillers(admin);
    try {
      const runs = await Promise.all(
        Array.from({ length: RUNS }, (_, i) => signUp(`Abbruch ${i}`)),
      );
      const ready = await readyCount(runs.map((run) => run.runId));
      const steps = await testDb.db
        .select({
          name: schema.provisioningSteps.name,
          attempts: schema.provisioningSteps.attempts,
        })
        .from(schema.provisioningSteps);
      const dropped = steps.filter((step) => step.name in STEP_TABLES && step.attempts >= 2);
      const half = await halfProvisioned(runs.map((run) => run.tenantId));
      const orphans = await countOrphanRows(testDb.db);
      const alive = await serverAnswers();
      recordProof(task, {
        check: 'connection killed inside each step’s transaction (pg_terminate_backend)',
        tries: dropped.length,
        outcome: `${ready}/${RUNS} runs ready, ${dropped.length} steps retried after the drop, ${half} half-provisioned, server ${alive ? 'up' : 'DOWN'}`,
        lost: RUNS - ready + half + orphans + (alive ? 0 : 1),
      });
      expect(ready).toBe(RUNS);
      expect(dropped).toHaveLength(RUNS * Object.keys(STEP_TABLES).length);
      expect(half).toBe(0);
      expect(orphans).toBe(0);
      expect(alive).toBe(true);
    } finally {
      await removeConnectionKillers(admin);
    }
  });

  it('recovers runs when every connection of the server is cut at once', async ({ task }) => {
    const runs = await Promise.all(Array.from({ length: RUNS }, (_, i) => signUp(`Schnitt ${i}`)));
    let terminated = 0;
    for (const pause of [150, 600]) {
      await new Promise((resolve) => setTimeout(resolve, pause));
      const killed = await admin`
        select pg_terminate_backend(pid) as killed from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid()`;
      terminated += killed.filter((row) => row.killed).length;
    }
    const ready = await readyCount(runs.map((run) => run.runId));
    const half = await halfProvisioned(runs.map((run) => run.tenantId));
    // The server still answers, on fresh connections.
    const [tenant] = await testDb.db
      .select()
      .from(schema.tenants)
      .where(eq(schema.tenants.id, runs[0]?.tenantId as string));
    const alive = await serverAnswers();
    recordProof(task, {
      check: 'all server connections terminated twice during provisioning',
      tries: terminated,
      outcome: `${terminated} backends terminated, ${ready}/${RUNS} runs ready, ${half} half-provisioned, server ${alive ? 'up' : 'DOWN'}`,
      lost: RUNS - ready + half + (alive ? 0 : 1),
    });
    expect(terminated).toBeGreaterThan(0);
    expect(ready).toBe(RUNS);
    expect(half).toBe(0);
    expect(alive).toBe(true);
    expect(tenant?.name).toBe('Schnitt 0');
  });
});
