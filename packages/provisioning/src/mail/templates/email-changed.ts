import { type MailWording, paragraph, strong } from './mail-document.ts';

export const emailChanged: MailWording<'email_changed'> = {
  de: (content, brand) => ({
    subject: 'Ihre E-Mail-Adresse wurde geändert',
    heading: 'Ihre E-Mail-Adresse wurde geändert',
    blocks: [
      paragraph(
        'Die E-Mail-Adresse Ihres PILAR-Kontos wurde von ',
        strong(content.oldEmail),
        ' in ',
        strong(content.newEmail),
        ' geändert.',
      ),
      paragraph('Nachrichten zu Ihrem Konto gehen ab jetzt an die neue Adresse.'),
      paragraph(
        'Falls Sie das nicht waren, wenden Sie sich bitte umgehend an ',
        strong(brand.operatorName),
        '.',
      ),
    ],
    reason:
      'Sie erhalten diese E-Mail, weil dies bisher die E-Mail-Adresse Ihres PILAR-Kontos war.',
  }),
  en: (content, brand) => ({
    subject: 'Your email address was changed',
    heading: 'Your email address was changed',
    blocks: [
      paragraph(
        'The email address of your PILAR account was changed from ',
        strong(content.oldEmail),
        ' to ',
        strong(content.newEmail),
        '.',
      ),
      paragraph('From now on, messages about your account go to the new address.'),
      paragraph('If this was not you, please contact ', strong(brand.operatorName), ' right away.'),
    ],
    reason:
      'You are receiving this email because this was the email address of your PILAR account until now.',
  }),
};
