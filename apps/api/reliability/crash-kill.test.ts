import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeySpec, schema } from '@pilar/provisioning';
import {
  countOrphanRows,
  createTestDb,
  describeDatabase,
  type TestDb,
} from '@pilar/provisioning/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countHalfProvisioned } from './support/half-provisioned.ts';
import { killAtEveryStep } from './support/kill-at-steps.ts';
import { recordProof } from './support/ledger.ts';

const STEPS = ['voice', 'whatsapp', 'integrations', 'ai_profile', 'ready'] as const;
const KILLS_PER_STEP = Number(process.env.RELIABILITY_KILLS_PER_STEP ?? 10);

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
    const { runs, killExitCodes, notResumed } = await killAtEveryStep(env, STEPS, KILLS_PER_STEP);
    const kills = killExitCodes.length;
    const tenants = await testDb.db.select({ id: schema.tenants.id }).from(schema.tenants);
    const finished = await testDb.db
      .select({ status: schema.provisioningRuns.status })
      .from(schema.provisioningRuns);
    const half = await countHalfProvisioned(
      testDb.db,
      tenants.map(({ id }) => id),
    );
    const orphans = await countOrphanRows(testDb.db);
    const ready = finished.filter((run) => run.status === 'ready').length;
    recordProof(task, {
      check: `kill -9 of the server at each step, ${KILLS_PER_STEP}× per step (${describeDatabase()})`,
      tries: kills,
      outcome: `${ready}/${runs.length} runs ready after restart, ${half} duplicate or half-provisioned tenants, ${orphans} orphan rows`,
      lost: runs.length - ready + half + orphans + notResumed,
    });
    expect(kills).toBe(KILLS_PER_STEP * STEPS.length);
    expect(killExitCodes.filter((code) => code !== null)).toEqual([]);
    expect(ready).toBe(runs.length);
    expect(tenants).toHaveLength(runs.length);
    expect(half).toBe(0);
    expect(orphans).toBe(0);
    expect(notResumed).toBe(0);
  });
});
