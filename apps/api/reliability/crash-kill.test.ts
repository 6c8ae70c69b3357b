import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeySpec, schema } from '@pilar/provisioning';
import {
  countOrphanRows,
  createTestDb,
  describeDatabase,
  isFullyProvisioned,
  type TestDb,
} from '@pilar/provisioning/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../test/support/server-process.ts';
import { createTestClient, type TestClient } from '../test/support/trpc-client.ts';
import { waitFor } from '../test/support/wait-for.ts';
import { recordProof } from './support/ledger.ts';

const STEPS = ['voice', 'whatsapp', 'integrations', 'ai_profile', 'ready'] as const;
const KILLS_PER_STEP = Number(process.env.RELIABILITY_KILLS_PER_STEP ?? 10);
const PASSWORD = 'SicheresPasswort!';

describe(`kill -9 at every provisioning step (${describeDatabase()})`, () => {
  let testDb: TestDb;
  let dataDir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pilar-kill-'));
    testDb = await createTestDb();
    env = {
      DATA_DIR: dataDir,
      SECRET_KEY: generateKeySpec(),
      SANDBOX_STEP_DELAY_MS: '150',
      PROVISIONING_RETRY_DELAY_SECONDS: '0',
      PROVISIONING_RECOVERY_INTERVAL_SECONDS: '1',
      PROVISIONING_STALL_SECONDS: '2',
      DATABASE_URL: testDb.url,
    };
  });
  afterAll(async () => {
    await testDb.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it(`resumes every run after ${KILLS_PER_STEP} kills per step`, async ({ task }) => {
    const runs: { runId: string; step: string }[] = [];
    let server: ServerProcess = await startServerProcess(env);
    let kills = 0;
    let notResumed = 0;
    try {
      for (let round = 0; round < KILLS_PER_STEP; round++) {
        for (const step of STEPS) {
          const index = runs.length;
          const { client, jar } = createTestClient(server.baseUrl);
          const { runId } = await client.signup.create.mutate({
            studioName: `Absturz ${index}`,
            ownerEmail: `absturz${index}@example.com`,
            password: PASSWORD,
          });
          runs.push({ runId, step });
          await waitFor(`step ${step} of run ${index}`, async () => {
            const status = await client.provisioning.status.query({ runId });
            return status.steps.find((s) => s.name === step)?.status === 'running' || undefined;
          });
          expect(await server.stop('SIGKILL')).toBeNull();
          kills++;
          server = await startServerProcess(env);
          // The same browser (cookie) asks the restarted server.
          const resumed: TestClient = createTestClient(server.baseUrl, jar).client;
          // The interrupted run must finish after the restart before the next kill, so each
          // run is cut exactly once, at its step.
          const ready = await waitFor(`run ${index} to resume`, async () => {
            const status = await resumed.provisioning.status.query({ runId });
            return status.status === 'ready' ? status : undefined;
          }).catch(() => undefined);
          if (!ready) notResumed++;
        }
      }
    } finally {
      await server.stop();
    }

    const tenants = await testDb.db.select({ id: schema.tenants.id }).from(schema.tenants);
    const finished = await testDb.db
      .select({ status: schema.provisioningRuns.status })
      .from(schema.provisioningRuns);
    let half = 0;
    for (const { id } of tenants) if (!(await isFullyProvisioned(testDb.db, id))) half++;
    const orphans = await countOrphanRows(testDb.db);
    const ready = finished.filter((run) => run.status === 'ready').length;
    recordProof(task, {
      check: `kill -9 of the server at each step, ${KILLS_PER_STEP}× per step (${describeDatabase()})`,
      tries: kills,
      outcome: `${ready}/${runs.length} runs ready after restart, ${half} duplicate or half-provisioned tenants, ${orphans} orphan rows`,
      lost: runs.length - ready + half + orphans + notResumed,
    });
    expect(kills).toBe(KILLS_PER_STEP * STEPS.length);
    expect(ready).toBe(runs.length);
    expect(tenants).toHaveLength(runs.length);
    expect(half).toBe(0);
    expect(orphans).toBe(0);
    expect(notResumed).toBe(0);
  });
});
