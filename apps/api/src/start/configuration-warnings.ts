import { type Config, NOT_CONFIGURED } from '../config.ts';
import type { Logger } from '../logger.ts';

/**
 * What runs but should not run like this in production, said once at start-up: real mail with
 * links to localhost, a carrier that cannot call back, and an Impressum without the operator's
 * address or e-mail.
 */
export const warnAboutConfiguration = (config: Config, logger: Logger) => {
  if (config.mail.smtpUrl && !config.mail.publicUrl) {
    logger.warn(
      'SMTP_URL is set but PUBLIC_URL is not: links in mails point to this server at localhost',
    );
  }
  const missing = [
    ...(config.app.legal.operator.address === NOT_CONFIGURED('OPERATOR_ADDRESS')
      ? ['OPERATOR_ADDRESS']
      : []),
    ...(config.app.legal.operator.email === NOT_CONFIGURED('OPERATOR_EMAIL')
      ? ['OPERATOR_EMAIL']
      : []),
  ];
  if (missing.length > 0 && !config.app.legal.urls.imprint) {
    logger.warn(
      { missing },
      `the Impressum is incomplete: set ${missing.join(' and ')} (or LEGAL_IMPRINT_URL)`,
    );
  }
  if (config.phone.provider === 'twilio' && !config.mail.publicUrl) {
    logger.warn(
      'PHONE_PROVIDER=twilio without PUBLIC_URL: Twilio cannot reach the review callback; reviews are followed by polling only',
    );
  }
  if (config.app.trustProxy && !config.mail.smtpUrl) {
    logger.warn(
      'behind a proxy (TRUST_PROXY) without SMTP_URL: mails are caught, and /dev/mail is off',
    );
  }
};
