import { schema } from '@pilar/provisioning';
import { afterEach, describe, expect, it } from 'vitest';
import { WIZARD_CONSENT } from './support/signup-consent.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { CookieJar, createTestClient, errorOf } from './support/trpc-client.ts';

const owner = {
  studioName: 'Anmelde-Studio',
  ownerEmail: 'inhaber@example.com',
  password: 'SicheresPasswort!',
  consent: WIZARD_CONSENT,
};

describe('owner sessions', () => {
  let server: TestServer;
  afterEach(async () => {
    await server.close();
  });

  it('logs the owner in at signup with a hardened session cookie, storing only its hash', async () => {
    server = await startTestServer();
    const { client, jar } = createTestClient(server.baseUrl);
    const { tenantId } = await client.signup.create.mutate(owner);
    const [cookie] = jar.setCookieHeaders;
    expect(cookie).toMatch(
      /^pilar_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/,
    );
    expect(await client.auth.me.query()).toMatchObject({
      user: { email: 'inhaber@example.com', role: 'owner' },
      tenant: { id: tenantId, name: 'Anmelde-Studio' },
    });
    const token = jar.cookies.get('pilar_session') ?? '';
    const stored = await server.testDb.db.select().from(schema.sessions);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it('issues a new session at login and ends it on the server at logout', async () => {
    server = await startTestServer();
    await createTestClient(server.baseUrl).client.signup.create.mutate(owner);
    const jar = new CookieJar();
    const { client } = createTestClient(server.baseUrl, jar);
    expect(await client.auth.me.query()).toBeNull();

    await client.auth.login.mutate({ email: ' Inhaber@Example.com ', password: owner.password });
    const first = jar.cookies.get('pilar_session');
    await client.auth.login.mutate({ email: owner.ownerEmail, password: owner.password });
    const second = jar.cookies.get('pilar_session');
    expect(second).not.toBe(first);
    // The session the browser had before the new login is gone on the server.
    const stale = createTestClient(
      server.baseUrl,
      Object.assign(new CookieJar(), { cookies: new Map([['pilar_session', first ?? '']]) }),
    );
    expect(await stale.client.auth.me.query()).toBeNull();

    const copied = new CookieJar();
    copied.cookies.set('pilar_session', second ?? '');
    await client.auth.logout.mutate();
    expect(jar.setCookieHeaders.at(-1)).toMatch(
      /^pilar_session=; Path=\/; HttpOnly; SameSite=Lax; Max-Age=0$/,
    );
    // A copy of the cookie kept elsewhere no longer works either.
    const replay = createTestClient(server.baseUrl, copied).client;
    expect(await replay.auth.me.query()).toBeNull();
    expect((await errorOf(replay.auth.logout.mutate())).message).toBe('Please log in');
  });

  it('answers a wrong password and an unknown account alike', async () => {
    server = await startTestServer();
    await createTestClient(server.baseUrl).client.signup.create.mutate(owner);
    const { client } = createTestClient(server.baseUrl);
    const wrong = await errorOf(
      client.auth.login.mutate({ email: owner.ownerEmail, password: 'falsch-falsch' }),
    );
    const unknown = await errorOf(
      client.auth.login.mutate({ email: 'niemand@example.com', password: 'falsch-falsch' }),
    );
    for (const error of [wrong, unknown]) {
      expect(error.message).toBe('Invalid email or password');
      expect(error.data?.httpStatus).toBe(401);
    }
  });

  it('throttles an account after repeated failures with a clear message and Retry-After', async () => {
    server = await startTestServer({
      throttlePolicy: {
        accountFailures: 3,
        addressFailures: 100,
        windowSeconds: 900,
        lockSeconds: 30,
        maxLockSeconds: 900,
      },
    });
    await createTestClient(server.baseUrl).client.signup.create.mutate(owner);
    const { client } = createTestClient(server.baseUrl);
    for (let i = 0; i < 2; i++) {
      const error = await errorOf(
        client.auth.login.mutate({ email: owner.ownerEmail, password: 'falsch-falsch' }),
      );
      expect(error.message).toBe('Invalid email or password');
    }
    const locked = await errorOf(
      client.auth.login.mutate({ email: owner.ownerEmail, password: 'falsch-falsch' }),
    );
    expect(locked.message).toMatch(
      /^Too many failed login attempts\. Try again in (29|30) seconds\.$/,
    );
    expect(locked.data).toMatchObject({ httpStatus: 429, retryAfterSeconds: expect.any(Number) });
    // Even the right password waits until the lock ends.
    const stillLocked = await errorOf(
      client.auth.login.mutate({ email: owner.ownerEmail, password: owner.password }),
    );
    expect(stillLocked.data?.httpStatus).toBe(429);

    const raw = await fetch(`${server.baseUrl}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: owner.ownerEmail, password: owner.password }),
    });
    expect(raw.status).toBe(429);
    expect(Number(raw.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('throttles a client address across accounts', async () => {
    server = await startTestServer({
      throttlePolicy: {
        accountFailures: 100,
        addressFailures: 3,
        windowSeconds: 900,
        lockSeconds: 30,
        maxLockSeconds: 900,
      },
    });
    const { client } = createTestClient(server.baseUrl);
    const messages: string[] = [];
    for (let i = 0; i < 4; i++) {
      messages.push(
        (
          await errorOf(
            client.auth.login.mutate({ email: `x${i}@example.com`, password: 'falsch-falsch' }),
          )
        ).message,
      );
    }
    expect(messages.slice(0, 2)).toEqual([
      'Invalid email or password',
      'Invalid email or password',
    ]);
    expect(messages[2]).toMatch(/^Too many failed login attempts/);
    expect(messages[3]).toMatch(/^Too many failed login attempts/);
  });
});
