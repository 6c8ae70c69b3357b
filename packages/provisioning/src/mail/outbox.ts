import { randomUUID } from 'node:crypto';
import type { Locale } from '../contracts/locale.ts';
import type { Keyring } from '../secrets/keyring.ts';
import { openSecret, type SealedSecret, sealSecret } from '../secrets/sealed-secret.ts';
import type { MailContent } from './mail-content.ts';

/** A mail to write: who gets it, in which language, on behalf of which studio. */
export interface MailRequest {
  tenantId: string | null;
  to: string;
  locale: Locale;
  content: MailContent;
}

/** The values of one `outbox_mails` row, ready for the caller's own insert. */
export interface OutboxRow {
  id: string;
  tenantId: string | null;
  messageId: string;
  recipient: string;
  template: MailContent['template'];
  locale: Locale;
  content: SealedSecret;
}

/** What flows that send mail need: rows for their transaction, link base, and a wake-up. */
export interface Outbox {
  row(mail: MailRequest): OutboxRow;
  /** The base of every link in a mail (`PUBLIC_URL`, else the server's own address). */
  publicUrl(): string;
  /** After commit: deliver these now instead of at the relay's next sweep. */
  notify(mailIds: readonly string[]): Promise<void>;
}

// Bound into the ciphertext: a sealed content cannot be moved to another row. The row's id is
// made before the mail's studio may be known (see `requestPasswordReset`), so the id alone binds.
const sealContext = (row: { id: string }) => ({ tenantId: 'outbox', purpose: `mail:${row.id}` });

export const openMailContent = (keyring: Keyring, row: { id: string; content: SealedSecret }) =>
  JSON.parse(openSecret(keyring, row.content, sealContext(row))) as MailContent;

export interface OutboxOptions {
  keyring: Keyring;
  /** The domain of every Message-ID (the sender's, from `MAIL_FROM`). */
  messageIdDomain: string;
  publicUrl(): string;
  notify(mailIds: readonly string[]): Promise<void>;
}

export const createOutbox = ({
  keyring,
  messageIdDomain,
  publicUrl,
  notify,
}: OutboxOptions): Outbox => ({
  row: ({ tenantId, to, locale, content }) => {
    const id = randomUUID();
    return {
      id,
      tenantId,
      // Made once, here: a delivery repeated after a crash sends the same Message-ID.
      messageId: `<${id}@${messageIdDomain}>`,
      recipient: to,
      template: content.template,
      locale,
      content: sealSecret(keyring, JSON.stringify(content), sealContext({ id })),
    };
  },
  publicUrl,
  notify,
});

/** A link below the public URL, e.g. `mailLink(outbox, '/verify-email', { token })`. */
export const mailLink = (outbox: Outbox, path: string, query: Record<string, string> = {}) => {
  const url = new URL(path.replace(/^\/+/, ''), `${outbox.publicUrl().replace(/\/+$/, '')}/`);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return url.toString();
};
