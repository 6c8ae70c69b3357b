import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface InboxMail {
  messageId: string;
  subject: string;
  text: string;
  to: string[];
  user: string | undefined;
}

/** What the server answers a delivery (by its number, from 1): null accepts. */
export type DataAnswer = (delivery: number) => { responseCode: number; message: string } | null;

/**
 * A real SMTP server standing for the operator's mail provider (SMTP_URL): it requires a login
 * and answers each delivery as the test says (after `delayMs`), recording every one it saw.
 */
export const startSmtpInbox = async ({
  user = 'pilar',
  pass = 'geheim-äöü',
  answer = () => null,
  delayMs = 0,
}: {
  user?: string;
  pass?: string;
  answer?: DataAnswer;
  delayMs?: number;
} = {}) => {
  const accepted: InboxMail[] = [];
  const attempts: InboxMail[] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    onAuth: (auth, _session, callback) => {
      if (auth.username === user && auth.password === pass) callback(null, { user });
      else callback(Object.assign(new Error('Authentication failed'), { responseCode: 535 }));
    },
    onData: (stream, session, callback) => {
      simpleParser(stream).then((parsed) => {
        const mail: InboxMail = {
          messageId: parsed.messageId ?? '',
          subject: parsed.subject ?? '',
          text: parsed.text ?? '',
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          user: session.user,
        };
        attempts.push(mail);
        const refusal = answer(attempts.length);
        if (refusal) return callback(Object.assign(new Error(refusal.message), refusal));
        // A slow provider: the mail is in, its "250 OK" comes later (or never, to a dead client).
        accepted.push(mail);
        setTimeout(() => callback(), delayMs);
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://${user}:${encodeURIComponent(pass)}@127.0.0.1:${port}`,
    port,
    accepted,
    attempts,
    close: () => new Promise<void>((resolve) => server.close(resolve)),
  };
};
