import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

/** A mail the built-in catcher received instead of it being sent. */
export interface CaughtMail {
  /** Short, random and URL-safe: the mail's address on /dev/mail. */
  id: string;
  messageId: string;
  /** ISO 8601. */
  receivedAt: string;
  from: string;
  /** The envelope's recipients. */
  to: string[];
  subject: string;
  text: string;
  html: string | null;
}

export interface MailCatcher {
  /** `smtp://127.0.0.1:PORT`, no credentials. */
  smtpUrl: string;
  /** Newest first. */
  messages(): CaughtMail[];
  find(id: string): CaughtMail | undefined;
  /**
   * The newest mail already caught that matches, else the first one caught from now on;
   * rejects after `timeoutMs` naming the subjects it saw.
   */
  waitFor(predicate: (mail: CaughtMail) => boolean, timeoutMs?: number): Promise<CaughtMail>;
  close(): Promise<void>;
}

export interface MailCatcherOptions {
  /** How many mails are kept; the oldest go first. */
  keep?: number;
  maxMessageBytes?: number;
  /** Connection errors of SMTP clients (they never stop the catcher). */
  onError?: (error: Error) => void;
}

/** 127.0.0.0/8 and ::1, also written as IPv4-mapped IPv6. */
export const isLoopbackAddress = (address: string | undefined): boolean =>
  address !== undefined && /^(?:::ffff:)?127(?:\.\d{1,3}){3}$|^::1$/i.test(address);

interface Waiter {
  predicate: (mail: CaughtMail) => boolean;
  resolve: (mail: CaughtMail) => void;
  reject: (error: Error) => void;
}

const smtpError = (responseCode: number, message: string) =>
  Object.assign(new Error(message), { responseCode });

const caughtMail = (parsed: ParsedMail, session: SMTPServerSession): CaughtMail => ({
  id: randomBytes(6).toString('base64url'),
  messageId: parsed.messageId ?? '',
  receivedAt: new Date().toISOString(),
  from: parsed.from?.text ?? (session.envelope.mailFrom ? session.envelope.mailFrom.address : ''),
  to: session.envelope.rcptTo.map((recipient) => recipient.address),
  subject: parsed.subject ?? '',
  text: parsed.text ?? '',
  html: typeof parsed.html === 'string' ? parsed.html : null,
});

const describeSubjects = (mails: CaughtMail[]) => {
  if (mails.length === 0) return 'no mail was caught';
  const shown = mails.slice(0, 20).map((mail) => JSON.stringify(mail.subject));
  const more = mails.length > shown.length ? ` and ${mails.length - shown.length} more` : '';
  return `subjects seen, newest first: ${shown.join(', ')}${more}`;
};

/**
 * An SMTP server inside the process for running without SMTP_URL: it accepts mail from this
 * machine only, keeps the newest in memory and shows them on /dev/mail.
 */
export const startMailCatcher = async (options: MailCatcherOptions = {}): Promise<MailCatcher> => {
  const { keep = 500, maxMessageBytes = 10 * 1024 * 1024, onError = () => {} } = options;
  const mails: CaughtMail[] = [];
  const waiters = new Set<Waiter>();

  const store = (mail: CaughtMail) => {
    mails.unshift(mail);
    mails.splice(keep);
    for (const waiter of waiters) {
      let matched: boolean;
      try {
        matched = waiter.predicate(mail);
      } catch (error) {
        // A broken predicate fails its own wait, not the SMTP session that delivered the mail.
        waiters.delete(waiter);
        waiter.reject(error instanceof Error ? error : new Error(String(error)));
        continue;
      }
      if (!matched) continue;
      waiters.delete(waiter);
      waiter.resolve(mail);
    }
  };

  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: maxMessageBytes,
    banner: 'PILAR mail catcher',
    logger: false,
    onConnect: (session, callback) => {
      // It listens on 127.0.0.1 only; this holds should that ever change.
      if (isLoopbackAddress(session.remoteAddress)) callback();
      else callback(smtpError(554, 'The mail catcher accepts local clients only'));
    },
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      let bytes = 0;
      stream.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        // Past the limit the rest is drained, not kept.
        if (bytes <= maxMessageBytes) chunks.push(chunk);
      });
      stream.on('end', () => {
        if (stream.sizeExceeded || bytes > maxMessageBytes) {
          callback(smtpError(552, `Message exceeds ${maxMessageBytes} bytes`));
          return;
        }
        simpleParser(Buffer.concat(chunks)).then(
          (parsed) => {
            store(caughtMail(parsed, session));
            callback();
          },
          (error: Error) =>
            callback(smtpError(554, `Message could not be parsed: ${error.message}`)),
        );
      });
    },
  });
  server.on('error', onError);

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.server.address() as AddressInfo;

  return {
    smtpUrl: `smtp://127.0.0.1:${port}`,
    messages: () => [...mails],
    find: (id) => mails.find((mail) => mail.id === id),
    waitFor: async (predicate, timeoutMs = 5_000) => {
      const caught = mails.find(predicate);
      if (caught) return caught;
      return new Promise<CaughtMail>((resolve, reject) => {
        const waiter: Waiter = {
          predicate,
          resolve: (mail) => {
            clearTimeout(timer);
            resolve(mail);
          },
          reject: (error) => {
            clearTimeout(timer);
            reject(error);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(
            new Error(`No caught mail matched within ${timeoutMs} ms; ${describeSubjects(mails)}`),
          );
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    close: async () => {
      for (const waiter of waiters) waiter.reject(new Error('The mail catcher was closed'));
      waiters.clear();
      await new Promise<void>((resolve) => server.close(resolve));
    },
  };
};
