import { type MailWording, paragraph, strong } from './mail-document.ts';

export const studioDeleted: MailWording<'studio_deleted'> = {
  de: (content, brand) => ({
    subject: `Ihr Studio ${content.studioName} wurde gelöscht`,
    heading: 'Ihr Studio wurde gelöscht',
    blocks: [
      paragraph(
        'Wie von Ihnen veranlasst, haben wir das Studio ',
        strong(content.studioName),
        ' mit allen seinen Daten gelöscht: Einstellungen und Verlauf, Team, Kanäle, Integrationen, Gespräche und Einwilligungen. Alle Anmeldungen wurden beendet.',
      ),
      paragraph(
        'Falls Sie das nicht waren, wenden Sie sich bitte umgehend an ',
        strong(brand.operatorName),
        '.',
      ),
    ],
    reason:
      'Sie erhalten diese E-Mail, weil Sie als Inhaberin oder Inhaber das Studio gelöscht haben.',
  }),
  en: (content, brand) => ({
    subject: `Your studio ${content.studioName} was deleted`,
    heading: 'Your studio was deleted',
    blocks: [
      paragraph(
        'As you asked, we deleted the studio ',
        strong(content.studioName),
        ' with all its data: settings and history, team, channels, integrations, conversations and consent records. Every session was ended.',
      ),
      paragraph('If this was not you, please contact ', strong(brand.operatorName), ' right away.'),
    ],
    reason: 'You are receiving this email because you deleted the studio as its owner.',
  }),
};
