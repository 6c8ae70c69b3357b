import { schema } from '@pilar/provisioning';
import { afterEach, describe, expect, it } from 'vitest';
import { WIZARD_CONSENT } from './support/signup-consent.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { createTestClient, errorOf } from './support/trpc-client.ts';

const body = {
  studioName: 'Einmal Fitness',
  ownerEmail: 'einmal@example.com',
  password: 'SicheresPasswort!',
};

const post = async (server: TestServer, payload: unknown, key: string) => {
  const response = await fetch(`${server.baseUrl}/api/tenant/create`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(payload),
  });
  return { status: response.status, text: await response.text() };
};

describe('idempotent signup', () => {
  let server: TestServer;
  afterEach(async () => {
    await server.close();
  });

  it('answers 50 parallel identical REST requests with one tenant and identical bodies', async () => {
    server = await startTestServer();
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => post(server, body, 'key-parallel-1')),
    );
    expect(responses.every((r) => r.status === 201)).toBe(true);
    expect(new Set(responses.map((r) => r.text)).size).toBe(1);
    expect(await server.testDb.db.select().from(schema.tenants)).toHaveLength(1);
  });

  it('refuses the same key with a different body (422) and accepts it again after the first finished', async () => {
    server = await startTestServer();
    const first = await post(server, body, 'key-2');
    expect(first.status).toBe(201);
    const other = await post(server, { ...body, studioName: 'Anders' }, 'key-2');
    expect(other.status).toBe(422);
    expect(JSON.parse(other.text)).toEqual({
      success: false,
      error: 'This Idempotency-Key was already used with a different request body',
    });
    expect(await post(server, body, 'key-2')).toEqual(first);
    const malformed = await post(server, body, 'schlüssel mit leerzeichen');
    expect(malformed.status).toBe(400);
  });

  it('lets a wizard double submit create one tenant, both answers logging the browser in', async () => {
    server = await startTestServer();
    const idempotencyKey = crypto.randomUUID();
    const first = createTestClient(server.baseUrl).client;
    const second = createTestClient(server.baseUrl).client;
    const [a, b] = await Promise.all([
      first.signup.create.mutate({ ...body, consent: WIZARD_CONSENT, idempotencyKey }),
      second.signup.create.mutate({ ...body, consent: WIZARD_CONSENT, idempotencyKey }),
    ]);
    expect(a).toEqual(b);
    expect(await server.testDb.db.select().from(schema.tenants)).toHaveLength(1);
    expect((await first.auth.me.query())?.tenant.id).toBe(a.tenantId);
    expect((await second.auth.me.query())?.tenant.id).toBe(a.tenantId);
    const reused = await errorOf(
      second.signup.create.mutate({
        ...body,
        consent: WIZARD_CONSENT,
        studioName: 'Anders',
        idempotencyKey,
      }),
    );
    expect(reused.data?.httpStatus).toBe(422);
  });

  it('releases the key when the first attempt fails, so a corrected retry is not blocked', async () => {
    server = await startTestServer();
    const { client } = createTestClient(server.baseUrl);
    const idempotencyKey = crypto.randomUUID();
    const weak = await errorOf(
      client.signup.create.mutate({
        ...body,
        consent: WIZARD_CONSENT,
        password: 'weak',
        idempotencyKey,
      }),
    );
    expect(weak.message).toBe('Password must be at least 8 characters');
    const taken = await errorOf(
      (async () => {
        await createTestClient(server.baseUrl).client.signup.create.mutate({
          ...body,
          consent: WIZARD_CONSENT,
        });
        return client.signup.create.mutate({ ...body, consent: WIZARD_CONSENT, idempotencyKey });
      })(),
    );
    expect(taken.message).toBe('Email already exists');
    const fixed = await client.signup.create.mutate({
      ...body,
      consent: WIZARD_CONSENT,
      ownerEmail: 'neu@example.com',
      idempotencyKey,
    });
    expect(fixed.runId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
