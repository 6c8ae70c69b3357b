import { randomBytes } from 'node:crypto';
import { revealChannelSecrets, schema, tenantTableNames } from '@pilar/provisioning';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkToken, mailTo } from '../test/support/mail.ts';
import { WIZARD_CONSENT } from '../test/support/signup-consent.ts';
import {
  startTestServer,
  type TestServer,
  waitForMailsSent,
  waitForRunStatus,
} from '../test/support/test-server.ts';
import { CookieJar, createTestClient } from '../test/support/trpc-client.ts';
import { recordProof } from './support/ledger.ts';

const PASSWORD = 'SicheresPasswort!';
const FORGED = 1_000;
const PARALLEL_ACCEPTS = 20;

const domainCodeOf = (error: unknown) =>
  (error as { data?: { domainCode?: string } }).data?.domainCode ?? 'other';

describe('team invitations, the export and the deletion', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  const signUp = async (studioName: string, ownerEmail: string) => {
    const { client } = createTestClient(server.baseUrl);
    const created = await client.signup.create.mutate({
      studioName,
      ownerEmail,
      password: PASSWORD,
      consent: WIZARD_CONSENT,
    });
    await waitForRunStatus(server, created.runId, 'ready');
    return { client, ...created };
  };

  it(`accepts an invitation once of ${PARALLEL_ACCEPTS} parallel uses, and none of ${FORGED} forged tokens`, async ({
    task,
  }) => {
    const owner = await signUp('Einladungs-Studio', 'einladung@example.com');
    await owner.client.team.invite.mutate({ email: 'gast@example.com', role: 'admin' });
    const token = linkToken(await mailTo(server, 'gast@example.com'), '/invitation');
    const accepts = await Promise.allSettled(
      Array.from({ length: PARALLEL_ACCEPTS }, () =>
        createTestClient(server.baseUrl, new CookieJar()).client.invitation.accept.mutate({
          token,
          password: 'Gast-Passwort-2026',
        }),
      ),
    );
    const won = accepts.filter((accept) => accept.status === 'fulfilled').length;
    const anonymous = createTestClient(server.baseUrl, new CookieJar()).client;
    let forgedAccepted = 0;
    for (let i = 0; i < FORGED; i++) {
      const forged =
        i % 10 === 0
          ? token.slice(0, i % token.length) +
            (token[i % token.length] === 'A' ? 'B' : 'A') +
            token.slice((i % token.length) + 1)
          : randomBytes(32).toString('base64url');
      const attempt =
        i % 2 === 0
          ? anonymous.invitation.get.query({ token: forged })
          : anonymous.invitation.accept.mutate({ token: forged, password: 'Gast-Passwort-2026' });
      await attempt.then(
        () => {
          forgedAccepted++;
        },
        (error: unknown) => {
          if (domainCodeOf(error) !== 'TOKEN_INVALID') forgedAccepted++;
        },
      );
    }
    const members = (await owner.client.team.list.query()).members.length;
    recordProof(task, {
      check: `invitation token: ${PARALLEL_ACCEPTS} parallel accepts of one, ${FORGED} forged`,
      tries: PARALLEL_ACCEPTS + FORGED,
      outcome: `${won} accepted of the parallel ones (${members} members), ${forgedAccepted} forged accepted`,
      lost: Math.abs(won - 1) + forgedAccepted + Math.abs(members - 2),
    });
    expect(won).toBe(1);
    expect(members).toBe(2);
    expect(forgedAccepted).toBe(0);
  });

  it('exports none of the studio’s generated secrets, password hashes or token hashes', async ({
    task,
  }) => {
    const owner = await signUp('Export-Studio', 'export@example.com');
    await owner.client.team.invite.mutate({ email: 'export-gast@example.com', role: 'admin' });
    const exported = JSON.stringify(
      await owner.client.account.exportData.mutate({ password: PASSWORD }),
    );
    const revealed = await revealChannelSecrets(
      server.testDb.db,
      server.deps.services.keyring,
      owner.tenantId,
    );
    const users = await server.testDb.db.select().from(schema.tenantUsers);
    const tokens = await server.testDb.db.select().from(schema.accountTokens);
    const invitations = await server.testDb.db.select().from(schema.invitations);
    const secrets = [
      ...revealed.sipPasswords.map((sip) => sip.password),
      ...revealed.whatsApp.flatMap((wa) => [wa.accessToken, wa.webhookVerifyToken]),
      ...users.map((user) => user.passwordHash),
      ...tokens.map((token) => token.tokenHash),
      ...invitations.map((invitation) => invitation.tokenHash),
    ];
    const found = secrets.filter((secret) => exported.includes(secret));
    recordProof(task, {
      check: 'studio export searched for secrets and hashes',
      tries: secrets.length,
      outcome: `${found.length} of ${secrets.length} found in ${(exported.length / 1e3).toFixed(1)} kB`,
      lost: found.length,
    });
    expect(exported).toContain('Export-Studio');
    expect(found).toEqual([]);
  });

  it('leaves zero rows of a deleted studio in every table', async ({ task }) => {
    const owner = await signUp('Lösch-Studio', 'loesch@example.com');
    await owner.client.team.invite.mutate({ email: 'loesch-gast@example.com', role: 'admin' });
    await owner.client.account.deleteStudio.mutate({
      password: PASSWORD,
      studioName: 'Lösch-Studio',
    });
    await mailTo(server, 'loesch@example.com', /gelöscht/);
    await waitForMailsSent(server);
    let rows = 0;
    const tables = tenantTableNames();
    for (const name of tables) {
      const column = name === 'tenants' ? 'id' : 'tenant_id';
      const { rows: counted } = await server.testDb.executeSql(
        `select count(*)::int as n from "${name}" where ${column} = $1`,
        [owner.tenantId],
      );
      rows += (counted[0] as { n: number }).n;
    }
    const { rows: everywhere } = await server.testDb.executeSql(
      `select count(*)::int as n from outbox_mails where recipient = 'loesch@example.com'`,
    );
    const traces = rows + (everywhere[0] as { n: number }).n;
    recordProof(task, {
      check: `studio deletion: rows left in the ${tables.length} tenant tables and the outbox`,
      tries: tables.length + 1,
      outcome: `${traces} rows left`,
      lost: traces,
    });
    expect(traces).toBe(0);
  });
});
