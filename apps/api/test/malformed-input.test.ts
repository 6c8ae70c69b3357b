import { schema } from '@pilar/provisioning';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WIZARD_CONSENT } from './support/signup-consent.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { createTestClient, errorOf, type TestClient } from './support/trpc-client.ts';

// Inputs the fuzzing proof (pnpm test:reliability) once answered with a 500; each is a 4xx now.
describe('malformed input found by fuzzing', () => {
  let server: TestServer;
  let owner: TestClient;
  beforeAll(async () => {
    server = await startTestServer();
    owner = createTestClient(server.baseUrl).client;
    await owner.signup.create.mutate({
      studioName: 'Fuzz-Studio',
      ownerEmail: 'fuzz@example.com',
      password: 'SicheresPasswort!',
      consent: WIZARD_CONSENT,
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it('treats a session cookie with broken percent-encoding as no session', async () => {
    const headers = { cookie: 'pilar_session=%ZZ' };
    const me = await fetch(`${server.baseUrl}/trpc/auth.me`, { headers });
    expect([me.status, await me.json()]).toEqual([200, { result: { data: null } }]);
    const settings = await fetch(`${server.baseUrl}/trpc/settings.get`, { headers });
    expect(settings.status).toBe(401);
  });

  it('refuses settings versions beyond the integer column', async () => {
    const restore = await errorOf(
      owner.history.restore.mutate({ version: 2_147_483_648, expectedVersion: 1 }),
    );
    expect(restore.data?.httpStatus).toBe(400);
    const { config } = await owner.settings.get.query();
    const save = await errorOf(
      owner.settings.saveSection.mutate({
        section: 'openingMessages',
        expectedVersion: 7_210_148_587_876_045,
        value: config.openingMessages,
      }),
    );
    expect(save.data?.httpStatus).toBe(400);
  });

  it.each([
    ['a NUL character', 'Hallo\u0000Welt'],
    ['a lone surrogate', 'Verwende die Du-Form\ud800'],
  ])('refuses settings text with %s, which jsonb cannot store', async (_what, rule) => {
    const { version } = await owner.settings.get.query();
    const refused = await errorOf(
      owner.settings.saveSection.mutate({
        section: 'studioRules',
        expectedVersion: version,
        value: [rule],
      }),
    );
    expect(refused.data?.httpStatus).toBe(400);
    expect(refused.message).toBe('Rule contains characters that cannot be stored');
  });

  it('validates a sign-up before hashing it for its idempotency key', async () => {
    const deep = `{"a":${'['.repeat(7000)}${']'.repeat(7000)}}`;
    const response = await fetch(`${server.baseUrl}/api/tenant/create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'tief-1' },
      body: deep,
    });
    expect(response.status).toBe(400);
    expect(await server.testDb.db.select().from(schema.idempotencyKeys)).toEqual([]);
  });
});
