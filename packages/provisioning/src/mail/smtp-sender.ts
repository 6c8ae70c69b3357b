import { createTransport } from 'nodemailer';

export interface OutgoingMail {
  /** The Message-ID header, `<id@domain>`: kept on a resend so receivers see the same mail. */
  messageId: string;
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
}

export interface MailSender {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/**
 * Sends over SMTP to `smtp://` or `smtps://user:pass@host:port` (STARTTLS where offered). A
 * connection per mail: the outbox sends few, and a dead connection cannot outlive a send.
 * Timeouts are short so a hanging server fails the attempt and the outbox retries later.
 */
export const createSmtpSender = (
  smtpUrl: string,
  options: { connectionTimeoutMs?: number } = {},
): MailSender => {
  const connectionTimeout = options.connectionTimeoutMs ?? 10_000;
  const transport = createTransport({
    url: smtpUrl,
    connectionTimeout,
    greetingTimeout: connectionTimeout,
    socketTimeout: 30_000,
    // Our mails are strings only: never let message content make nodemailer read a file or URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    send: async ({ messageId, from, to, subject, html, text }) => {
      await transport.sendMail({ messageId, from, to, subject, html, text });
    },
    close: () => transport.close(),
  };
};

/** Refused logins (RFC 4954): the operator's configuration is wrong, not the mail. */
const LOGIN_REFUSALS = new Set([530, 534, 535, 538]);

/**
 * Whether retrying this mail cannot help: the server refused it for good with 5xx (unknown
 * recipient, rejected content). 4xx answers, timeouts and connection errors are worth another
 * attempt, and so is a refused login — the mail waits until the operator fixes SMTP_URL.
 */
export const isPermanentSmtpFailure = (error: unknown): boolean => {
  const responseCode =
    typeof error === 'object' && error !== null && 'responseCode' in error
      ? error.responseCode
      : undefined;
  return (
    typeof responseCode === 'number' &&
    responseCode >= 500 &&
    responseCode <= 599 &&
    !LOGIN_REFUSALS.has(responseCode)
  );
};
