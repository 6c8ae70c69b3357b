import { CODE_LIFETIME_MINUTES, TOKEN_LIFETIME_MINUTES } from '../../account/account-tokens.ts';
import { SESSION_LIFETIME_SECONDS } from '../../auth/sessions.ts';
import {
  FAILED_MAIL_RETENTION_DAYS,
  SENT_MAIL_RETENTION_DAYS,
} from '../../maintenance/purge-expired.ts';
import { filled, type LegalWording, lines, postalAddress } from '../legal-text.ts';

// The periods are the ones the code enforces, so the notice cannot drift from what happens.
const sessionDays = SESSION_LIFETIME_SECONDS / (24 * 60 * 60);
const linkHours = TOKEN_LIFETIME_MINUTES.verify_email / 60;
const resetMinutes = TOKEN_LIFETIME_MINUTES.password_reset;
const LOG_RETENTION_DAYS = 30;

export const privacy: LegalWording = {
  de: (operator) => ({
    title: 'Datenschutzerklärung',
    sections: filled([
      {
        heading: 'Verantwortlicher',
        paragraphs: [
          'Verantwortlich für die Verarbeitung personenbezogener Daten beim Betrieb von PILAR (Art. 4 Nr. 7 DSGVO) ist:',
          postalAddress(operator),
          lines(['E-Mail:', operator.email], ['Telefon:', operator.phone]),
        ],
      },
      {
        heading: 'Geltungsbereich',
        paragraphs: [
          'Diese Datenschutzerklärung betrifft die Daten, die wir als Verantwortlicher selbst verarbeiten: die Nutzerkonten der Studios (Inhaberinnen und Inhaber sowie eingeladene Teammitglieder), ihre Anmeldungen, ihre Zustimmung zu AGB und AVV und die Protokolle unserer Server.',
          'Die Daten der Mitglieder und Interessenten eines Studios, die der KI-Agent bei Anrufen, WhatsApp-Nachrichten und Buchungen verarbeitet, verarbeiten wir im Auftrag des jeweiligen Studios nach dem Auftragsverarbeitungsvertrag (AVV). Verantwortlich dafür ist das Studio; bitte wenden Sie sich mit Fragen dazu an Ihr Studio.',
        ],
      },
      {
        heading: 'Welche Daten wir verarbeiten',
        paragraphs: [
          'Konto: Ihre E-Mail-Adresse, Ihre Rolle im Studio und Ihre Sprache, dazu die Angaben zum Studio aus der Einrichtung. Ihr Passwort speichern wir nur als Hash, nie im Klartext.',
          'Anmeldungen: für jede Sitzung Beginn, letzte Nutzung und die (gekürzte) Kennung Ihres Browsers (User-Agent), damit Sie Ihre Geräte unterscheiden und abmelden können. Das Sitzungs-Cookie enthält nur ein zufälliges Token, von dem wir nur einen Hash speichern.',
          'E-Mails zum Konto: Links und Codes zur Bestätigung Ihrer Adresse und zum Zurücksetzen des Passworts (nur als Hash gespeichert) sowie Empfänger, Art und Zustellstatus der versandten E-Mails.',
          'Zustimmungen: welches Dokument (AGB, AVV) Sie in welcher Version wann akzeptiert haben, mit einer Prüfsumme des Dokuments, Ihrer IP-Adresse und Ihrem User-Agent.',
          'Schutz vor Missbrauch: Ihre IP-Adresse und Ihr Konto, um Registrierungen, Anmeldeversuche und E-Mail-Anforderungen zu zählen und zu begrenzen.',
          'Server-Protokolle: Zeitpunkt, Methode, Pfad, Statuscode und Dauer jeder Anfrage sowie Fehlermeldungen. Zur Auslieferung der Seiten wird Ihre IP-Adresse technisch notwendig verarbeitet.',
        ],
      },
      {
        heading: 'Zwecke und Rechtsgrundlagen',
        paragraphs: [
          'Bereitstellung des Dienstes nach dem Vertrag mit Ihrem Studio – Konto, Anmeldung, Einrichtung und E-Mails zum Konto: Art. 6 Abs. 1 lit. b DSGVO.',
          'Nachweis, welche AGB und welcher AVV vereinbart wurden: Art. 6 Abs. 1 lit. c DSGVO in Verbindung mit Art. 28 Abs. 9 DSGVO (der AVV ist schriftlich oder elektronisch abzuschließen) sowie Art. 6 Abs. 1 lit. f DSGVO (unser Interesse, den Vertragsschluss belegen zu können).',
          'Sicherheit des Dienstes – Begrenzung von Registrierungen und Anmeldeversuchen, Server- und Fehlerprotokolle: Art. 6 Abs. 1 lit. f DSGVO; unser berechtigtes Interesse ist ein sicherer und verfügbarer Dienst.',
          'Gesetzliche Aufbewahrungspflichten, etwa für Rechnungen: Art. 6 Abs. 1 lit. c DSGVO in Verbindung mit § 257 HGB und § 147 AO.',
        ],
      },
      {
        heading: 'Empfänger',
        paragraphs: [
          'Unser Hosting-Anbieter betreibt die Server und die Datenbank, auf denen der Dienst läuft; ein E-Mail-Versanddienstleister stellt die E-Mails zum Konto zu. Beide verarbeiten die Daten in unserem Auftrag nach Art. 28 DSGVO. Die aktuelle Liste nennen wir Ihnen auf Anfrage.',
          'Verarbeitet ein Dienstleister Daten außerhalb der EU oder des EWR, geschieht das nur unter den Voraussetzungen der Art. 44 ff. DSGVO, etwa auf Grundlage eines Angemessenheitsbeschlusses oder von Standardvertragsklauseln. Im Übrigen geben wir Daten nur weiter, wenn wir gesetzlich dazu verpflichtet sind.',
        ],
      },
      {
        heading: 'Speicherdauer',
        paragraphs: [
          `Sitzungen enden mit der Abmeldung, spätestens nach ${sessionDays} Tagen, und werden danach gelöscht.`,
          `Links aus E-Mails gelten höchstens ${linkHours} Stunden (zum Zurücksetzen des Passworts ${resetMinutes} Minuten), Codes ${CODE_LIFETIME_MINUTES} Minuten; sie werden gelöscht, sobald sie verbraucht oder abgelaufen sind.`,
          `Von versandten E-Mails bewahren wir Empfänger und Zustellstatus ${SENT_MAIL_RETENTION_DAYS} Tage auf, von nicht zustellbaren ${FAILED_MAIL_RETENTION_DAYS} Tage.`,
          'Zähler zum Schutz vor Missbrauch werden gelöscht, sobald ihr Zeitfenster abgelaufen ist, spätestens nach einem Tag.',
          `Server-Protokolle löschen wir nach spätestens ${LOG_RETENTION_DAYS} Tagen, sofern wir sie nicht zur Aufklärung eines Sicherheitsvorfalls länger benötigen.`,
          'Konto, Einrichtungsdaten und Zustimmungen bewahren wir auf, solange das Konto des Studios besteht; wird das Studio gelöscht, werden sie mitgelöscht. Gesetzliche Aufbewahrungspflichten bleiben unberührt.',
        ],
      },
      {
        heading: 'Cookies und Speicher im Browser',
        paragraphs: [
          'Nach der Anmeldung setzen wir ein einziges Cookie (pilar_session), das Sie angemeldet hält. Es ist dafür unbedingt erforderlich (§ 25 Abs. 2 Nr. 2 TDDDG).',
          'Im Speicher Ihres Browsers legen wir nur ab, was Sie selbst wählen: die Sprache, das Bundesland für Feiertagsvorschläge und bis zum Schließen des Tabs Ihren Entwurf im Einrichtungsassistenten.',
          'Wir verwenden keine Cookies oder ähnlichen Techniken zur Analyse, Reichweitenmessung oder Werbung und binden keine Inhalte Dritter ein.',
        ],
      },
      {
        heading: 'Ihre Rechte',
        paragraphs: [
          `Sie haben das Recht auf Auskunft (Art. 15 DSGVO), Berichtigung (Art. 16 DSGVO), Löschung (Art. 17 DSGVO), Einschränkung der Verarbeitung (Art. 18 DSGVO) und Datenübertragbarkeit (Art. 20 DSGVO). Verarbeitungen auf Grundlage von Art. 6 Abs. 1 lit. f DSGVO können Sie aus Gründen, die sich aus Ihrer besonderen Situation ergeben, widersprechen (Art. 21 DSGVO). Schreiben Sie uns dazu an ${operator.email.trim()}.`,
          'Sie können sich außerdem bei einer Datenschutz-Aufsichtsbehörde beschweren (Art. 77 DSGVO), insbesondere in dem Mitgliedstaat Ihres Aufenthaltsorts, Ihres Arbeitsplatzes oder des Orts des mutmaßlichen Verstoßes.',
          lines(['Für uns zuständig ist:', operator.supervisoryAuthority]),
        ],
      },
      {
        heading: 'Pflicht zur Bereitstellung und automatisierte Entscheidungen',
        paragraphs: [
          'Ohne E-Mail-Adresse und Passwort können wir kein Konto einrichten; weitere Pflichtangaben sind in der Einrichtung gekennzeichnet. Eine automatisierte Entscheidungsfindung einschließlich Profiling (Art. 22 DSGVO) findet nicht statt.',
        ],
      },
    ]),
  }),
  en: (operator) => ({
    title: 'Privacy policy',
    sections: filled([
      {
        heading: 'Controller',
        paragraphs: [
          'The controller for the processing of personal data in running PILAR (Art. 4(7) GDPR) is:',
          postalAddress(operator),
          lines(['Email:', operator.email], ['Phone:', operator.phone]),
        ],
      },
      {
        heading: 'Scope',
        paragraphs: [
          'This privacy policy covers the data we process as controller ourselves: the studios’ user accounts (owners and invited team members), their sign-ins, their acceptance of the terms and the data processing agreement, and our server logs.',
          'The data of a studio’s members and prospects that the AI agent handles in calls, WhatsApp messages and bookings we process on behalf of that studio under the data processing agreement (AVV). The studio is the controller for these data; please address questions about them to your studio.',
        ],
      },
      {
        heading: 'What data we process',
        paragraphs: [
          'Account: your email address, your role in the studio and your language, plus the details about the studio from the setup. We store your password only as a hash, never in plain text.',
          'Sign-ins: for each session its start, last use and your browser’s (shortened) identifier (user agent), so that you can tell your devices apart and sign them out. The session cookie holds only a random token, of which we store only a hash.',
          'Account emails: links and codes for confirming your address and resetting your password (stored only as hashes), and recipient, kind and delivery status of the emails sent.',
          'Acceptances: which document (terms, data processing agreement) you accepted in which version and when, with a checksum of the document, your IP address and your user agent.',
          'Abuse protection: your IP address and your account, to count and limit sign-ups, sign-in attempts and email requests.',
          'Server logs: time, method, path, status code and duration of each request, and error messages. Delivering the pages technically requires processing your IP address.',
        ],
      },
      {
        heading: 'Purposes and legal bases',
        paragraphs: [
          'Providing the service under the contract with your studio – account, sign-in, setup and account emails: Art. 6(1)(b) GDPR.',
          'Proof of which terms and which data processing agreement were agreed: Art. 6(1)(c) GDPR in conjunction with Art. 28(9) GDPR (the agreement must be concluded in writing or electronically), and Art. 6(1)(f) GDPR (our interest in being able to prove the conclusion of the contract).',
          'Security of the service – limiting sign-ups and sign-in attempts, server and error logs: Art. 6(1)(f) GDPR; our legitimate interest is a secure and available service.',
          'Statutory retention obligations, for example for invoices: Art. 6(1)(c) GDPR in conjunction with § 257 HGB and § 147 AO.',
        ],
      },
      {
        heading: 'Recipients',
        paragraphs: [
          'Our hosting provider runs the servers and the database the service runs on; an email delivery provider delivers the account emails. Both process the data on our behalf under Art. 28 GDPR. We will tell you the current list on request.',
          'Where a provider processes data outside the EU or the EEA, this happens only under the conditions of Art. 44 et seq. GDPR, for example on the basis of an adequacy decision or standard contractual clauses. Otherwise we pass data on only where the law obliges us to.',
        ],
      },
      {
        heading: 'Retention',
        paragraphs: [
          `Sessions end when you sign out, at the latest after ${sessionDays} days, and are deleted afterwards.`,
          `Links in emails are valid for at most ${linkHours} hours (${resetMinutes} minutes for resetting the password), codes for ${CODE_LIFETIME_MINUTES} minutes; they are deleted once used or expired.`,
          `Of sent emails we keep recipient and delivery status for ${SENT_MAIL_RETENTION_DAYS} days, of undeliverable ones for ${FAILED_MAIL_RETENTION_DAYS} days.`,
          'Abuse-protection counters are deleted once their time window is over, at the latest after one day.',
          `We delete server logs after ${LOG_RETENTION_DAYS} days at the latest, unless we need them longer to investigate a security incident.`,
          'We keep the account, the setup data and the acceptances as long as the studio’s account exists; when the studio is deleted, they are deleted with it. Statutory retention obligations remain unaffected.',
        ],
      },
      {
        heading: 'Cookies and browser storage',
        paragraphs: [
          'After you sign in we set a single cookie (pilar_session) that keeps you signed in. It is strictly necessary for that (§ 25(2) no. 2 TDDDG).',
          'In your browser’s storage we keep only what you choose yourself: the language, the federal state for holiday suggestions and, until you close the tab, your draft in the setup wizard.',
          'We use no cookies or similar techniques for analytics, audience measurement or advertising, and we embed no third-party content.',
        ],
      },
      {
        heading: 'Your rights',
        paragraphs: [
          `You have the right of access (Art. 15 GDPR), rectification (Art. 16 GDPR), erasure (Art. 17 GDPR), restriction of processing (Art. 18 GDPR) and data portability (Art. 20 GDPR). You may object to processing based on Art. 6(1)(f) GDPR on grounds relating to your particular situation (Art. 21 GDPR). To do so, write to us at ${operator.email.trim()}.`,
          'You may also lodge a complaint with a data protection supervisory authority (Art. 77 GDPR), in particular in the member state of your habitual residence, place of work or place of the alleged infringement.',
          lines(['The authority competent for us is:', operator.supervisoryAuthority]),
        ],
      },
      {
        heading: 'Obligation to provide data and automated decisions',
        paragraphs: [
          'Without an email address and a password we cannot set up an account; further required details are marked in the setup. There is no automated decision-making, including profiling (Art. 22 GDPR).',
        ],
      },
    ]),
  }),
};
