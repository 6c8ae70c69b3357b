import {
  type ChannelProviders,
  legalDocuments,
  revealChannelSecrets,
  schema,
  tenantTableNames,
} from '@pilar/provisioning';
import { createSandboxProviders } from '@pilar/provisioning/sandbox';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { mailTo } from './support/mail.ts';
import { WIZARD_CONSENT } from './support/signup-consent.ts';
import {
  postJson,
  startTestServer,
  TEST_LEGAL_SETTINGS,
  type TestServer,
  waitForMailsSent,
  waitForRunStatus,
} from './support/test-server.ts';
import { CookieJar, createTestClient, errorOf } from './support/trpc-client.ts';

const PASSWORD = 'SicheresPasswort!';
const owner = {
  studioName: 'Daten-Studio',
  ownerEmail: 'daten@example.com',
  password: PASSWORD,
  consent: WIZARD_CONSENT,
};

/** Every row of every table of ours, as text: what "nothing remains" is checked against. */
const everyRowAsText = async (server: TestServer) => {
  const tables = await server.testDb.executeSql(
    `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const texts: string[] = [];
  for (const { table_name: name } of tables.rows as { table_name: string }[]) {
    const dump = await server.testDb.executeSql(
      `select coalesce(string_agg(t::text, E'\\n'), '') as text from "${name}" t`,
    );
    texts.push(`${name}: ${(dump.rows[0] as { text: string }).text}`);
  }
  return {
    tables: (tables.rows as { table_name: string }[]).map((row) => row.table_name),
    text: texts.join('\n'),
  };
};

describe('the studio’s data: consent records, export, deletion', () => {
  let server: TestServer;
  afterEach(async () => {
    await server.close();
  });

  it('records the acceptance of AGB and AVV at signup, append-only; the REST route as source api', async () => {
    server = await startTestServer();
    const { client } = createTestClient(
      server.baseUrl,
      new CookieJar('Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0'),
    );
    const missing = await errorOf(
      client.signup.create.mutate({ ...owner, consent: { terms: true, dpa: false } }),
    );
    expect(missing.data?.issues).toMatchObject([{ path: 'consent.dpa', problem: 'notAccepted' }]);
    const { tenantId, ownerId } = await client.signup.create.mutate(owner);
    const rest = await postJson(`${server.baseUrl}/api/tenant/create`, {
      studioName: 'REST-Studio',
      ownerEmail: 'rest@example.com',
      password: PASSWORD,
    });
    expect(rest.status).toBe(201);

    const documents = legalDocuments(TEST_LEGAL_SETTINGS);
    const records = await server.testDb.db.select().from(schema.consentRecords);
    expect(
      records
        .filter((r) => r.tenantId === tenantId)
        .map((r) => ({ ...r, id: undefined, acceptedAt: undefined })),
    ).toEqual(
      (['terms', 'dpa'] as const).map((kind) => ({
        id: undefined,
        acceptedAt: undefined,
        tenantId,
        userId: ownerId,
        email: owner.ownerEmail,
        document: kind,
        version: documents[kind].version,
        hash: documents[kind].hash,
        source: 'wizard',
        clientAddress: '127.0.0.1',
        userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0',
      })),
    );
    expect(
      records.filter((r) => r.tenantId === rest.body.tenantId).map((r) => [r.document, r.source]),
    ).toEqual([
      ['terms', 'api'],
      ['dpa', 'api'],
    ]);
    const refusal = (error: unknown) => String((error as { cause?: Error }).cause?.message);
    await expect(
      server.testDb.db.update(schema.consentRecords).set({ version: 'gefälscht' }).catch(refusal),
    ).resolves.toBe('consent records are append-only');
    await expect(server.testDb.db.delete(schema.consentRecords).catch(refusal)).resolves.toBe(
      'consent records are append-only',
    );
  });

  it('serves the Impressum and the documents, and every mail links Impressum and Datenschutz', async () => {
    server = await startTestServer();
    for (const path of ['/impressum', '/datenschutz', '/agb', '/avv']) {
      const page = await fetch(`${server.baseUrl}${path}`);
      expect(page.status, path).toBe(200);
      expect(await page.text()).toContain('PILAR Systems GmbH');
    }
    expect(await (await fetch(`${server.baseUrl}/impressum`)).text()).toContain('HRB 000000');
    expect(await createTestClient(server.baseUrl).client.legal.documents.query()).toMatchObject({
      imprint: { url: '/impressum', external: false },
      terms: { url: '/agb', version: legalDocuments(TEST_LEGAL_SETTINGS).terms.version },
    });
    await createTestClient(server.baseUrl).client.signup.create.mutate(owner);
    const mail = await mailTo(server, owner.ownerEmail);
    expect(mail.text).toContain(`${server.baseUrl}/impressum`);
    expect(mail.text).toContain(`${server.baseUrl}/datenschutz`);
  });

  it('exports the studio’s data for its owner, with the password, and no secret or hash in it', async () => {
    server = await startTestServer();
    const { client } = createTestClient(server.baseUrl);
    const { tenantId, runId } = await client.signup.create.mutate(owner);
    await waitForRunStatus(server, runId, 'ready');
    const wrong = await errorOf(client.account.exportData.mutate({ password: 'falsch-falsch' }));
    expect(wrong.data?.domainCode).toBe('WRONG_PASSWORD');

    const exported = await client.account.exportData.mutate({ password: PASSWORD });
    expect(exported).toMatchObject({
      format: 'pilar-studio-export/1',
      studio: { id: tenantId, name: 'Daten-Studio' },
      settings: { version: 1 },
      team: [{ email: owner.ownerEmail, role: 'owner' }],
      integrations: expect.arrayContaining([
        expect.objectContaining({ type: 'MAGICLINE', active: false }),
      ]),
    });
    expect(exported.consentRecords.map((record) => record.document)).toEqual(['terms', 'dpa']);
    expect(exported.channels.phoneNumbers).toHaveLength(1);
    expect(exported.provisioningRuns).toMatchObject([{ id: runId, status: 'ready' }]);

    const text = JSON.stringify(exported);
    const secrets = await revealChannelSecrets(
      server.testDb.db,
      server.deps.services.keyring,
      tenantId,
    );
    const [user] = await server.testDb.db.select().from(schema.tenantUsers);
    const tokenHashes = (await server.testDb.db.select().from(schema.accountTokens)).map(
      (t) => t.tokenHash,
    );
    for (const secret of [
      ...secrets.sipPasswords.map((sip) => sip.password),
      ...secrets.whatsApp.flatMap((wa) => [wa.accessToken, wa.webhookVerifyToken]),
      user?.passwordHash ?? 'x',
      ...tokenHashes,
      PASSWORD,
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toMatch(/passwordHash|tokenHash|sipCredentials|waCloudApiConfig|"ct":/);
  });

  it('deletes the studio with password and name: its providers released, every row gone, a confirmation mailed', async () => {
    const released: string[] = [];
    const sandbox = createSandboxProviders();
    const providers: ChannelProviders = {
      phone: {
        ...sandbox.phone,
        release: async ({ tenantId }) => {
          released.push(`phone of ${tenantId}`);
        },
      },
      whatsApp: {
        ...sandbox.whatsApp,
        releaseChannel: async ({ waNumber }) => {
          released.push(waNumber);
        },
      },
    };
    server = await startTestServer({ services: { providers } });
    const { client, jar } = createTestClient(server.baseUrl);
    const { tenantId, runId } = await client.signup.create.mutate(owner);
    await waitForRunStatus(server, runId, 'ready');
    const channels = await client.channels.list.query();
    // A second studio stays as it is.
    await postJson(`${server.baseUrl}/api/tenant/create`, {
      studioName: 'Bleibt',
      ownerEmail: 'bleibt@example.com',
      password: PASSWORD,
    });
    await createTestClient(server.baseUrl).client.account.requestPasswordReset.mutate({
      email: owner.ownerEmail,
    });
    await errorOf(
      createTestClient(server.baseUrl).client.auth.login.mutate({
        email: owner.ownerEmail,
        password: 'falsch-1',
      }),
    );

    const mismatch = await errorOf(
      client.account.deleteStudio.mutate({ password: PASSWORD, studioName: 'Daten Studio' }),
    );
    expect(mismatch.data?.issues).toMatchObject([{ path: 'studioName', problem: 'notMatching' }]);
    const wrong = await errorOf(
      client.account.deleteStudio.mutate({ password: 'falsch-falsch', studioName: 'Daten-Studio' }),
    );
    expect(wrong.data?.domainCode).toBe('WRONG_PASSWORD');

    expect(
      await client.account.deleteStudio.mutate({
        password: PASSWORD,
        studioName: ' Daten-Studio ',
      }),
    ).toEqual({
      deleted: true,
    });
    expect(jar.setCookieHeaders.at(-1)).toMatch(/^pilar_session=; .*Max-Age=0$/);
    expect(released.sort()).toEqual(
      // The phone never went live: nothing of it is held at the carrier (going-live-twilio
      // proves the release of a live number and trunk).
      [channels.whatsappChannels[0]?.waNumber],
    );
    const confirmation = await mailTo(
      server,
      owner.ownerEmail,
      /^Ihr Studio Daten-Studio wurde gelöscht$/,
    );
    expect(confirmation.text).toContain('Daten-Studio');
    await waitForMailsSent(server);

    const { tables, text } = await everyRowAsText(server);
    expect(tables).toEqual(expect.arrayContaining(tenantTableNames()));
    for (const trace of [tenantId, owner.ownerEmail, 'Daten-Studio'])
      expect(text).not.toContain(trace);
    for (const name of tenantTableNames()) {
      const column = name === 'tenants' ? 'id' : 'tenant_id';
      const { rows } = await server.testDb.executeSql(
        `select count(*)::int as n from "${name}" where ${column} = $1`,
        [tenantId],
      );
      expect(rows[0], name).toEqual({ n: 0 });
    }
    expect(text).toContain('bleibt@example.com');
    const login = await errorOf(
      createTestClient(server.baseUrl).client.auth.login.mutate({
        email: owner.ownerEmail,
        password: PASSWORD,
      }),
    );
    expect(login.data?.domainCode).toBe('INVALID_CREDENTIALS');
    expect(
      await server.testDb.db.select().from(schema.sessions).where(sql`tenant_id = ${tenantId}`),
    ).toEqual([]);
  });
});
