import { action, type MailWording, paragraph } from './mail-document.ts';

export const passwordResetUnknown: MailWording<'password_reset_unknown'> = {
  de: (content) => ({
    subject: 'Passwort zurücksetzen angefordert',
    heading: 'Passwort zurücksetzen angefordert',
    blocks: [
      paragraph(
        'Jemand hat angefordert, das Passwort für diese E-Mail-Adresse zurückzusetzen. Es gibt jedoch kein PILAR-Konto mit dieser Adresse.',
      ),
      paragraph(
        'Falls Sie das waren, haben Sie sich vielleicht mit einer anderen E-Mail-Adresse registriert – versuchen Sie es bitte mit dieser erneut. Oder registrieren Sie Ihr Studio jetzt bei PILAR:',
      ),
      action('Studio registrieren', content.signupUrl),
      paragraph('Falls Sie das nicht waren, können Sie diese E-Mail ignorieren.'),
    ],
    reason:
      'Sie erhalten diese E-Mail, weil jemand angefordert hat, das Passwort für diese Adresse zurückzusetzen.',
  }),
  en: (content) => ({
    subject: 'Password reset requested',
    heading: 'Password reset requested',
    blocks: [
      paragraph(
        'Someone asked to reset the password for this email address, but there is no PILAR account with this address.',
      ),
      paragraph(
        'If it was you, you may have signed up with a different email address – please try again with that one. Or register your studio with PILAR now:',
      ),
      action('Register your studio', content.signupUrl),
      paragraph('If it was not you, you can ignore this email.'),
    ],
    reason:
      'You are receiving this email because someone asked to reset the password of this address.',
  }),
};
