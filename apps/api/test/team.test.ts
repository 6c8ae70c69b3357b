import { schema } from '@pilar/provisioning';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { linkToken, mailTo } from './support/mail.ts';
import { WIZARD_CONSENT } from './support/signup-consent.ts';
import { postJson, startTestServer, type TestServer } from './support/test-server.ts';
import { CookieJar, createTestClient, errorOf, type TestClient } from './support/trpc-client.ts';

const PASSWORD = 'SicheresPasswort!';
const ADMIN_PASSWORD = 'Admin-Passwort-2026';

const anonymous = (server: TestServer) => createTestClient(server.baseUrl, new CookieJar()).client;

describe('studio teams', () => {
  let server: TestServer;
  afterEach(async () => {
    await server.close();
  });

  const signUpOwner = async (email = 'inhaberin@example.com', studioName = 'Team-Studio') => {
    const { client } = createTestClient(server.baseUrl);
    const created = await client.signup.create.mutate({
      studioName,
      ownerEmail: email,
      password: PASSWORD,
      consent: WIZARD_CONSENT,
    });
    return { client, ...created };
  };

  const inviteAndAccept = async (owner: TestClient, email = 'kollege@example.com') => {
    await owner.team.invite.mutate({ email, role: 'admin' });
    const token = linkToken(await mailTo(server, email, /^Einladung in das Team/), '/invitation');
    const { client } = createTestClient(server.baseUrl);
    const accepted = await client.invitation.accept.mutate({ token, password: ADMIN_PASSWORD });
    return { admin: client, token, ...accepted };
  };

  it('invites by mail; the invitee sees studio and inviter, sets a password and is logged in as admin', async () => {
    server = await startTestServer();
    const owner = await signUpOwner();
    expect(
      await owner.client.team.invite.mutate({ email: ' Kollege@Example.com ', role: 'admin' }),
    ).toMatchObject({
      email: 'kollege@example.com',
    });
    const mail = await mailTo(
      server,
      'kollege@example.com',
      /^Einladung in das Team von Team-Studio$/,
    );
    expect(mail.text).toContain('inhaberin@example.com');
    const token = linkToken(mail, '/invitation');
    expect(await anonymous(server).invitation.get.query({ token })).toMatchObject({
      studioName: 'Team-Studio',
      invitedBy: 'inhaberin@example.com',
      email: 'kollege@example.com',
      role: 'admin',
    });
    const stored = JSON.stringify(await server.testDb.db.select().from(schema.invitations));
    expect(stored).not.toContain(token);

    const { client: admin, jar } = createTestClient(server.baseUrl);
    const short = await errorOf(admin.invitation.accept.mutate({ token, password: 'kurz' }));
    expect(short.message).toBe('Password must be at least 8 characters');
    const common = await errorOf(
      admin.invitation.accept.mutate({ token, password: 'password123' }),
    );
    expect(common.data?.issues).toMatchObject([{ path: 'password', problem: 'tooCommon' }]);
    expect(await admin.invitation.accept.mutate({ token, password: ADMIN_PASSWORD })).toMatchObject(
      {
        tenantId: owner.tenantId,
      },
    );
    expect(jar.cookies.get('pilar_session')).toBeTruthy();
    expect((await admin.auth.me.query())?.user).toMatchObject({
      email: 'kollege@example.com',
      role: 'admin',
      emailVerified: true,
    });
    const team = await owner.client.team.list.query();
    expect(team.members.map(({ email, role, you }) => ({ email, role, you }))).toEqual([
      { email: 'inhaberin@example.com', role: 'owner', you: true },
      { email: 'kollege@example.com', role: 'admin', you: false },
    ]);
    expect(team.invitations).toEqual([]);
    await anonymous(server).auth.login.mutate({
      email: 'kollege@example.com',
      password: ADMIN_PASSWORD,
    });
  });

  it('refuses a used, replaced, withdrawn, expired or forged invitation', async () => {
    server = await startTestServer();
    const owner = await signUpOwner();
    const { token: used } = await inviteAndAccept(owner.client);
    const again = await errorOf(
      anonymous(server).invitation.accept.mutate({ token: used, password: ADMIN_PASSWORD }),
    );
    expect(again.data?.domainCode).toBe('TOKEN_INVALID');

    await owner.client.team.invite.mutate({ email: 'zweite@example.com', role: 'admin' });
    const first = linkToken(await mailTo(server, 'zweite@example.com'), '/invitation');
    const { id } = await owner.client.team.invite.mutate({
      email: 'zweite@example.com',
      role: 'admin',
    });
    const replaced = await errorOf(anonymous(server).invitation.get.query({ token: first }));
    expect(replaced.data?.domainCode).toBe('TOKEN_INVALID');
    expect((await owner.client.team.list.query()).invitations.map((i) => i.id)).toEqual([id]);
    expect(await owner.client.team.revokeInvitation.mutate({ id })).toEqual({ revoked: true });
    const revokedTwice = await errorOf(owner.client.team.revokeInvitation.mutate({ id }));
    expect(revokedTwice.data?.domainCode).toBe('INVITATION_NOT_FOUND');

    await owner.client.team.invite.mutate({ email: 'dritte@example.com', role: 'admin' });
    const late = linkToken(await mailTo(server, 'dritte@example.com'), '/invitation');
    await server.testDb.db
      .update(schema.invitations)
      .set({ expiresAt: sql`now() - interval '1 second'` });
    const expired = await errorOf(
      anonymous(server).invitation.accept.mutate({ token: late, password: ADMIN_PASSWORD }),
    );
    expect(expired.data?.domainCode).toBe('TOKEN_EXPIRED');
    const forged = await errorOf(anonymous(server).invitation.get.query({ token: 'x'.repeat(43) }));
    expect(forged.data?.domainCode).toBe('TOKEN_INVALID');
  });

  it('refuses to invite an address that already has an account anywhere', async () => {
    server = await startTestServer();
    const owner = await signUpOwner();
    await postJson(`${server.baseUrl}/api/tenant/create`, {
      studioName: 'Anderes Studio',
      ownerEmail: 'vergeben@example.com',
      password: PASSWORD,
    });
    const taken = await errorOf(
      owner.client.team.invite.mutate({ email: 'Vergeben@example.com', role: 'admin' }),
    );
    expect(taken.data).toMatchObject({ domainCode: 'EMAIL_TAKEN', httpStatus: 409 });
    const self = await errorOf(
      owner.client.team.invite.mutate({ email: 'inhaberin@example.com', role: 'admin' }),
    );
    expect(self.data?.domainCode).toBe('EMAIL_TAKEN');
  });

  it('lets an admin edit the settings but not manage the team, export or delete; history names who changed what', async () => {
    server = await startTestServer();
    const owner = await signUpOwner();
    const { admin } = await inviteAndAccept(owner.client);
    const { version } = await admin.settings.get.query();
    await admin.settings.saveSection.mutate({
      section: 'studioRules',
      value: ['Handtuchpflicht'],
      expectedVersion: version,
    });
    expect((await admin.channels.list.query()).phoneNumbers).toHaveLength(1);
    const [latest] = await owner.client.history.list.query();
    expect(latest).toMatchObject({ section: 'studioRules', changedBy: 'kollege@example.com' });
    for (const refused of [
      () => admin.team.list.query(),
      () => admin.team.invite.mutate({ email: 'noch-wer@example.com', role: 'admin' }),
      () => admin.account.exportData.mutate({ password: ADMIN_PASSWORD }),
      () =>
        admin.account.deleteStudio.mutate({ password: ADMIN_PASSWORD, studioName: 'Team-Studio' }),
    ]) {
      expect((await errorOf(refused())).data).toMatchObject({
        domainCode: 'OWNER_ONLY',
        httpStatus: 403,
      });
    }
  });

  it('removes an admin, whose sessions end at once; never the owner, nor another studio’s member', async () => {
    server = await startTestServer();
    const owner = await signUpOwner();
    const { admin, userId } = await inviteAndAccept(owner.client);
    const other = await signUpOwner('andere@example.com', 'Anderes Studio');
    const { userId: foreignAdmin } = await inviteAndAccept(other.client, 'fremd@example.com');

    const foreign = await errorOf(owner.client.team.remove.mutate({ userId: foreignAdmin }));
    expect(foreign.data?.domainCode).toBe('MEMBER_NOT_FOUND');
    const ownerId = (await owner.client.auth.me.query())?.user.id ?? '';
    const self = await errorOf(owner.client.team.remove.mutate({ userId: ownerId }));
    expect(self.data?.domainCode).toBe('CANNOT_REMOVE_OWNER');

    expect(await owner.client.team.remove.mutate({ userId })).toEqual({ removed: true });
    const refused = await errorOf(admin.settings.get.query());
    expect(refused.data?.domainCode).toBe('NOT_AUTHENTICATED');
    const login = await errorOf(
      anonymous(server).auth.login.mutate({
        email: 'kollege@example.com',
        password: ADMIN_PASSWORD,
      }),
    );
    expect(login.data?.domainCode).toBe('INVALID_CREDENTIALS');
    expect((await owner.client.team.list.query()).members).toHaveLength(1);
  });
});
