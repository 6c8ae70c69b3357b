import { parseFailureSpec, sandboxBeforeStep } from '@pilar/provisioning/sandbox';
import { countTenantRows } from '@pilar/provisioning/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { collectProgress, describeEvents } from './support/progress.ts';
import { WIZARD_CONSENT } from './support/signup-consent.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { createTestClient, errorOf } from './support/trpc-client.ts';

const signup = (email: string) => ({
  studioName: 'Fortschritt Fitness',
  ownerEmail: email,
  password: 'SicheresPasswort!',
  consent: WIZARD_CONSENT,
});

const HAPPY_PATH = [
  'run.started',
  'step.started:voice',
  'step.done:voice',
  'step.started:whatsapp',
  'step.done:whatsapp',
  'step.started:integrations',
  'step.done:integrations',
  'step.started:ai_profile',
  'step.done:ai_profile',
  'step.started:ready',
  'step.done:ready',
  'run.ready',
];

describe('provisioning runs over tRPC (SSE subscription)', () => {
  let server: TestServer;
  afterEach(async () => {
    await server.close();
  });

  it('streams every step in order until ready, and replays after lastEventId', async () => {
    server = await startTestServer();
    const { client } = createTestClient(server.baseUrl);
    const { runId } = await client.signup.create.mutate(signup('a@example.com'));

    const all = await collectProgress(client, runId);
    expect(describeEvents(all.events)).toEqual(HAPPY_PATH);
    expect(all.ids).toEqual(all.events.map((event) => String(event.id)));

    const resumeAfter = all.ids[4];
    const replay = await collectProgress(client, runId, resumeAfter);
    expect(describeEvents(replay.events)).toEqual(HAPPY_PATH.slice(5));

    const status = await client.provisioning.status.query({ runId });
    expect(status.status).toBe('ready');
    expect(status.steps.map((step) => [step.name, step.status, step.attempts])).toEqual([
      ['voice', 'done', 1],
      ['whatsapp', 'done', 1],
      ['integrations', 'done', 1],
      ['ai_profile', 'done', 1],
      ['ready', 'done', 1],
    ]);
  });

  it('retries a failing step with backoff and still reaches ready', async () => {
    server = await startTestServer({
      services: {
        beforeStep: sandboxBeforeStep({ stepDelayMs: 0, failures: parseFailureSpec('whatsapp:2') }),
      },
    });
    const { client } = createTestClient(server.baseUrl);
    const { runId } = await client.signup.create.mutate(signup('b@example.com'));
    const { events } = await collectProgress(client, runId);
    expect(describeEvents(events).filter((e) => e.endsWith(':whatsapp'))).toEqual([
      'step.started:whatsapp',
      'step.retrying:whatsapp',
      'step.started:whatsapp',
      'step.retrying:whatsapp',
      'step.started:whatsapp',
      'step.done:whatsapp',
    ]);
    expect(events.at(-1)?.type).toBe('run.ready');
    const retrying = events.find((event) => event.type === 'step.retrying');
    expect(retrying?.detail).toMatchObject({ attempt: 1, attemptLimit: 3 });
    expect(String(retrying?.detail.error)).toContain(
      'Sandbox: simulated failure of step "whatsapp"',
    );
  });

  it('fails the run when a step exhausts its attempts, and resumes from that step on retry', async () => {
    server = await startTestServer({
      services: {
        beforeStep: sandboxBeforeStep({ stepDelayMs: 0, failures: parseFailureSpec('whatsapp:3') }),
      },
    });
    const { client } = createTestClient(server.baseUrl);
    const { runId, tenantId } = await client.signup.create.mutate(signup('c@example.com'));
    const first = await collectProgress(client, runId);
    expect(first.events.at(-1)).toMatchObject({ type: 'run.failed', step: 'whatsapp' });
    const failed = await client.provisioning.status.query({ runId });
    expect(failed.status).toBe('failed');
    expect(failed.error).toContain('whatsapp: Sandbox: simulated failure');
    expect(failed.steps.find((step) => step.name === 'whatsapp')).toMatchObject({
      status: 'failed',
      attempts: 3,
    });
    expect(failed.steps.find((step) => step.name === 'voice')).toMatchObject({
      status: 'done',
      attempts: 1,
    });

    await client.provisioning.retry.mutate({ runId });
    const resumed = await collectProgress(client, runId, first.ids.at(-1));
    expect(describeEvents(resumed.events)).toEqual([
      'run.retried',
      'step.started:whatsapp',
      'step.done:whatsapp',
      ...HAPPY_PATH.slice(5),
    ]);
    const ready = await client.provisioning.status.query({ runId });
    expect(ready.steps.map((step) => [step.name, step.attempts])).toEqual([
      ['voice', 1],
      ['whatsapp', 4],
      ['integrations', 1],
      ['ai_profile', 1],
      ['ready', 1],
    ]);
    expect(await countTenantRows(server.testDb.db, tenantId)).toMatchObject({
      phone_numbers: 1,
      whatsapp_channels: 1,
      tenant_integrations: 3,
      conversations: 1,
    });
    const again = await errorOf(client.provisioning.retry.mutate({ runId }));
    expect(again.data?.httpStatus).toBe(409);
    expect(again.message).toBe('Only a failed provisioning run can be retried (this one is ready)');
  });

  it('lets only the run’s owner watch, query or retry it', async () => {
    server = await startTestServer();
    const owner = createTestClient(server.baseUrl).client;
    const stranger = createTestClient(server.baseUrl).client;
    const anonymous = createTestClient(server.baseUrl).client;
    const { runId } = await owner.signup.create.mutate(signup('owner@example.com'));
    await stranger.signup.create.mutate(signup('stranger@example.com'));

    for (const attempt of [
      () => stranger.provisioning.status.query({ runId }),
      () => stranger.provisioning.retry.mutate({ runId }),
      () => collectProgress(stranger, runId),
    ]) {
      const error = await errorOf(attempt());
      expect(error.message).toBe('Provisioning run not found');
    }
    for (const attempt of [
      () => anonymous.provisioning.status.query({ runId }),
      () => anonymous.provisioning.retry.mutate({ runId }),
      () => collectProgress(anonymous, runId),
    ]) {
      const error = await errorOf(attempt());
      expect(error.message).toBe('Please log in');
    }
  });
});
