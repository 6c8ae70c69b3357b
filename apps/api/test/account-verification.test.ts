import { schema } from '@pilar/provisioning';
import { eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { codeIn, linkToken, mailsTo, mailTo } from './support/mail.ts';
import { WIZARD_CONSENT } from './support/signup-consent.ts';
import { postJson, startTestServer, type TestServer } from './support/test-server.ts';
import { CookieJar, createTestClient, errorOf } from './support/trpc-client.ts';

const owner = {
  studioName: 'Studio Grün & Söhne',
  ownerEmail: 'inhaberin@example.com',
  password: 'SicheresPasswort!',
};

describe('e-mail verification', () => {
  let server: TestServer;
  afterEach(async () => {
    await server.close();
  });

  const signUp = async (locale?: 'de' | 'en') => {
    const { client, jar } = createTestClient(server.baseUrl);
    await client.signup.create.mutate({
      ...owner,
      consent: WIZARD_CONSENT,
      ...(locale ? { locale } : {}),
    });
    return { client, jar, mail: await mailTo(server, owner.ownerEmail) };
  };

  it('mails one welcome in the wizard’s language over SMTP, with a link and a code kept only as hashes', async () => {
    server = await startTestServer();
    const { client, mail } = await signUp('en');
    expect(mail.subject).toBe('Welcome to PILAR – please confirm your email address');
    expect(mail.from).toContain('no-reply@pilar.test');
    expect(mail.messageId).toMatch(/^<[0-9a-f-]{36}@pilar\.test>$/);
    expect(mail.html).toContain('Studio Grün &amp; Söhne');
    const token = linkToken(mail, '/verify-email');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const code = codeIn(mail);
    expect((await client.auth.me.query())?.user).toMatchObject({ emailVerified: false });

    const tokens = await server.testDb.db.select().from(schema.accountTokens);
    const outbox = await server.testDb.db.select().from(schema.outboxMails);
    const stored = JSON.stringify([tokens, outbox]);
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(code);
    expect(outbox).toMatchObject([{ status: 'sent', attempts: 1, content: null, locale: 'en' }]);
    expect(mailsTo(server, owner.ownerEmail)).toHaveLength(1);
  });

  it('writes German by default, also for the specification’s REST route, whose answer is unchanged', async () => {
    server = await startTestServer();
    const created = await postJson(`${server.baseUrl}/api/tenant/create`, owner);
    expect(created.status).toBe(201);
    expect(Object.keys(created.body).sort()).toEqual([
      'defaultConfig',
      'ownerId',
      'status',
      'success',
      'tenantId',
    ]);
    const mail = await mailTo(server, owner.ownerEmail);
    expect(mail.subject).toBe('Willkommen bei PILAR – bitte bestätigen Sie Ihre E-Mail-Adresse');
    expect(mail.text).toContain('Diese E-Mail wurde automatisch von PILAR Systems GmbH versendet.');
  });

  it('verifies by link only on purpose, in any browser, once; a GET of the link changes nothing', async () => {
    server = await startTestServer();
    const { client, mail } = await signUp();
    const token = linkToken(mail, '/verify-email');
    // A mail scanner opening the link.
    await fetch(`${server.baseUrl}/verify-email?token=${token}`);
    expect((await client.auth.me.query())?.user.emailVerified).toBe(false);

    const elsewhere = createTestClient(server.baseUrl, new CookieJar()).client;
    expect(await elsewhere.account.verifyEmail.mutate({ token })).toEqual({
      email: owner.ownerEmail,
      kind: 'verified',
    });
    expect((await client.auth.me.query())?.user.emailVerified).toBe(true);
    const again = await errorOf(elsewhere.account.verifyEmail.mutate({ token }));
    expect(again.data).toMatchObject({ domainCode: 'TOKEN_INVALID', httpStatus: 400 });
    const forged = await errorOf(elsewhere.account.verifyEmail.mutate({ token: `${token}x` }));
    expect(forged.data?.domainCode).toBe('TOKEN_INVALID');
  });

  it('refuses a link after 24 hours', async () => {
    server = await startTestServer();
    const { client, mail } = await signUp();
    await server.testDb.db
      .update(schema.accountTokens)
      .set({ expiresAt: sql`now() - interval '1 second'` });
    const expired = await errorOf(
      client.account.verifyEmail.mutate({ token: linkToken(mail, '/verify-email') }),
    );
    expect(expired.data?.domainCode).toBe('TOKEN_EXPIRED');
    expect(expired.message).toBe('This link has expired');
  });

  it('verifies by code for the logged-in owner; five wrong tries end the code, even the right one after', async () => {
    server = await startTestServer();
    const { client, mail } = await signUp();
    const code = codeIn(mail);
    const wrong = code === '000000' ? '111111' : '000000';
    for (const attemptsLeft of [4, 3, 2, 1]) {
      const refused = await errorOf(client.account.verifyEmailCode.mutate({ code: wrong }));
      expect(refused.data).toMatchObject({
        domainCode: 'CODE_INVALID',
        domainData: { attemptsLeft },
      });
    }
    const fifth = await errorOf(client.account.verifyEmailCode.mutate({ code: wrong }));
    expect(fifth.data?.domainCode).toBe('CODE_EXPIRED');
    const right = await errorOf(client.account.verifyEmailCode.mutate({ code }));
    expect(right.data?.domainCode).toBe('CODE_EXPIRED');
    expect((await client.auth.me.query())?.user.emailVerified).toBe(false);

    // A new mail brings a new code (the cooldown is over), and the old link ends with it.
    await server.testDb.db
      .update(schema.accountTokens)
      .set({ createdAt: sql`now() - interval '61 seconds'` });
    expect(await client.account.resendVerification.mutate()).toEqual({ sentTo: owner.ownerEmail });
    const resent = await mailTo(server, owner.ownerEmail, /^Bestätigen Sie Ihre E-Mail-Adresse$/);
    const oldLink = await errorOf(
      client.account.verifyEmail.mutate({ token: linkToken(mail, '/verify-email') }),
    );
    expect(oldLink.data?.domainCode).toBe('TOKEN_INVALID');
    expect(await client.account.verifyEmailCode.mutate({ code: codeIn(resent) })).toEqual({
      emailVerified: true,
    });
    expect((await client.auth.me.query())?.user.emailVerified).toBe(true);
  });

  it('refuses a code after 15 minutes, and a malformed one by its problem', async () => {
    server = await startTestServer();
    const { client, mail } = await signUp();
    const malformed = await errorOf(client.account.verifyEmailCode.mutate({ code: '12a456' }));
    expect(malformed.data?.issues).toMatchObject([{ path: 'code', problem: 'invalidCode' }]);
    await server.testDb.db
      .update(schema.accountTokens)
      .set({ codeExpiresAt: sql`now() - interval '1 second'` });
    const late = await errorOf(client.account.verifyEmailCode.mutate({ code: codeIn(mail) }));
    expect(late.data?.domainCode).toBe('CODE_EXPIRED');
  });

  it('resends after a 60 s cooldown and at most 5 mails an hour, with Retry-After', async () => {
    server = await startTestServer();
    const { client, jar } = await signUp();
    const soon = await errorOf(client.account.resendVerification.mutate());
    expect(soon.data).toMatchObject({ domainCode: 'TOO_MANY_REQUESTS', httpStatus: 429 });
    expect(soon.data?.retryAfterSeconds).toBeGreaterThan(55);
    expect(soon.data?.retryAfterSeconds).toBeLessThanOrEqual(60);
    const raw = await fetch(`${server.baseUrl}/trpc/account.resendVerification`, {
      method: 'POST',
      headers: { cookie: jar.header(), 'content-type': 'application/json' },
      body: '{}',
    });
    expect(raw.status).toBe(429);
    expect(Number(raw.headers.get('retry-after'))).toBeGreaterThan(0);

    const ageEveryToken = () =>
      server.testDb.db
        .update(schema.accountTokens)
        .set({ createdAt: sql`${schema.accountTokens.createdAt} - interval '61 seconds'` });
    for (let resend = 1; resend <= 4; resend++) {
      await ageEveryToken();
      await client.account.resendVerification.mutate();
    }
    await ageEveryToken();
    const hourly = await errorOf(client.account.resendVerification.mutate());
    expect(hourly.data?.domainCode).toBe('TOO_MANY_REQUESTS');
    // The oldest of the five is 5 × 61 s old: the hour ends in about 55 minutes.
    expect(hourly.data?.retryAfterSeconds).toBeGreaterThan(3000);
    const [user] = await server.testDb.db
      .select({ verified: schema.tenantUsers.emailVerifiedAt })
      .from(schema.tenantUsers)
      .where(eq(schema.tenantUsers.email, owner.ownerEmail));
    expect(user?.verified).toBeNull();
  });

  it('sends one mail of several resends asked at the same moment', async () => {
    server = await startTestServer();
    const { client } = await signUp();
    await server.testDb.db
      .update(schema.accountTokens)
      .set({ createdAt: sql`now() - interval '61 seconds'` });
    const answers = await Promise.allSettled(
      Array.from({ length: 5 }, () => client.account.resendVerification.mutate()),
    );
    expect(answers.filter((answer) => answer.status === 'fulfilled')).toHaveLength(1);
  });

  it('says so when the address is already confirmed, and needs a session for the code', async () => {
    server = await startTestServer();
    const { client, mail } = await signUp();
    await client.account.verifyEmailCode.mutate({ code: codeIn(mail) });
    const resend = await errorOf(client.account.resendVerification.mutate());
    expect(resend.data?.domainCode).toBe('EMAIL_ALREADY_VERIFIED');
    const anonymous = createTestClient(server.baseUrl, new CookieJar()).client;
    const noSession = await errorOf(anonymous.account.verifyEmailCode.mutate({ code: '123456' }));
    expect(noSession.data?.domainCode).toBe('NOT_AUTHENTICATED');
  });
});
