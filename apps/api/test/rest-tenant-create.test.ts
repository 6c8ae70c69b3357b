import { DEFAULT_TENANT_CONFIG } from '@pilar/provisioning';
import { countAll } from '@pilar/provisioning/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson, startTestServer, type TestServer } from './support/test-server.ts';

describe('POST /api/tenant/create — the specification’s curl tests over HTTP', () => {
  let server: TestServer;
  let url: string;
  beforeAll(async () => {
    server = await startTestServer();
    url = `${server.baseUrl}/api/tenant/create`;
  });
  afterAll(async () => {
    await server.close();
  });

  it('Test 1: creates a tenant and answers with the full default config and status ready', async () => {
    const { status, body } = await postJson(url, {
      studioName: 'FitZone Berlin',
      ownerEmail: 'owner@fitzone-berlin.de',
      password: 'SecurePassword123!',
      domain: 'fitzone-berlin.pilarsystems.com',
    });
    expect(status).toBe(201);
    expect(body).toEqual({
      success: true,
      tenantId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      ownerId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      defaultConfig: DEFAULT_TENANT_CONFIG,
      status: 'ready',
    });
  });

  it('Test 2: refuses a duplicate e-mail', async () => {
    expect(
      await postJson(url, {
        studioName: 'Another Studio',
        ownerEmail: 'owner@fitzone-berlin.de',
        password: 'SecurePassword123!',
      }),
    ).toEqual({ status: 409, body: { success: false, error: 'Email already exists' } });
  });

  it('refuses a case variant of the same e-mail', async () => {
    const { status, body } = await postJson(url, {
      studioName: 'Another Studio',
      ownerEmail: 'OWNER@FitZone-Berlin.de',
      password: 'SecurePassword123!',
    });
    expect([status, body.error]).toEqual([409, 'Email already exists']);
  });

  it('Test 3: refuses an invalid e-mail', async () => {
    const { status, body } = await postJson(url, {
      studioName: 'Test Studio',
      ownerEmail: 'invalid-email',
      password: 'SecurePassword123!',
    });
    expect(status).toBe(400);
    expect(body).toMatchObject({ success: false, error: 'Invalid email format' });
  });

  it('Test 4: refuses a weak password', async () => {
    const { status, body } = await postJson(url, {
      studioName: 'Test Studio',
      ownerEmail: 'test@example.com',
      password: 'weak',
    });
    expect(status).toBe(400);
    expect(body).toMatchObject({ success: false, error: 'Password must be at least 8 characters' });
  });

  it('refuses a taken domain with 409 and names the field of bad input', async () => {
    const taken = await postJson(url, {
      studioName: 'Copy',
      ownerEmail: 'copy@example.com',
      password: 'SecurePassword123!',
      domain: 'FitZone-Berlin.pilarsystems.com',
    });
    expect(taken).toEqual({ status: 409, body: { success: false, error: 'Domain already taken' } });
    const missingName = await postJson(url, {
      ownerEmail: 'x@example.com',
      password: 'SecurePassword123!',
    });
    expect(missingName).toEqual({
      status: 400,
      body: {
        success: false,
        error: 'Studio name is required',
        fieldErrors: { studioName: ['Studio name is required'] },
      },
    });
  });

  it.each([
    [
      'malformed JSON',
      '{"studioName": ',
      'application/json',
      400,
      'Request body is not valid JSON',
    ],
    ['a JSON array', '[1,2]', 'application/json', 400, 'Request body must be a JSON object'],
    ['a JSON string', '"hello"', 'application/json', 400, 'Request body must be a JSON object'],
    [
      'a form post',
      'studioName=x',
      'application/x-www-form-urlencoded',
      400,
      'Content-Type must be application/json',
    ],
    ['plain text', '{}', 'text/plain', 400, 'Content-Type must be application/json'],
    [
      'invalid UTF-8',
      Buffer.from([0x7b, 0xff, 0x7d]),
      'application/json',
      400,
      'Request body is not valid JSON',
    ],
    [
      'a huge body',
      JSON.stringify({ studioName: 'x'.repeat(100_000) }),
      'application/json',
      413,
      'Request body exceeds 16384 bytes',
    ],
  ])(
    'answers %s with a clear error, never 5xx',
    async (_label, body, contentType, status, error) => {
      const before = await countAll(server.testDb.db);
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': contentType },
        body,
      });
      expect(response.status).toBe(status);
      expect(await response.json()).toEqual({ success: false, error });
      expect(await countAll(server.testDb.db)).toEqual(before);
    },
  );

  it('documents itself on GET and refuses other methods', async () => {
    const docs = await fetch(url);
    expect(docs.status).toBe(200);
    const body = (await docs.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ endpoint: '/api/tenant/create', method: 'POST' });
    expect(JSON.stringify(body.examples)).toContain('curl -X POST');
    const put = await fetch(url, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, POST');
  });

  it('answers unknown paths with 404 JSON and reports health', async () => {
    expect((await fetch(`${server.baseUrl}/nope`)).status).toBe(404);
    const health = await fetch(`${server.baseUrl}/health`);
    expect(await health.json()).toEqual({ status: 'ok' });
  });
});
