import { action, type MailWording, paragraph } from './mail-document.ts';

export const passwordChanged: MailWording<'password_changed'> = {
  de: (content) => ({
    subject: 'Ihr Passwort wurde geändert',
    heading: 'Ihr Passwort wurde geändert',
    blocks: [
      paragraph('Das Passwort für Ihr PILAR-Konto wurde geändert.'),
      paragraph('Falls Sie das selbst waren, müssen Sie nichts weiter tun.'),
      paragraph('Falls nicht, setzen Sie Ihr Passwort bitte sofort zurück:'),
      action('Passwort zurücksetzen', content.resetUrl),
    ],
    reason:
      'Sie erhalten diese E-Mail, weil das Passwort des PILAR-Kontos mit dieser Adresse geändert wurde.',
  }),
  en: (content) => ({
    subject: 'Your password was changed',
    heading: 'Your password was changed',
    blocks: [
      paragraph('The password of your PILAR account was changed.'),
      paragraph('If that was you, there is nothing else to do.'),
      paragraph('If it was not you, reset your password right away:'),
      action('Reset your password', content.resetUrl),
    ],
    reason:
      'You are receiving this email because the password of the PILAR account with this address was changed.',
  }),
};
