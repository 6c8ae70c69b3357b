import { hours } from './durations.ts';
import { action, type MailWording, paragraph, strong } from './mail-document.ts';

export const emailChange: MailWording<'email_change'> = {
  de: (content) => ({
    subject: 'Neue E-Mail-Adresse bestätigen',
    heading: 'Neue E-Mail-Adresse bestätigen',
    blocks: [
      paragraph(
        'Für Ihr PILAR-Konto soll künftig die E-Mail-Adresse ',
        strong(content.newEmail),
        ' verwendet werden. Bitte bestätigen Sie, dass diese Adresse Ihnen gehört.',
      ),
      action('Neue E-Mail-Adresse bestätigen', content.verifyUrl),
      paragraph(
        `Der Link ist ${hours('de', content.linkValidHours)} gültig. Bis zur Bestätigung bleibt Ihre bisherige Adresse in Gebrauch.`,
      ),
      paragraph(
        'Falls Sie das nicht angefordert haben, können Sie diese E-Mail ignorieren; es wird nichts geändert.',
      ),
    ],
    reason:
      'Sie erhalten diese E-Mail, weil diese Adresse als neue E-Mail-Adresse für ein PILAR-Konto angegeben wurde.',
  }),
  en: (content) => ({
    subject: 'Confirm your new email address',
    heading: 'Confirm your new email address',
    blocks: [
      paragraph(
        'Your PILAR account is to use the email address ',
        strong(content.newEmail),
        ' from now on. Please confirm that this address is yours.',
      ),
      action('Confirm new email address', content.verifyUrl),
      paragraph(
        `The link is valid for ${hours('en', content.linkValidHours)}. Until you confirm, your current address stays in use.`,
      ),
      paragraph('If you did not ask for this, you can ignore this email; nothing will change.'),
    ],
    reason:
      'You are receiving this email because this address was entered as the new email address of a PILAR account.',
  }),
};
