import { generateKeySpec, schema } from '@pilar/provisioning';
import { countTenantRows, createTestDb, type TestDb } from '@pilar/provisioning/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectProgress, describeEvents } from './support/progress.ts';
import { type ServerProcess, startServerProcess } from './support/server-process.ts';
import { WIZARD_CONSENT } from './support/signup-consent.ts';
import { createTestClient } from './support/trpc-client.ts';

const finishedRuns = async (server: ServerProcess) => {
  const metrics = await (await fetch(`${server.baseUrl}/metrics`)).text();
  return Number(
    metrics.match(/provisioning_runs_finished_total\{status="ready"\} (\d+)/)?.[1] ?? 0,
  );
};

describe('two server processes on one PostgreSQL', () => {
  let testDb: TestDb;
  let first: ServerProcess;
  let second: ServerProcess;
  beforeAll(async () => {
    testDb = await createTestDb();
    const env = {
      DATABASE_URL: testDb.url,
      SECRET_KEY: generateKeySpec(),
      SANDBOX_STEP_DELAY_MS: '50',
    };
    [first, second] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  });
  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
    await testDb?.close();
  });

  it('streams a run executed by one process to a client connected to the other', async () => {
    const { client, jar } = createTestClient(first.baseUrl);
    const { runId } = await client.signup.create.mutate({
      studioName: 'Zwei Prozesse',
      ownerEmail: 'zwei@example.com',
      password: 'SicheresPasswort!',
      consent: WIZARD_CONSENT,
    });
    const elsewhere = createTestClient(second.baseUrl, jar).client;
    const { events } = await collectProgress(elsewhere, runId);
    expect(describeEvents(events).at(0)).toBe('run.started');
    expect(describeEvents(events).at(-1)).toBe('run.ready');
    expect(events.filter((event) => event.type === 'step.done')).toHaveLength(5);
  });

  it('shares the work: 20 signups on both processes, each step executed once', async () => {
    const before = (await finishedRuns(first)) + (await finishedRuns(second));
    const runIds = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const { client } = createTestClient((i % 2 ? first : second).baseUrl);
        const { runId } = await client.signup.create.mutate({
          studioName: `Geteilt ${i}`,
          ownerEmail: `geteilt${i}@example.com`,
          password: 'SicheresPasswort!',
          consent: WIZARD_CONSENT,
        });
        return runId;
      }),
    );
    const deadline = Date.now() + 30_000;
    for (;;) {
      const runs = await testDb.db.select().from(schema.provisioningRuns);
      if (runIds.every((id) => runs.find((run) => run.id === id)?.status === 'ready')) break;
      if (Date.now() > deadline) throw new Error('runs did not all become ready');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const steps = await testDb.db.select().from(schema.provisioningSteps);
    expect(
      steps.filter((step) => runIds.includes(step.runId)).every((step) => step.attempts === 1),
    ).toBe(true);
    const [a, b] = [await finishedRuns(first), await finishedRuns(second)];
    expect(a + b - before).toBe(20);
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);
    for (const run of await testDb.db.select().from(schema.provisioningRuns)) {
      expect(await countTenantRows(testDb.db, run.tenantId)).toMatchObject({
        phone_numbers: 1,
        whatsapp_channels: 1,
        tenant_integrations: 3,
        conversations: 1,
      });
    }
  });
});
