import { type AddressInfo, createServer } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createSmtpSender,
  isPermanentSmtpFailure,
  type MailSender,
  type OutgoingMail,
} from '../src/mail/smtp-sender.ts';

interface Received {
  raw: string;
  user: string | undefined;
  mailFrom: string | undefined;
  rcptTo: string[];
}

const user = 'pilar';
const pass = 'geheim-ß';

const received: Received[] = [];
/** The answer the server gives to the next DATA, or none for acceptance. */
let dataAnswer: { responseCode: number; message: string } | undefined;
let server: SMTPServer;
let port: number;

const smtpError = ({ responseCode, message }: { responseCode: number; message: string }) =>
  Object.assign(new Error(message), { responseCode });

const record = (raw: string, session: SMTPServerSession): Received => ({
  raw,
  user: session.user,
  mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
  rcptTo: session.envelope.rcptTo.map((recipient) => recipient.address),
});

beforeAll(async () => {
  server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    onAuth: (auth, _session, callback) => {
      if (auth.username === user && auth.password === pass) callback(null, { user });
      else callback(smtpError({ responseCode: 535, message: 'Authentication failed' }));
    },
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (dataAnswer) return callback(smtpError(dataAnswer));
        received.push(record(Buffer.concat(chunks).toString('utf8'), session));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(resolve));
});

const senders: MailSender[] = [];
const sender = (
  url = `smtp://${user}:${encodeURIComponent(pass)}@127.0.0.1:${port}`,
  connectionTimeoutMs = 2_000,
) => {
  const created = createSmtpSender(url, { connectionTimeoutMs });
  senders.push(created);
  return created;
};

afterEach(() => {
  for (const created of senders.splice(0)) created.close();
  received.length = 0;
  dataAnswer = undefined;
});

const mail: OutgoingMail = {
  messageId: '<0b6f6f0e-3f7c-4d0a-9d55-1c1f4d4b2a10@pilar.test>',
  from: 'PILAR <no-reply@pilar.test>',
  to: 'inhaberin@studio.test',
  subject: 'Bestätigen Sie Ihre E-Mail-Adresse – Grüße aus Köln',
  html: '<!doctype html><html lang="de"><body><p>Schöne Grüße, Ihr Studio „Kraftwerk“</p></body></html>',
  text: 'Schöne Grüße, Ihr Studio „Kraftwerk“\n',
};

const rejection = async (sending: Promise<void>) => {
  const error = await sending.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(Error);
  return error;
};

describe('createSmtpSender', () => {
  it('delivers with the given Message-ID, envelope, encoded subject and both parts', async () => {
    await sender().send(mail);

    expect(received).toHaveLength(1);
    const [message] = received;
    expect(message?.user).toBe(user);
    expect(message?.mailFrom).toBe('no-reply@pilar.test');
    expect(message?.rcptTo).toEqual(['inhaberin@studio.test']);
    // Headers are 7-bit: the umlaut subject travels as an encoded word.
    const subjectHeader = message?.raw.match(/^Subject: (.*(?:\r\n[ \t].*)*)/m)?.[1] ?? '';
    expect(subjectHeader).toMatch(/=\?UTF-8\?[BQ]\?/i);
    expect(subjectHeader).not.toContain('ä');

    const parsed = await simpleParser(message?.raw ?? '');
    expect(parsed.messageId).toBe(mail.messageId);
    expect(parsed.subject).toBe(mail.subject);
    expect(parsed.from?.value).toEqual([{ name: 'PILAR', address: 'no-reply@pilar.test' }]);
    expect(parsed.headers.get('to')).toMatchObject({ text: 'inhaberin@studio.test' });
    expect(parsed.html).toBe(mail.html);
    expect(parsed.text).toBe(mail.text);
  });

  it('keeps the Message-ID when the same mail is sent again', async () => {
    const smtp = sender();
    await smtp.send(mail);
    await smtp.send(mail);
    const ids = await Promise.all(
      received.map(async ({ raw }) => (await simpleParser(raw)).messageId),
    );
    expect(ids).toEqual([mail.messageId, mail.messageId]);
  });

  it('rejects wrong credentials (535) as worth retrying once SMTP_URL is fixed', async () => {
    const error = await rejection(sender(`smtp://${user}:wrong@127.0.0.1:${port}`).send(mail));
    expect(error).toMatchObject({ responseCode: 535 });
    expect(isPermanentSmtpFailure(error)).toBe(false);
    expect(received).toHaveLength(0);
  });

  it('rejects a 451 answer to DATA as worth retrying', async () => {
    dataAnswer = { responseCode: 451, message: 'Try again later' };
    const error = await rejection(sender().send(mail));
    expect(error).toMatchObject({ responseCode: 451 });
    expect(isPermanentSmtpFailure(error)).toBe(false);
  });

  it('rejects a 550 answer to DATA as permanent', async () => {
    dataAnswer = { responseCode: 550, message: 'Mailbox unavailable' };
    const error = await rejection(sender().send(mail));
    expect(error).toMatchObject({ responseCode: 550 });
    expect(isPermanentSmtpFailure(error)).toBe(true);
  });

  it('rejects when nothing listens, as worth retrying', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const error = await rejection(sender(`smtp://127.0.0.1:${closedPort}`).send(mail));
    expect(isPermanentSmtpFailure(error)).toBe(false);
  });
});

const listenSilently = async () => {
  const silent = createServer(() => {});
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  return silent;
};

describe('timeouts', () => {
  it('gives up on a server that never greets, within the connection timeout', async () => {
    const silent = await listenSilently();
    try {
      const started = performance.now();
      const { port: silentPort } = silent.address() as AddressInfo;
      const error = await rejection(sender(`smtp://127.0.0.1:${silentPort}`, 300).send(mail));
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(isPermanentSmtpFailure(error)).toBe(false);
    } finally {
      silent.close();
    }
  });
});

describe('isPermanentSmtpFailure', () => {
  it('is true only for a 5xx responseCode', () => {
    expect(isPermanentSmtpFailure(Object.assign(new Error('x'), { responseCode: 554 }))).toBe(true);
    expect(isPermanentSmtpFailure(Object.assign(new Error('x'), { responseCode: 421 }))).toBe(
      false,
    );
    expect(isPermanentSmtpFailure(Object.assign(new Error('x'), { code: 'ETIMEDOUT' }))).toBe(
      false,
    );
    expect(isPermanentSmtpFailure({ responseCode: '550' })).toBe(false);
    expect(isPermanentSmtpFailure(new Error('550 looks permanent but has no code'))).toBe(false);
    expect(isPermanentSmtpFailure(undefined)).toBe(false);
    expect(isPermanentSmtpFailure('550')).toBe(false);
  });
});
