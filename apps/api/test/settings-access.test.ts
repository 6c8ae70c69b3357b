import { DEFAULT_TENANT_CONFIG } from '@pilar/provisioning';
import { countAll } from '@pilar/provisioning/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '../src/router/root.ts';
import { postJson, startTestServer, type TestServer } from './support/test-server.ts';
import { CookieJar, createTestClient, errorOf, type TestClient } from './support/trpc-client.ts';

const signupAs = async (server: TestServer, email: string) => {
  const created = await postJson(`${server.baseUrl}/api/tenant/create`, {
    studioName: `Studio ${email}`,
    ownerEmail: email,
    password: 'SicheresPasswort!',
  });
  const { client } = createTestClient(server.baseUrl, new CookieJar());
  await client.auth.login.mutate({ email, password: 'SicheresPasswort!' });
  return { client, tenantId: String(created.body.tenantId) };
};

describe('settings, channels and history', () => {
  let server: TestServer;
  let owner: { client: TestClient; tenantId: string };
  let other: { client: TestClient; tenantId: string };
  beforeAll(async () => {
    server = await startTestServer();
    owner = await signupAs(server, 'owner@example.com');
    other = await signupAs(server, 'other@example.com');
  });
  afterAll(async () => {
    await server.close();
  });

  it('reads the settings document with its version and the rendered prompt', async () => {
    const settings = await owner.client.settings.get.query();
    expect(settings).toMatchObject({ version: 1, studioName: 'Studio owner@example.com' });
    expect(settings.config).toMatchObject(DEFAULT_TENANT_CONFIG);
    expect(settings.agentPrompt).toContain('- Name: Studio owner@example.com');
  });

  it('saves a section and refuses a stale save with a clear conflict', async () => {
    const saved = await owner.client.settings.saveSection.mutate({
      section: 'whatsapp',
      value: { autoReply: false, responseDelay: 500, maxMessageLength: 1000 },
      expectedVersion: 1,
    });
    expect(saved.version).toBe(2);
    const stale = await errorOf(
      owner.client.settings.saveSection.mutate({
        section: 'features',
        value: { ...DEFAULT_TENANT_CONFIG.features, autoFollowup: false },
        expectedVersion: 1,
      }),
    );
    expect(stale.data).toMatchObject({
      code: 'CONFLICT',
      domainCode: 'VERSION_CONFLICT',
      currentVersion: 2,
    });
    expect(stale.message).toContain('now version 2');
    const invalid = await errorOf(
      owner.client.settings.saveSection.mutate({
        section: 'whatsapp',
        value: { autoReply: true, responseDelay: 0, maxMessageLength: 5000 },
        expectedVersion: 2,
      }),
    );
    expect(invalid.data?.fieldErrors).toEqual({
      'value.maxMessageLength': ['Maximum message length must be at most 4096 characters'],
    });
    const history = await owner.client.history.list.query();
    expect(history.map((entry) => entry.section)).toEqual(['whatsapp', 'initial']);
    expect((await other.client.history.list.query()).map((entry) => entry.section)).toEqual([
      'initial',
    ]);
  });

  it('shows channels without secrets and reveals a secret only on request', async () => {
    const channels = await owner.client.channels.list.query();
    const text = JSON.stringify(channels);
    const [phone] = channels.phoneNumbers;
    const [whatsapp] = channels.whatsappChannels;
    expect(phone).toMatchObject({ status: 'PENDING', sipUsername: expect.stringMatching(/^sip-/) });
    expect(whatsapp).toMatchObject({ status: 'PENDING' });
    expect(channels.integrations.map((i) => [i.type, i.active])).toEqual([
      ['MAGICLINE', false],
      ['FITOGRAM', false],
      ['GOOGLE_CALENDAR', false],
    ]);
    expect(channels.webhookUrl).toBe(`${server.baseUrl}/webhooks/whatsapp/${owner.tenantId}`);
    const { secret } = await owner.client.channels.revealSecret.mutate({
      kind: 'sipPassword',
      channelId: phone?.id ?? '',
    });
    expect(secret.length).toBeGreaterThanOrEqual(22);
    expect(text).not.toContain(secret);
    const stolen = await errorOf(
      other.client.channels.revealSecret.mutate({
        kind: 'sipPassword',
        channelId: phone?.id ?? '',
      }),
    );
    expect(stolen.message).toBe('Channel not found');
  });

  it('answers Meta’s webhook handshake with the challenge for the right token and 403 otherwise', async () => {
    const { whatsappChannels, webhookUrl } = await owner.client.channels.list.query();
    const channelId = whatsappChannels[0]?.id ?? '';
    const { secret } = await owner.client.channels.revealSecret.mutate({
      kind: 'whatsappVerifyToken',
      channelId,
    });
    const handshake = (token: string, tenantUrl = webhookUrl) =>
      fetch(
        `${tenantUrl}?hub.mode=subscribe&hub.verify_token=${encodeURIComponent(token)}&hub.challenge=1158201444`,
      );
    const ok = await handshake(secret);
    expect([ok.status, await ok.text()]).toEqual([200, '1158201444']);
    expect((await handshake('wrong')).status).toBe(403);
    expect(
      (await handshake(secret, `${server.baseUrl}/webhooks/whatsapp/${other.tenantId}`)).status,
    ).toBe(403);
    expect((await handshake(secret, `${server.baseUrl}/webhooks/whatsapp/not-a-uuid`)).status).toBe(
      403,
    );
    // Malformed percent-encoding in the path is an unknown tenant, not a server error.
    expect((await handshake(secret, `${server.baseUrl}/webhooks/whatsapp/%ZZ`)).status).toBe(403);
    // A UUID is the same in upper case (found by fuzzing: it was a 500).
    const upper = await handshake(
      secret,
      webhookUrl.replace(owner.tenantId, owner.tenantId.toUpperCase()),
    );
    expect([upper.status, await upper.text()]).toEqual([200, '1158201444']);
    expect(await owner.client.channels.testWebhook.mutate({ channelId })).toEqual({
      ok: true,
      validTokenStatus: 200,
      wrongTokenStatus: 403,
    });
  });

  it('offers public holidays of a federal state', async () => {
    const holidays = await owner.client.settings.holidays.query({ state: 'BY', year: 2026 });
    expect(holidays).toContainEqual({ date: '2026-01-06', label: 'Heilige Drei Könige' });
    expect((await owner.client.settings.federalStates.query()).BE).toBe('Berlin');
  });

  describe('every settings, channel and history procedure', () => {
    const tenantProcedures = Object.keys(appRouter._def.procedures).filter((path) =>
      /^(settings|channels|history)\./.test(path),
    );

    const isMutation = (path: string) =>
      (appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)[path]
        ?._def.type === 'mutation';

    const call = (
      client: TestClient,
      path: string,
      tenantIdOfVictim: string,
      channelIdOfVictim: string,
    ) => {
      const inputs: Record<string, unknown> = {
        'settings.saveSection': {
          section: 'studioRules',
          value: ['Übernommen'],
          expectedVersion: 1,
        },
        'settings.holidays': { state: 'BE', year: 2026 },
        'channels.revealSecret': { kind: 'sipPassword', channelId: channelIdOfVictim },
        'channels.testWebhook': { channelId: channelIdOfVictim },
        'history.restore': { version: 1, expectedVersion: 1 },
      };
      const [router, procedure] = path.split('.') as [string, string];
      const target = (
        client as unknown as Record<
          string,
          Record<string, Record<string, (input: unknown) => Promise<unknown>>>
        >
      )[router]?.[procedure];
      const input = { ...(inputs[path] as object), tenantId: tenantIdOfVictim };
      return (
        (isMutation(path) ? target?.mutate : target?.query)?.(input) ??
        Promise.reject(new Error(`no procedure ${path}`))
      );
    };

    it('is enumerated', () => {
      expect(tenantProcedures.sort()).toEqual([
        'channels.list',
        'channels.revealSecret',
        'channels.submitPhoneVerification',
        'channels.testWebhook',
        'history.list',
        'history.restore',
        'settings.federalStates',
        'settings.get',
        'settings.holidays',
        'settings.saveSection',
      ]);
    });

    it('refuses every one without a session, and writes nothing', async () => {
      const anonymous = createTestClient(server.baseUrl).client;
      const before = await countAll(server.testDb.db);
      const victimChannel = (await owner.client.channels.list.query()).phoneNumbers[0]?.id ?? '';
      for (const path of tenantProcedures) {
        const error = await errorOf(call(anonymous, path, owner.tenantId, victimChannel));
        expect([path, error.message]).toEqual([path, 'Please log in']);
      }
      expect(await countAll(server.testDb.db)).toEqual(before);
    });

    it('never lets another tenant’s session read or change this tenant’s data', async () => {
      const victimBefore = await owner.client.settings.get.query();
      const victimChannel = (await owner.client.channels.list.query()).phoneNumbers[0]?.id ?? '';
      const victimSecret = (
        await owner.client.channels.revealSecret.mutate({
          kind: 'sipPassword',
          channelId: victimChannel,
        })
      ).secret;
      for (const path of tenantProcedures) {
        const result = await call(other.client, path, owner.tenantId, victimChannel).catch(
          (error: Error) => error,
        );
        const text = result instanceof Error ? result.message : JSON.stringify(result);
        expect(text, path).not.toContain(owner.tenantId);
        expect(text, path).not.toContain(victimSecret);
        expect(text, path).not.toContain('Studio owner@example.com');
      }
      expect(await owner.client.settings.get.query()).toEqual(victimBefore);
    });
  });
});
