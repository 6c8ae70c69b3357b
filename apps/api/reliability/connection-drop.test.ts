import { generateKeySpec, schema } from '@pilar/provisioning';
import { countOrphanRows, createTestDb, type TestDb } from '@pilar/provisioning/testing';
import { eq } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../test/support/server-process.ts';
import { WIZARD_CONSENT } from '../test/support/signup-consent.ts';
import { createTestClient } from '../test/support/trpc-client.ts';
import {
  installConnectionKillers,
  readyRunCount,
  removeConnectionKillers,
  STEP_TABLES,
  terminateOtherConnections,
} from './support/connection-killers.ts';
import { countHalfProvisioned } from './support/half-provisioned.ts';
import { recordProof } from './support/ledger.ts';

const RUNS = 10;

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

  const signUpMany = (prefix: string) =>
    Promise.all(
      Array.from({ length: RUNS }, (_, i) =>
        createTestClient(server.baseUrl).client.signup.create.mutate({
          studioName: `${prefix} ${i}`,
          ownerEmail: `${prefix.toLowerCase()}-${i}@example.com`,
          password: 'SicheresPasswort!',
          consent: WIZARD_CONSENT,
        }),
      ),
    );

  const runIds = (runs: { runId: string }[]) => runs.map((run) => run.runId);
  const tenantIds = (runs: { tenantId: string }[]) => runs.map((run) => run.tenantId);
  const serverAnswers = async () => (await fetch(`${server.baseUrl}/health`)).ok;

  it('recovers every run whose connection died inside a step’s transaction', async ({ task }) => {
    await installConnectionKillers(admin);
    try {
      const runs = await signUpMany('Abbruch');
      const ready = await readyRunCount(admin, runIds(runs));
      const steps = await testDb.db
        .select({
          name: schema.provisioningSteps.name,
          attempts: schema.provisioningSteps.attempts,
        })
        .from(schema.provisioningSteps);
      const dropped = steps.filter((step) => step.name in STEP_TABLES && step.attempts >= 2);
      const half = await countHalfProvisioned(testDb.db, tenantIds(runs));
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
    const runs = await signUpMany('Schnitt');
    let terminated = 0;
    for (const pause of [150, 600]) {
      await new Promise((resolve) => setTimeout(resolve, pause));
      terminated += await terminateOtherConnections(admin);
    }
    const ready = await readyRunCount(admin, runIds(runs));
    const half = await countHalfProvisioned(testDb.db, tenantIds(runs));
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
