import { schema } from '@pilar/provisioning';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { postJson, startTestServer, type TestServer } from './support/test-server.ts';
import { CookieJar, createTestClient, errorOf } from './support/trpc-client.ts';

const FIREFOX_LINUX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';
const password = 'SicheresPasswort!';

describe('device sessions', () => {
  let server: TestServer;
  afterEach(async () => {
    await server.close();
  });

  const logIn = async (email: string, userAgent: string) => {
    const { client } = createTestClient(server.baseUrl, new CookieJar(userAgent));
    await client.auth.login.mutate({ email, password });
    return client;
  };

  it('lists the owner’s sessions with device and activity, and ends one or all others', async () => {
    server = await startTestServer();
    await postJson(`${server.baseUrl}/api/tenant/create`, {
      studioName: 'Geräte-Studio',
      ownerEmail: 'inhaber@example.com',
      password,
    });
    const laptop = await logIn('inhaber@example.com', FIREFOX_LINUX);
    const phone = await logIn('inhaber@example.com', SAFARI_IPHONE);
    const third = await logIn('inhaber@example.com', FIREFOX_LINUX);

    const listed = await laptop.account.sessions.query();
    expect(listed).toHaveLength(3);
    expect(listed.filter((session) => session.current)).toHaveLength(1);
    expect(listed.find((session) => session.current)).toMatchObject({
      browser: 'Firefox 133',
      os: 'Linux',
    });
    expect(listed).toContainEqual(
      expect.objectContaining({ browser: 'Safari 18', os: 'iOS', current: false }),
    );
    for (const session of listed) {
      expect(Date.parse(session.lastSeenAt)).toBeGreaterThanOrEqual(Date.parse(session.createdAt));
    }

    const phoneId =
      (await phone.account.sessions.query()).find((session) => session.current)?.id ?? '';
    expect(await laptop.account.revokeSession.mutate({ id: phoneId })).toEqual({ revoked: true });
    expect(await phone.auth.me.query()).toBeNull();
    const again = await errorOf(laptop.account.revokeSession.mutate({ id: phoneId }));
    expect(again.data?.domainCode).toBe('SESSION_NOT_FOUND');

    expect(await laptop.account.revokeOtherSessions.mutate()).toEqual({ revoked: 1 });
    expect(await third.auth.me.query()).toBeNull();
    expect(await laptop.account.sessions.query()).toHaveLength(1);
  });

  it('never ends another owner’s session, and ending one’s own logs out', async () => {
    server = await startTestServer();
    for (const email of ['a@example.com', 'b@example.com']) {
      await postJson(`${server.baseUrl}/api/tenant/create`, {
        studioName: email,
        ownerEmail: email,
        password,
      });
    }
    const a = await logIn('a@example.com', FIREFOX_LINUX);
    const b = await logIn('b@example.com', FIREFOX_LINUX);
    const [bSession] = await b.account.sessions.query();
    const foreign = await errorOf(a.account.revokeSession.mutate({ id: bSession?.id ?? '' }));
    expect(foreign.data?.domainCode).toBe('SESSION_NOT_FOUND');
    expect(await b.auth.me.query()).not.toBeNull();

    await b.account.revokeSession.mutate({ id: bSession?.id ?? '' });
    expect(await b.auth.me.query()).toBeNull();
  });

  it('notes activity at most once a minute per session', async () => {
    server = await startTestServer();
    await postJson(`${server.baseUrl}/api/tenant/create`, {
      studioName: 'Aktiv',
      ownerEmail: 'aktiv@example.com',
      password,
    });
    const client = await logIn('aktiv@example.com', FIREFOX_LINUX);
    await server.testDb.db
      .update(schema.sessions)
      .set({ lastSeenAt: sql`now() - interval '10 minutes'` });
    await client.auth.me.query();
    const [touched] = await server.testDb.db.select().from(schema.sessions);
    expect(Date.now() - (touched?.lastSeenAt.getTime() ?? 0)).toBeLessThan(30_000);
    await client.auth.me.query();
    const [unchanged] = await server.testDb.db.select().from(schema.sessions);
    expect(unchanged?.lastSeenAt).toEqual(touched?.lastSeenAt);
  });
});
