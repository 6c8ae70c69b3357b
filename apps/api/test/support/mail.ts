import type { CaughtMail } from '../../src/mail/mail-catcher.ts';
import type { TestServer } from './test-server.ts';

/** The next (or an already caught) mail to `to` whose subject matches. */
export const mailTo = (
  server: TestServer,
  to: string,
  subject: RegExp = /./,
  timeoutMs = 15_000,
) => {
  if (!server.mails) throw new Error('this test server delivers to an SMTP server of its own');
  return server.mails.waitFor(
    (mail) => mail.to.some((address) => address.includes(to)) && subject.test(mail.subject),
    timeoutMs,
  );
};

export const mailsTo = (server: TestServer, to: string) =>
  (server.mails?.messages() ?? []).filter((mail) =>
    mail.to.some((address) => address.includes(to)),
  );

/** The token of the link to `path` in the mail's text part. */
export const linkToken = (mail: CaughtMail, path: string) => {
  const link = mail.text.match(/https?:\/\/\S+/g)?.find((url) => new URL(url).pathname === path);
  const token = link ? new URL(link).searchParams.get('token') : null;
  if (!token) throw new Error(`no ${path} link in "${mail.subject}":\n${mail.text}`);
  return token;
};

/** The 6-digit code, on a line of its own in the text part. */
export const codeIn = (mail: CaughtMail) => {
  const code = /^\s*(\d{6})\s*$/m.exec(mail.text)?.[1];
  if (!code) throw new Error(`no code in "${mail.subject}":\n${mail.text}`);
  return code;
};
