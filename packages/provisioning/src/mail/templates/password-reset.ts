import { minutes } from './durations.ts';
import { action, type MailWording, paragraph } from './mail-document.ts';

export const passwordReset: MailWording<'password_reset'> = {
  de: (content) => ({
    subject: 'Passwort zurücksetzen',
    heading: 'Passwort zurücksetzen',
    blocks: [
      paragraph(
        'Wir haben eine Anfrage erhalten, das Passwort für Ihr PILAR-Konto zurückzusetzen. Über den folgenden Button können Sie ein neues Passwort festlegen.',
      ),
      action('Neues Passwort festlegen', content.resetUrl),
      paragraph(`Der Link ist ${minutes('de', content.validMinutes)} gültig.`),
      paragraph(
        'Falls Sie das nicht angefordert haben, können Sie diese E-Mail ignorieren. Ihr Passwort bleibt dann unverändert.',
      ),
    ],
    reason:
      'Sie erhalten diese E-Mail, weil jemand angefordert hat, das Passwort für diese Adresse zurückzusetzen.',
  }),
  en: (content) => ({
    subject: 'Reset your password',
    heading: 'Reset your password',
    blocks: [
      paragraph(
        'We received a request to reset the password of your PILAR account. Use the button below to choose a new password.',
      ),
      action('Choose a new password', content.resetUrl),
      paragraph(`The link is valid for ${minutes('en', content.validMinutes)}.`),
      paragraph(
        'If you did not ask for this, you can ignore this email. Your password then stays unchanged.',
      ),
    ],
    reason:
      'You are receiving this email because someone asked to reset the password of this address.',
  }),
};
