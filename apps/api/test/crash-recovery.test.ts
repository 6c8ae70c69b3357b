import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, generateKeySpec, schema } from '@pilar/provisioning';
import { startEmbeddedPostgres } from '@pilar/provisioning/embedded';
import { countOrphanRows, countTenantRows, PROVISIONED_ROWS } from '@pilar/provisioning/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from './support/server-process.ts';
import { WIZARD_CONSENT } from './support/signup-consent.ts';
import { createTestClient, type TestClient } from './support/trpc-client.ts';
import { waitFor } from './support/wait-for.ts';

const STEPS = ['voice', 'whatsapp', 'integrations', 'ai_profile', 'ready'] as const;

// The server owns its embedded database here, as `pnpm start` runs it: each kill -9 takes the
// database down with it (through its watchdog), and the restart recovers both.
describe('kill -9 of the server in the middle of provisioning, on its own embedded database', () => {
  let dataDir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pilar-crash-'));
    env = {
      DATA_DIR: dataDir,
      SECRET_KEY: generateKeySpec(),
      SANDBOX_STEP_DELAY_MS: '300',
      PROVISIONING_RECOVERY_INTERVAL_SECONDS: '1',
      PROVISIONING_STALL_SECONDS: '2',
    };
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('resumes every run to ready after a restart, with no duplicate and no half-provisioned tenant', async () => {
    const runs: { runId: string; client: TestClient }[] = [];
    let server: ServerProcess = await startServerProcess(env);
    for (const [index, step] of STEPS.entries()) {
      const { client } = createTestClient(server.baseUrl);
      const { runId } = await client.signup.create.mutate({
        studioName: `Absturz ${index}`,
        ownerEmail: `absturz${index}@example.com`,
        password: 'SicheresPasswort!',
        consent: WIZARD_CONSENT,
      });
      runs.push({ runId, client });
      await waitFor(`step ${step} of run ${index} to start`, async () => {
        const status = await client.provisioning.status.query({ runId });
        return status.steps.find((s) => s.name === step)?.status === 'running' ? true : undefined;
      });
      expect(await server.stop('SIGKILL')).toBeNull();
      server = await startServerProcess(env);
    }
    try {
      for (const [index, { runId }] of runs.entries()) {
        const { client } = createTestClient(server.baseUrl);
        await client.auth.login.mutate({
          email: `absturz${index}@example.com`,
          password: 'SicheresPasswort!',
        });
        const status = await waitFor(`run ${index} to be ready`, async () => {
          const current = await client.provisioning.status.query({ runId });
          return current.status === 'ready' ? current : undefined;
        });
        expect(status.steps.every((s) => s.status === 'done')).toBe(true);
        // The step that was cut off ran again: one more attempt, still one set of rows.
        expect(status.steps.find((s) => s.name === STEPS[index])?.attempts).toBe(2);
      }
      const counts = await (await fetch(`${server.baseUrl}/metrics`)).text();
      expect(counts).not.toContain('provisioning_runs_finished_total{status="failed"}');
    } finally {
      await server.stop();
    }

    // The database stopped with its (now stopped) server; start it again to count rows.
    const database = await startEmbeddedPostgres({ dataDir });
    const inspected = await createDb({ databaseUrl: database.url });
    try {
      const tenants = await inspected.db.select({ id: schema.tenants.id }).from(schema.tenants);
      expect(tenants).toHaveLength(STEPS.length);
      for (const { id } of tenants) {
        expect(await countTenantRows(inspected.db, id)).toMatchObject(PROVISIONED_ROWS);
      }
      expect(await countOrphanRows(inspected.db)).toBe(0);
    } finally {
      await inspected.close();
      await database.stop();
    }
  });
});
