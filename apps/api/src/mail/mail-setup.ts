import { createSmtpSender, type MailSender } from '@pilar/provisioning';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { type MailCatcher, startMailCatcher } from './mail-catcher.ts';

/**
 * Where mail goes: the configured SMTP server, or — with none configured — the built-in catcher,
 * a real SMTP server on loopback whose mails `/dev/mail` shows. Either way the same SMTP path.
 */
export const openMailTransport = async (
  mail: Config['mail'],
  logger: Logger,
): Promise<{ sender: MailSender; catcher: MailCatcher | null }> => {
  if (mail.smtpUrl) {
    logger.info({ smtp: new URL(mail.smtpUrl).host }, 'mail goes to the SMTP server at SMTP_URL');
    return { sender: createSmtpSender(mail.smtpUrl), catcher: null };
  }
  const catcher = await startMailCatcher({
    onError: (error) => logger.warn({ err: error }, 'mail catcher: SMTP client error'),
  });
  logger.warn(
    { smtp: catcher.smtpUrl },
    'NO SMTP_URL SET: mails are NOT sent. The built-in mail catcher keeps them; read them at /dev/mail (loopback only). Set SMTP_URL to deliver mail.',
  );
  return { sender: createSmtpSender(catcher.smtpUrl), catcher };
};

/** The domain of the sender's address (`Name <x@domain>` or `x@domain`), for Message-IDs. */
export const mailDomainOf = (from: string) => /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'localhost';
