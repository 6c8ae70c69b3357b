import { parseFailureSpec, sandboxBeforeStep } from '@pilar/provisioning/sandbox';
import { afterEach, describe, expect, it } from 'vitest';
import {
  postJson,
  startTestServer,
  type TestServer,
  waitForRunStatus,
} from './support/test-server.ts';

const signup = (email: string) => ({
  studioName: 'Messbar',
  ownerEmail: email,
  password: 'SicheresPasswort!',
});

describe('REST signup waits for the durable run; metrics count it', () => {
  let server: TestServer;
  afterEach(async () => {
    await server.close();
  });

  it('exposes success rate, step durations and failures in Prometheus format', async () => {
    server = await startTestServer({
      services: {
        beforeStep: sandboxBeforeStep({ stepDelayMs: 0, failures: parseFailureSpec('voice:1') }),
      },
    });
    const created = await postJson(`${server.baseUrl}/api/tenant/create`, signup('m@example.com'));
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('ready');
    const metrics = await (await fetch(`${server.baseUrl}/metrics`)).text();
    expect(metrics).toContain('provisioning_runs_finished_total{status="ready"} 1');
    expect(metrics).toContain('provisioning_success_ratio 1');
    expect(metrics).toContain('provisioning_step_failures_total{step="voice",final="false"} 1');
    expect(metrics).toMatch(
      /provisioning_step_duration_seconds_count\{step="whatsapp",outcome="done"\} 1/,
    );
    expect(metrics).toMatch(/provisioning_run_duration_seconds_count\{status="ready"\} 1/);
  });

  it('answers 502 with the failed step and its reason when provisioning fails for good', async () => {
    server = await startTestServer({
      services: {
        beforeStep: sandboxBeforeStep({
          stepDelayMs: 0,
          failures: parseFailureSpec('integrations:9'),
        }),
      },
    });
    const created = await postJson(`${server.baseUrl}/api/tenant/create`, signup('f@example.com'));
    expect(created).toEqual({
      status: 502,
      body: {
        success: false,
        error:
          'Provisioning failed at step "integrations": Sandbox: simulated failure of step "integrations" (attempt 3 of 9 failing)',
      },
    });
    const metrics = await (await fetch(`${server.baseUrl}/metrics`)).text();
    expect(metrics).toContain('provisioning_runs_finished_total{status="failed"} 1');
    expect(metrics).toContain('provisioning_success_ratio 0');
  });

  it('answers 504 when provisioning outlasts the wait, and the run still finishes', async () => {
    server = await startTestServer({
      restWaitTimeoutMs: 300,
      services: { beforeStep: sandboxBeforeStep({ stepDelayMs: 150, failures: new Map() }) },
    });
    const created = await postJson(`${server.baseUrl}/api/tenant/create`, signup('t@example.com'));
    expect(created.status).toBe(504);
    const message = String(created.body.error);
    expect(message).toMatch(/^Provisioning is still running after 1 s \(run [0-9a-f-]{36}\)/);
    await waitForRunStatus(server, message.match(/run ([0-9a-f-]{36})/)?.[1] ?? '', 'ready');
  });
});
