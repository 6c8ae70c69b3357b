import { action, type MailWording, paragraph, strong } from './mail-document.ts';

const REASON_DE =
  'Sie erhalten diese E-Mail, weil Sie als Inhaberin oder Inhaber die Telefonnummer Ihres Studios beantragt haben.';
const REASON_EN =
  'You are receiving this email because you applied for your studio’s phone number as its owner.';

export const phoneLive: MailWording<'phone_live'> = {
  de: (content) => ({
    subject: `Die Telefonnummer von ${content.studioName} ist aktiv`,
    heading: 'Ihr KI-Agent ist erreichbar',
    blocks: [
      paragraph(
        'Der Netzbetreiber hat Ihre Angaben geprüft und freigegeben. Die Telefonnummer von ',
        strong(content.studioName),
        ' ist jetzt aktiv: ',
        strong(content.number),
        '. Anrufe gehen ab sofort an Ihren KI-Agenten.',
      ),
      action('Zu „Live gehen“', content.checklistUrl),
    ],
    reason: REASON_DE,
  }),
  en: (content) => ({
    subject: `The phone number of ${content.studioName} is live`,
    heading: 'Your AI agent can be called',
    blocks: [
      paragraph(
        'The carrier reviewed and approved your details. The phone number of ',
        strong(content.studioName),
        ' is now live: ',
        strong(content.number),
        '. Calls go to your AI agent from now on.',
      ),
      action('Open “Go live”', content.checklistUrl),
    ],
    reason: REASON_EN,
  }),
};

export const phoneRejected: MailWording<'phone_rejected'> = {
  de: (content) => ({
    subject: 'Ihre Angaben für die Telefonnummer wurden abgelehnt',
    heading: 'Bitte korrigieren Sie Ihre Angaben',
    blocks: [
      paragraph(
        'Der Netzbetreiber hat die Angaben für die Telefonnummer von ',
        strong(content.studioName),
        ' nicht freigegeben. Seine Begründung (im Original):',
      ),
      paragraph(strong(content.reason)),
      paragraph(
        'Bitte prüfen Sie Firmenname und Anschrift und laden Sie eine Gewerbeanmeldung oder einen Handelsregisterauszug hoch, der genau diese Angaben zeigt.',
      ),
      action('Angaben korrigieren', content.checklistUrl),
    ],
    reason: REASON_DE,
  }),
  en: (content) => ({
    subject: 'Your details for the phone number were rejected',
    heading: 'Please correct your details',
    blocks: [
      paragraph(
        'The carrier did not approve the details for the phone number of ',
        strong(content.studioName),
        '. Its reason:',
      ),
      paragraph(strong(content.reason)),
      paragraph(
        'Please check the business name and address, and upload a business registration or a commercial register extract that shows exactly these details.',
      ),
      action('Correct the details', content.checklistUrl),
    ],
    reason: REASON_EN,
  }),
};
