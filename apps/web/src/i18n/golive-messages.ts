import type { Catalog } from './i18n.tsx';

/** Going live: the checklist and the business details for the phone number. */
const de = {
  // The checklist
  checklistLabel: 'Schritte zum Livegang',
  liveTitle: 'Ihr Studio ist live.',
  liveText: 'Alle nötigen Schritte sind erledigt: Ihr KI-Agent nimmt Anrufe an.',
  liveWithNumber:
    'Alle nötigen Schritte sind erledigt: Ihr KI-Agent nimmt unter {number} Anrufe an.',
  notLiveTitle: 'Ihr Studio ist noch nicht live.',
  progress: '{done} von {total} nötigen Schritten erledigt.',
  statusLabel: 'Status',
  actorLabel: 'Am Zug',
  item_email: 'E-Mail-Adresse bestätigen',
  item_phone: 'Telefonnummer freischalten',
  item_whatsapp: 'WhatsApp verbinden',
  item_integrations: 'Integrationen verbinden',
  state_due: 'Zu erledigen',
  state_pending: 'In Bearbeitung',
  state_inReview: 'In Prüfung',
  state_settingUp: 'In Einrichtung',
  state_done: 'Erledigt',
  state_rejected: 'Abgelehnt',
  state_error: 'Störung',
  state_optional: 'Optional',
  state_upcoming: 'Demnächst',
  actor_you: 'Sie',
  actor_carrier: 'Der Netzbetreiber',
  actor_us: 'Wir (PILAR)',

  emailDue:
    'Wir haben Ihnen eine E-Mail mit einem Link und einem 6-stelligen Code an {email} geschickt.',
  emailDone: 'Ihre E-Mail-Adresse {email} ist bestätigt.',
  actionVerifyEmail: 'Code aus der E-Mail eingeben',

  phoneDue:
    'Für eine deutsche Ortsnetznummer braucht der Netzbetreiber die Angaben Ihres Unternehmens und einen Nachweis.',
  phoneInReview:
    'Der Netzbetreiber prüft Ihre Angaben. Das dauert meist einige Stunden, manchmal ein paar Tage. Sie müssen nichts tun.',
  phoneBuyingNumber: 'Ihre Angaben sind geprüft und freigegeben. Wir kaufen jetzt Ihre Nummer.',
  phoneConfiguringSip: 'Wir verbinden Ihre neue Nummer mit Ihrem KI-Agenten.',
  phoneActive: 'Ihr KI-Agent nimmt unter {number} Anrufe an.',
  phoneRejected:
    'Der Netzbetreiber hat Ihre Angaben nicht angenommen. Bitte korrigieren Sie sie und reichen Sie sie erneut ein.',
  phoneRetrying:
    'Der Netzbetreiber ist gerade nicht erreichbar. Wir versuchen es automatisch weiter; Sie müssen nichts tun.',
  phoneFailed:
    'Bei der Einrichtung ist ein Fehler aufgetreten. Wir wissen davon und kümmern uns darum; Sie müssen nichts tun.',
  problemCode: 'Fehlercode für den Support: {code}',
  actionEnterDetails: 'Geschäftsangaben eingeben',
  actionFixDetails: 'Angaben korrigieren und erneut einreichen',

  whatsappUpcoming:
    'Die Anbindung an WhatsApp bauen wir gerade; sie kommt bald. Bis dahin müssen Sie nichts tun.',

  integrationsOptional:
    'Freiwillig: Verbinden Sie Magicline, Fitogram oder Google Kalender, damit der KI-Agent Kurse, Termine und Mitgliedschaften kennt.',
  integrationsActive: '{active} von {total} verbunden.',
  actionIntegrations: 'Integrationen ansehen',

  // The phone's sub-steps
  phoneStepsLabel: 'Schritte zur Telefonnummer',
  step_details: 'Geschäftsangaben',
  step_review: 'Prüfung durch den Netzbetreiber',
  step_number: 'Nummer kaufen',
  step_sip: 'Mit dem KI-Agenten verbinden (SIP)',
  stepStatus_done: 'erledigt',
  stepStatus_due: 'Sie sind dran',
  stepStatus_running: 'läuft',
  stepStatus_upcoming: 'noch nicht begonnen',
  stepStatus_rejected: 'abgelehnt',
  stepStatus_failed: 'gestört',
  submittedAt: 'Eingereicht',
  activatedAt: 'Aktiv seit',
  nextCheckAt: 'Nächster Versuch',
  submittedDocument: 'Nachweis',

  // Announcements (polite live region)
  announceItem: '{item}: {state}.',
  announceLive: 'Ihr Studio ist live.',

  // The business details (channels view)
  detailsTitle: 'Geschäftsangaben für Ihre Telefonnummer',
  phoneGoLiveTitle: 'Freischaltung Ihrer Telefonnummer',
  detailsWhy:
    'Für eine Ortsnetznummer schreibt die Bundesnetzagentur vor, dass der Netzbetreiber weiß, wem die Nummer gehört, und dass Ihr Unternehmen eine Anschrift im Ortsnetz der Nummer hat. Deshalb prüft er Ihre Angaben und einen Nachweis, bevor wir die Nummer kaufen.',
  detailsNeedsEmail:
    'Bevor Sie die Geschäftsangaben einreichen können, bestätigen Sie bitte Ihre E-Mail-Adresse – mit dem Link oder dem Code aus der E-Mail, die wir Ihnen geschickt haben.',
  rejectionTitle: 'Der Netzbetreiber hat Ihre Angaben abgelehnt',
  rejectionReason: 'Seine Begründung im Wortlaut:',
  rejectionNoReason: 'Eine Begründung hat der Netzbetreiber nicht genannt.',
  rejectionHelp:
    'Bitte prüfen Sie die Angaben unten, wählen Sie einen passenden Nachweis und reichen Sie erneut ein.',
  businessNameLabel: 'Name des Unternehmens',
  businessNameHint:
    'Genau so, wie er auf dem Nachweis steht, z. B. „FitZone GmbH“ oder „Anna Muster – FitZone“.',
  streetLabel: 'Straße und Hausnummer',
  streetHint: 'Die Anschrift des Studios: Die Nummer bekommt die Vorwahl dieses Ortes.',
  postalCodeLabel: 'Postleitzahl',
  cityLabel: 'Ort',
  documentTypeLegend: 'Art des Nachweises',
  docType_business_registration: 'Gewerbeanmeldung',
  docType_business_registrationHint:
    'Die Bescheinigung Ihres Gewerbeamts – für Einzelunternehmen und Personengesellschaften wie die GbR.',
  docType_commercial_register_extract: 'Handelsregisterauszug',
  docType_commercial_register_extractHint:
    'Ein aktueller Auszug aus dem Handelsregister – für eingetragene Unternehmen wie GmbH, UG oder e. K.',
  documentLabel: 'Nachweis als Datei',
  documentHint:
    'PDF, JPEG oder PNG, höchstens {max}. Name und Anschrift Ihres Unternehmens müssen darauf lesbar sein.',
  chosenFile: 'Gewählt: {name} ({size})',
  previousDocument:
    'Zuletzt eingereicht: {name}. Bitte wählen Sie die Datei erneut, oder eine andere.',
  submitDetails: 'Zur Prüfung einreichen',
  submittingDetails: 'Wird eingereicht …',
  detailsSubmitted: 'Eingereicht. Der Netzbetreiber prüft jetzt Ihre Angaben.',
  detailsFixProblems: 'Nicht eingereicht: Bitte korrigieren Sie die markierten Angaben.',
  detailsFailed: 'Nicht eingereicht: {message}',
  toChecklist: 'Zur Übersicht „Live gehen“',
};

