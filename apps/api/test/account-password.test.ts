import { schema } from '@pilar/provisioning';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { linkToken, mailsTo, mailTo } from './support/mail.ts';
import { WIZARD_CONSENT } from './support/signup-consent.ts';
import { postJson, startTestServer, type TestServer } from './support/test-server.ts';
import { CookieJar, createTestClient, errorOf } from './support/trpc-client.ts';

const owner = {
  studioName: 'Passwort-Studio',
  ownerEmail: 'inhaber@example.com',
  password: 'SicheresPasswort!',
};
const NEW_PASSWORD = 'Neues-Passwort-2026';

const anonymous = (server: TestServer) => createTestClient(server.baseUrl, new CookieJar()).client;

describe('password reset and changes', () => {
  let server: TestServer;
  afterEach(async () => {
    await server.close();
  });

  const signUp = async () => {
    const signedUp = createTestClient(server.baseUrl);
    await signedUp.client.signup.create.mutate({ ...owner, consent: WIZARD_CONSENT });
    await mailTo(server, owner.ownerEmail, /Willkommen/);
    return signedUp;
  };

  it('answers a reset request the same for known and unknown addresses, and mails each what fits', async () => {
    server = await startTestServer();
    await signUp();
    const client = anonymous(server);
    const known = await client.account.requestPasswordReset.mutate({
      email: ' Inhaber@Example.com ',
    });
    const unknown = await client.account.requestPasswordReset.mutate({
      email: 'niemand@example.com',
      locale: 'en',
    });
    expect(known).toEqual({ accepted: true });
    expect(unknown).toEqual(known);
    const reset = await mailTo(server, owner.ownerEmail, /^Passwort zurücksetzen$/);
    expect(linkToken(reset, '/reset-password')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const note = await mailTo(server, 'niemand@example.com', /^Password reset requested$/);
    expect(note.text).toContain(`${server.baseUrl}/signup/studio`);
    expect(note.text).not.toContain('/reset-password');
  });

  it('limits reset requests per address, known or not, with the same refusal', async () => {
    server = await startTestServer();
    await signUp();
    const client = anonymous(server);
    for (const email of [owner.ownerEmail, 'niemand@example.com']) {
      for (let request = 0; request < 3; request++) {
        await client.account.requestPasswordReset.mutate({ email });
      }
      const limited = await errorOf(client.account.requestPasswordReset.mutate({ email }));
      expect(limited.data).toMatchObject({ domainCode: 'TOO_MANY_REQUESTS', httpStatus: 429 });
    }
  });

  it('limits reset requests per client address across e-mail addresses', async () => {
    server = await startTestServer({
      resetLimits: {
        perAccount: { limit: 3, windowSeconds: 3600 },
        perClient: { limit: 2, windowSeconds: 3600 },
      },
    });
    const client = anonymous(server);
    await client.account.requestPasswordReset.mutate({ email: 'a@example.com' });
    await client.account.requestPasswordReset.mutate({ email: 'b@example.com' });
    const limited = await errorOf(
      client.account.requestPasswordReset.mutate({ email: 'c@example.com' }),
    );
    expect(limited.data?.domainCode).toBe('TOO_MANY_REQUESTS');
  });

  it('resets with the link once: the policy applies, every session ends, a notice is mailed', async () => {
    server = await startTestServer();
    const { client: signedIn } = await signUp();
    await anonymous(server).account.requestPasswordReset.mutate({ email: owner.ownerEmail });
    const token = linkToken(
      await mailTo(server, owner.ownerEmail, /zurücksetzen/),
      '/reset-password',
    );
    const client = anonymous(server);

    const common = await errorOf(
      client.account.resetPassword.mutate({ token, password: 'password123' }),
    );
    expect(common.data?.issues).toMatchObject([
      { path: 'password', problem: 'tooCommon', message: 'This password is too common' },
    ]);
    const short = await errorOf(client.account.resetPassword.mutate({ token, password: 'kurz' }));
    expect(short.message).toBe('Password must be at least 8 characters');

    expect(await client.account.resetPassword.mutate({ token, password: NEW_PASSWORD })).toEqual({
      email: owner.ownerEmail,
    });
    expect(await signedIn.auth.me.query()).toBeNull();
    expect(await server.testDb.db.select().from(schema.sessions)).toEqual([]);
    const notice = await mailTo(server, owner.ownerEmail, /^Ihr Passwort wurde geändert$/);
    expect(notice.text).toContain(`${server.baseUrl}/forgot-password`);

    const reused = await errorOf(
      client.account.resetPassword.mutate({ token, password: NEW_PASSWORD }),
    );
    expect(reused.data?.domainCode).toBe('TOKEN_INVALID');
    const old = await errorOf(
      client.auth.login.mutate({ email: owner.ownerEmail, password: owner.password }),
    );
    expect(old.data?.domainCode).toBe('INVALID_CREDENTIALS');
    await client.auth.login.mutate({ email: owner.ownerEmail, password: NEW_PASSWORD });
  });

  it('refuses a reset link after 60 minutes, and one that was replaced by a newer request', async () => {
    server = await startTestServer();
    await signUp();
    const client = anonymous(server);
    await client.account.requestPasswordReset.mutate({ email: owner.ownerEmail });
    const first = linkToken(
      await mailTo(server, owner.ownerEmail, /zurücksetzen/),
      '/reset-password',
    );
    await client.account.requestPasswordReset.mutate({ email: owner.ownerEmail });
    await expect
      .poll(
        () =>
          mailsTo(server, owner.ownerEmail).filter((m) => /zurücksetzen/.test(m.subject)).length,
      )
      .toBe(2);
    const [second] = mailsTo(server, owner.ownerEmail).filter((m) =>
      /zurücksetzen/.test(m.subject),
    );
    const replaced = await errorOf(
      client.account.resetPassword.mutate({ token: first, password: NEW_PASSWORD }),
    );
    expect(replaced.data?.domainCode).toBe('TOKEN_INVALID');
    await server.testDb.db
      .update(schema.accountTokens)
      .set({ expiresAt: sql`now() - interval '1 second'` });
    const expired = await errorOf(
      client.account.resetPassword.mutate({
        token: linkToken(second as never, '/reset-password'),
        password: NEW_PASSWORD,
      }),
    );
    expect(expired.data?.domainCode).toBe('TOKEN_EXPIRED');
  });

  it('changes the password with the current one: other sessions end, this one stays', async () => {
    server = await startTestServer();
    const { client } = await signUp();
    const other = anonymous(server);
    await other.auth.login.mutate({ email: owner.ownerEmail, password: owner.password });

    const wrong = await errorOf(
      client.account.changePassword.mutate({
        currentPassword: 'falsch-falsch',
        newPassword: NEW_PASSWORD,
      }),
    );
    expect(wrong.data).toMatchObject({ domainCode: 'WRONG_PASSWORD', httpStatus: 403 });
    const common = await errorOf(
      client.account.changePassword.mutate({
        currentPassword: owner.password,
        newPassword: 'iloveyou',
      }),
    );
    expect(common.data?.issues).toMatchObject([{ path: 'newPassword', problem: 'tooCommon' }]);

    expect(
      await client.account.changePassword.mutate({
        currentPassword: owner.password,
        newPassword: NEW_PASSWORD,
      }),
    ).toEqual({ endedSessions: 1 });
    expect(await other.auth.me.query()).toBeNull();
    expect((await client.auth.me.query())?.user.email).toBe(owner.ownerEmail);
    await mailTo(server, owner.ownerEmail, /^Ihr Passwort wurde geändert$/);
  });

  it('counts wrong current passwords as failed logins of the account', async () => {
    server = await startTestServer();
    const { client } = await signUp();
    const codes: unknown[] = [];
    for (let guess = 0; guess < 5; guess++) {
      const refused = await errorOf(
        client.account.changePassword.mutate({
          currentPassword: `falsch-${guess}`,
          newPassword: NEW_PASSWORD,
        }),
      );
      codes.push(refused.data?.domainCode);
    }
    expect(codes).toEqual([...Array(4).fill('WRONG_PASSWORD'), 'TOO_MANY_ATTEMPTS']);
    const locked = await errorOf(
      client.account.changePassword.mutate({
        currentPassword: owner.password,
        newPassword: NEW_PASSWORD,
      }),
    );
    expect(locked.data?.domainCode).toBe('TOO_MANY_ATTEMPTS');
  });

  it('changes the address only once the link sent to the new one is opened, and tells the old one', async () => {
    server = await startTestServer();
    const { client } = await signUp();
    await postJson(`${server.baseUrl}/api/tenant/create`, {
      studioName: 'Nachbar',
      ownerEmail: 'vergeben@example.com',
      password: owner.password,
    });
    const taken = await errorOf(
      client.account.changeEmail.mutate({
        password: owner.password,
        newEmail: 'vergeben@example.com',
      }),
    );
    expect(taken.data?.domainCode).toBe('EMAIL_TAKEN');
    const same = await errorOf(
      client.account.changeEmail.mutate({ password: owner.password, newEmail: owner.ownerEmail }),
    );
    expect(same.data?.issues).toMatchObject([{ path: 'newEmail', problem: 'unchanged' }]);
    const wrong = await errorOf(
      client.account.changeEmail.mutate({ password: 'falsch-falsch', newEmail: 'neu@example.com' }),
    );
    expect(wrong.data?.domainCode).toBe('WRONG_PASSWORD');

    expect(
      await client.account.changeEmail.mutate({
        password: owner.password,
        newEmail: 'Neu@Example.com',
      }),
    ).toEqual({ pendingEmail: 'neu@example.com' });
    expect((await client.auth.me.query())?.user).toMatchObject({
      email: owner.ownerEmail,
      pendingEmail: 'neu@example.com',
    });
    const confirm = await mailTo(server, 'neu@example.com', /^Neue E-Mail-Adresse bestätigen$/);
    const result = await anonymous(server).account.verifyEmail.mutate({
      token: linkToken(confirm, '/verify-email'),
    });
    expect(result).toEqual({ email: 'neu@example.com', kind: 'changed' });
    expect((await client.auth.me.query())?.user).toMatchObject({
      email: 'neu@example.com',
      emailVerified: true,
      pendingEmail: null,
    });
    const notice = await mailTo(server, owner.ownerEmail, /^Ihre E-Mail-Adresse wurde geändert$/);
    expect(notice.text).toContain('neu@example.com');
    await anonymous(server).auth.login.mutate({
      email: 'neu@example.com',
      password: owner.password,
    });
  });

  it('ends a pending address change when the password is reset: the change may be an intruder’s', async () => {
    server = await startTestServer();
    const { client } = await signUp();
    await client.account.changeEmail.mutate({
      password: owner.password,
      newEmail: 'fremd@example.com',
    });
    const change = linkToken(await mailTo(server, 'fremd@example.com'), '/verify-email');
    await anonymous(server).account.requestPasswordReset.mutate({ email: owner.ownerEmail });
    const token = linkToken(
      await mailTo(server, owner.ownerEmail, /zurücksetzen/),
      '/reset-password',
    );
    await anonymous(server).account.resetPassword.mutate({ token, password: NEW_PASSWORD });
    const refused = await errorOf(anonymous(server).account.verifyEmail.mutate({ token: change }));
    expect(refused.data?.domainCode).toBe('TOKEN_INVALID');
  });

  it('refuses common passwords at signup, over tRPC and REST alike, and keeps the seed’s answers', async () => {
    server = await startTestServer();
    const tRPC = await errorOf(
      anonymous(server).signup.create.mutate({
        ...owner,
        consent: WIZARD_CONSENT,
        password: 'password123',
      }),
    );
    expect(tRPC.data?.issues).toMatchObject([{ path: 'password', problem: 'tooCommon' }]);
    const rest = await postJson(`${server.baseUrl}/api/tenant/create`, {
      ...owner,
      password: 'Passwort1',
    });
    expect(rest.status).toBe(400);
    expect(rest.body).toMatchObject({ success: false, error: 'This password is too common' });
    const weak = await postJson(`${server.baseUrl}/api/tenant/create`, {
      ...owner,
      password: 'weak',
    });
    expect(weak.body.error).toBe('Password must be at least 8 characters');
  });
});
