import { schema } from '@pilar/provisioning';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { startSmtpInbox } from './support/smtp-inbox.ts';
import { postJson, startTestServer, type TestServer } from './support/test-server.ts';

const signup = (email: string) => ({
  studioName: `Studio ${email}`,
  ownerEmail: email,
  password: 'SicheresPasswort!',
});

const metricValue = async (server: TestServer, line: RegExp) => {
  const text = await (await fetch(`${server.baseUrl}/metrics`)).text();
  const found = text.split('\n').find((row) => line.test(row));
  return found ? Number(found.split(' ').at(-1)) : 0;
};

const outboxStatus = async (server: TestServer, id?: string) => {
  const rows = await server.testDb.db
    .select({ status: schema.outboxMails.status })
    .from(schema.outboxMails)
    .where(id ? eq(schema.outboxMails.id, id) : undefined);
  return rows[0]?.status;
};

describe('mail delivery over SMTP_URL', () => {
  let server: TestServer;
  let inbox: Awaited<ReturnType<typeof startSmtpInbox>>;
  afterEach(async () => {
    await server.close();
    await inbox.close();
  });

  it('logs in to the configured SMTP server and delivers, counted on /metrics', async () => {
    inbox = await startSmtpInbox();
    server = await startTestServer({ smtpUrl: inbox.url });
    await postJson(`${server.baseUrl}/api/tenant/create`, signup('inhaber@example.com'));
    await expect.poll(() => inbox.accepted.length).toBe(1);
    expect(inbox.accepted[0]).toMatchObject({
      user: 'pilar',
      to: ['inhaber@example.com'],
      subject: 'Willkommen bei PILAR – bitte bestätigen Sie Ihre E-Mail-Adresse',
    });
    // The inbox has the mail before its answer reaches the server, which counts it then.
    await expect
      .poll(() => metricValue(server, /^mail_delivered_total\{template="verify_email"\}/))
      .toBe(1);
  });

  it('retries a temporary refusal with the same Message-ID until the server takes the mail', async () => {
    inbox = await startSmtpInbox({
      answer: (delivery) =>
        delivery <= 2 ? { responseCode: 451, message: 'Try again later' } : null,
    });
    server = await startTestServer({ smtpUrl: inbox.url });
    await postJson(`${server.baseUrl}/api/tenant/create`, signup('inhaber@example.com'));
    await expect.poll(() => inbox.accepted.length, { timeout: 20_000 }).toBe(1);
    const ids = new Set(inbox.attempts.map((attempt) => attempt.messageId));
    expect(inbox.attempts).toHaveLength(3);
    expect(ids.size).toBe(1);
    await expect.poll(() => outboxStatus(server)).toBe('sent');
    const [row] = await server.testDb.db.select().from(schema.outboxMails);
    expect(row).toMatchObject({ status: 'sent', attempts: 3, lastError: null, content: null });
    expect(row?.messageId).toBe([...ids][0]);
    expect(
      await metricValue(
        server,
        /^mail_delivery_failures_total\{template="verify_email",final="false"\}/,
      ),
    ).toBe(2);
  });

  it('gives up at once on a permanent refusal, keeps the reason and drops the sealed content', async () => {
    inbox = await startSmtpInbox({
      answer: () => ({ responseCode: 550, message: 'Mailbox unavailable' }),
    });
    server = await startTestServer({ smtpUrl: inbox.url });
    await postJson(`${server.baseUrl}/api/tenant/create`, signup('weg@example.com'));
    await expect.poll(() => outboxStatus(server)).toBe('failed');
    const [row] = await server.testDb.db.select().from(schema.outboxMails);
    expect(row).toMatchObject({ attempts: 1, content: null });
    expect(row?.lastError).toContain('Mailbox unavailable');
    expect(inbox.attempts).toHaveLength(1);
    expect(
      await metricValue(
        server,
        /^mail_delivery_failures_total\{template="verify_email",final="true"\}/,
      ),
    ).toBe(1);
  });

  it('gives up after the last attempt when the server keeps refusing for a while', async () => {
    inbox = await startSmtpInbox({ answer: () => ({ responseCode: 421, message: 'Busy' }) });
    server = await startTestServer({
      smtpUrl: inbox.url,
      mailDelivery: { maxAttempts: 2, retryDelaySeconds: 0 },
    });
    await postJson(`${server.baseUrl}/api/tenant/create`, signup('inhaber@example.com'));
    await expect.poll(() => outboxStatus(server), { timeout: 20_000 }).toBe('failed');
    expect(inbox.attempts).toHaveLength(2);
  });
});

describe('the outbox relay', () => {
  let server: TestServer;
  afterEach(async () => {
    await server.close();
  });

  it('delivers a committed mail whose writer never handed it to the job engine', async () => {
    server = await startTestServer();
    const [tenant] = await server.testDb.db
      .insert(schema.tenants)
      .values({ name: 'Ohne Weckruf' })
      .returning();
    const row = server.deps.outbox.row({
      tenantId: tenant?.id ?? null,
      to: 'verwaist@example.com',
      locale: 'en',
      content: { template: 'password_reset_unknown', signupUrl: `${server.baseUrl}/signup/studio` },
    });
    // Written as a crashed writer leaves it: committed, never notified, older than a moment.
    await server.testDb.db
      .insert(schema.outboxMails)
      .values({ ...row, createdAt: new Date(Date.now() - 60_000) });
    const mail = await server.mails?.waitFor(
      (caught) => caught.to.includes('verwaist@example.com'),
      15_000,
    );
    expect(mail?.messageId).toBe(row.messageId);
    await expect.poll(() => outboxStatus(server, row.id)).toBe('sent');
  });
});