export type GoLiveMessageKey = keyof typeof de;

const en: Record<GoLiveMessageKey, string> = {
  checklistLabel: 'Steps to go live',
  liveTitle: 'Your studio is live.',
  liveText: 'Every required step is done: your AI agent takes calls.',
  liveWithNumber: 'Every required step is done: your AI agent takes calls at {number}.',
  notLiveTitle: 'Your studio is not live yet.',
  progress: '{done} of {total} required steps done.',
  statusLabel: 'Status',
  actorLabel: 'Whose turn',
  item_email: 'Confirm your e-mail address',
  item_phone: 'Activate your phone number',
  item_whatsapp: 'Connect WhatsApp',
  item_integrations: 'Connect integrations',
  state_due: 'To do',
  state_pending: 'In progress',
  state_inReview: 'In review',
  state_settingUp: 'Being set up',
  state_done: 'Done',
  state_rejected: 'Rejected',
  state_error: 'Problem',
  state_optional: 'Optional',
  state_upcoming: 'Coming soon',
  actor_you: 'Yours',
  actor_carrier: 'The carrier’s',
  actor_us: 'Ours (PILAR)',

  emailDue: 'We have sent an e-mail with a link and a 6-digit code to {email}.',
  emailDone: 'Your e-mail address {email} is confirmed.',
  actionVerifyEmail: 'Enter the code from the e-mail',

  phoneDue: 'For a German local number, the carrier needs your business details and a document.',
  phoneInReview:
    'The carrier is reviewing your details. This usually takes a few hours, sometimes a few days. You do not need to do anything.',
  phoneBuyingNumber: 'Your details are reviewed and approved. We are buying your number now.',
  phoneConfiguringSip: 'We are connecting your new number to your AI agent.',
  phoneActive: 'Your AI agent takes calls at {number}.',
  phoneRejected:
    'The carrier did not accept your details. Please correct them and submit them again.',
  phoneRetrying:
    'The carrier cannot be reached right now. We keep trying automatically; you do not need to do anything.',
  phoneFailed:
    'Something went wrong during the setup. We know about it and are on it; you do not need to do anything.',
  problemCode: 'Error code for support: {code}',
  actionEnterDetails: 'Enter business details',
  actionFixDetails: 'Correct the details and resubmit',

  whatsappUpcoming:
    'We are building the WhatsApp connection right now; it is coming soon. Until then you do not need to do anything.',

  integrationsOptional:
    'Optional: connect Magicline, Fitogram or Google Calendar, so that the AI agent knows classes, appointments and memberships.',
  integrationsActive: '{active} of {total} connected.',
  actionIntegrations: 'View integrations',

  phoneStepsLabel: 'Steps to the phone number',
  step_details: 'Business details',
  step_review: 'Review by the carrier',
  step_number: 'Buying the number',
  step_sip: 'Connecting the AI agent (SIP)',
  stepStatus_done: 'done',
  stepStatus_due: 'your turn',
  stepStatus_running: 'in progress',
  stepStatus_upcoming: 'not started yet',
  stepStatus_rejected: 'rejected',
  stepStatus_failed: 'problem',
  submittedAt: 'Submitted',
  activatedAt: 'Active since',
  nextCheckAt: 'Next attempt',
  submittedDocument: 'Document',

  announceItem: '{item}: {state}.',
  announceLive: 'Your studio is live.',

  detailsTitle: 'Business details for your phone number',
  phoneGoLiveTitle: 'Activating your phone number',
  detailsWhy:
    'For a local number, the German regulator (Bundesnetzagentur) requires the carrier to know whose number it is, and that your business has an address in the number’s area. So the carrier reviews your details and a document before we buy the number.',
  detailsNeedsEmail:
    'Before you can submit the business details, please confirm your e-mail address – with the link or the code in the e-mail we sent you.',
  rejectionTitle: 'The carrier rejected your details',
  rejectionReason: 'Its reason, in its own words:',
  rejectionNoReason: 'The carrier gave no reason.',
  rejectionHelp: 'Please check the details below, choose a fitting document and submit again.',
  businessNameLabel: 'Legal name of the business',
  businessNameHint:
    'Exactly as it appears on the document, e.g. “FitZone GmbH” or “Anna Muster – FitZone”.',
  streetLabel: 'Street and house number',
  streetHint: 'The studio’s address: the number gets this place’s area code.',
  postalCodeLabel: 'Postal code',
  cityLabel: 'City',
  documentTypeLegend: 'Type of document',
  docType_business_registration: 'Business registration (Gewerbeanmeldung)',
  docType_business_registrationHint:
    'The certificate from your trade office – for sole traders and partnerships such as a GbR.',
  docType_commercial_register_extract: 'Commercial register extract (Handelsregisterauszug)',
  docType_commercial_register_extractHint:
    'A current extract from the commercial register – for registered companies such as a GmbH, UG or e. K.',
  documentLabel: 'Document as a file',
  documentHint:
    'PDF, JPEG or PNG, at most {max}. Your business’s name and address must be legible on it.',
  chosenFile: 'Chosen: {name} ({size})',
  previousDocument: 'Last submitted: {name}. Please choose the file again, or another one.',
  submitDetails: 'Submit for review',
  submittingDetails: 'Submitting …',
  detailsSubmitted: 'Submitted. The carrier is now reviewing your details.',
  detailsFixProblems: 'Not submitted: please correct the marked fields.',
  detailsFailed: 'Not submitted: {message}',
  toChecklist: 'To the “Go live” overview',
};

export const goLiveMessages: Catalog<GoLiveMessageKey> = { de, en };
