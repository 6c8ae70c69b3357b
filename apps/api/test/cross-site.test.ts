import { countAll } from '@pilar/provisioning/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WIZARD_CONSENT } from './support/signup-consent.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const mutations = ['signup.create', 'auth.login', 'auth.logout', 'provisioning.retry'];
const form = {
  studioName: 'Fremd',
  ownerEmail: 'fremd@example.com',
  password: 'SicheresPasswort!',
};
/** The REST signup's body; the tRPC mutations get the wizard's, with its consent. */
const body = JSON.stringify(form);
const wizardBody = JSON.stringify({ ...form, consent: WIZARD_CONSENT });

describe('cross-site requests', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it.each(
    mutations.flatMap((path) => [
      [path, 'application/x-www-form-urlencoded', 'https://evil.example'],
      [path, 'text/plain', 'https://evil.example'],
      [path, 'multipart/form-data; boundary=x', 'https://evil.example'],
      [path, 'application/json', 'https://evil.example'],
      [path, 'text/plain', null],
    ]),
  )('refuse %s as %s from %s without touching data', async (path, contentType, origin) => {
    const before = await countAll(server.testDb.db);
    const response = await fetch(`${server.baseUrl}/trpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': contentType, ...(origin ? { origin } : {}) },
      body: wizardBody,
    });
    expect(response.status).toBe(origin ? 403 : 400);
    expect(await response.json()).toEqual({
      success: false,
      error: origin
        ? `Cross-site request from ${origin} refused`
        : 'Content-Type must be application/json',
    });
    expect(await countAll(server.testDb.db)).toEqual(before);
  });

  it('refuses the REST signup from a foreign origin too, and accepts the own origin', async () => {
    const url = `${server.baseUrl}/api/tenant/create`;
    const foreign = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body,
    });
    expect(foreign.status).toBe(403);
    const own = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.baseUrl },
      body,
    });
    expect(own.status).toBe(201);
  });

  it('does not change state on GET', async () => {
    const response = await fetch(
      `${server.baseUrl}/trpc/signup.create?input=${encodeURIComponent(wizardBody)}`,
    );
    expect(response.status).toBe(405);
  });
});
