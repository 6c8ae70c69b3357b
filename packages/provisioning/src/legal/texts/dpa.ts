import { inlineAddress, type LegalWording, numbered } from '../legal-text.ts';

export const dpa: LegalWording = {
  de: (operator) => ({
    title: 'Auftragsverarbeitungsvertrag',
    sections: numbered([
      {
        heading: 'Gegenstand und Dauer',
        paragraphs: [
          `Dieser Vertrag nach Art. 28 Abs. 3 DSGVO regelt, wie ${operator.name.trim()}, ${inlineAddress(operator)} („Anbieter“), als Auftragsverarbeiter personenbezogene Daten im Auftrag des Studios („Kunde“) als Verantwortlichem verarbeitet, wenn er die Leistungen nach den AGB (Hauptvertrag) erbringt.`,
          'Er gilt, solange der Anbieter Daten für den Kunden verarbeitet, und endet mit dem Hauptvertrag; die Pflichten zur Löschung wirken darüber hinaus. Bei Widersprüchen geht dieser Vertrag den AGB vor.',
        ],
      },
      {
        heading: 'Art und Zweck der Verarbeitung',
        paragraphs: [
          'Der Anbieter nimmt für den Kunden Anrufe und WhatsApp-Nachrichten entgegen, beantwortet sie mit einem KI-Agenten, führt Buchungen aus, speichert die Gesprächsverläufe und stellt sie dem Kunden bereit.',
          'Die Verarbeitung umfasst das Erheben, Speichern, Transkribieren, Auswerten durch KI-Modelle zur Beantwortung, Übermitteln an vom Kunden angebundene Systeme (etwa eine Buchungssoftware) und Löschen der Daten.',
          'Zweck ist allein die Erbringung der Leistungen für den Kunden. Der Anbieter nutzt die Daten nicht für eigene Zwecke, insbesondere nicht zum Training von KI-Modellen.',
        ],
      },
      {
        heading: 'Art der Daten',
        paragraphs: [
          'Namen, Telefonnummern und WhatsApp-Profilnamen; Inhalte von Nachrichten; Gesprächsinhalte (Sprache während des Anrufs und Transkripte); Buchungen (Angebot, Termin, Teilnahme); Zeitpunkte und Dauer der Kontakte.',
          'Gesundheitsdaten und andere besondere Kategorien (Art. 9 DSGVO) werden nicht gezielt erhoben. Teilt eine betroffene Person sie von sich aus mit, etwa eine Verletzung, sind sie Teil des Gesprächsinhalts und unterliegen diesem Vertrag.',
        ],
      },
      {
        heading: 'Kategorien betroffener Personen',
        paragraphs: [
          'Mitglieder und Interessenten des Kunden sowie andere Personen, die das Studio über die angebundenen Kanäle kontaktieren.',
        ],
      },
      {
        heading: 'Weisungen und Verantwortung des Kunden',
        paragraphs: [
          'Der Anbieter verarbeitet die Daten nur auf dokumentierte Weisung des Kunden, auch bei Übermittlungen in ein Drittland, es sei denn, das Recht der Union oder eines Mitgliedstaats verpflichtet ihn dazu; dann teilt er dem Kunden diese Pflicht vorher mit, sofern das Recht eine solche Mitteilung nicht verbietet.',
          'Die Weisungen sind mit diesem Vertrag und den Einstellungen erteilt, die der Kunde im Dienst vornimmt; weitere Weisungen erteilt der Kunde in Textform. Hält der Anbieter eine Weisung für rechtswidrig, weist er den Kunden unverzüglich darauf hin.',
          'Der Kunde ist für die Rechtmäßigkeit der Verarbeitung verantwortlich, insbesondere für die Information der betroffenen Personen (Art. 13, 14 DSGVO) und, soweit erforderlich, ihre Einwilligung.',
        ],
      },
      {
        heading: 'Vertraulichkeit',
        paragraphs: [
          'Der Anbieter gewährt nur Personen Zugang zu den Daten, die ihn für ihre Aufgaben benötigen. Sie sind zur Vertraulichkeit verpflichtet oder unterliegen einer gesetzlichen Verschwiegenheitspflicht.',
        ],
      },
      {
        heading: 'Technische und organisatorische Maßnahmen',
        paragraphs: [
          'Der Anbieter trifft die Maßnahmen nach Art. 32 DSGVO, die ein dem Risiko angemessenes Schutzniveau gewährleisten, insbesondere:',
          'Verschlüsselung: Zugangsdaten der Kanäle und andere Geheimnisse werden verschlüsselt gespeichert (AES-256-GCM); alle Verbindungen zum Dienst sind per TLS verschlüsselt.',
          'Zugangs- und Zugriffskontrolle: Zugang nur mit persönlichem Konto; Passwörter, Sitzungs- und E-Mail-Tokens werden nur als Hash gespeichert; Sitzungen laufen ab, fehlgeschlagene Anmeldungen werden begrenzt. Administrativen Zugang erhalten nur berechtigte Personen.',
          'Trennung: Die Daten jedes Studios sind in der Datenbank durch zeilenweise Zugriffsregeln (Row-Level Security) von denen anderer Studios getrennt; jede Anfrage sieht nur die Daten ihres Studios.',
          'Protokollierung: Anfragen, Fehler und Änderungen an den Einstellungen werden mit Zeitpunkt protokolliert.',
          'Verfügbarkeit: Die Daten werden regelmäßig gesichert, damit sie nach einem Zwischenfall rasch wiederhergestellt werden können.',
          'Der Anbieter überprüft die Wirksamkeit der Maßnahmen regelmäßig und passt sie dem Stand der Technik an; das Schutzniveau darf dabei nicht sinken.',
        ],
      },
      {
        heading: 'Unterauftragsverarbeiter',
        paragraphs: [
          'Der Kunde genehmigt allgemein den Einsatz von Unterauftragsverarbeitern. Derzeit setzt der Anbieter Dienstleister folgender Kategorien ein: Hosting (Server und Datenbank), Telefonie (Netzbetreiber für Rufnummern und Anrufe), Meta für WhatsApp Business, Anbieter von KI-Modellen (Spracherkennung, Sprachausgabe und Textverarbeitung) und E-Mail-Versand. Die aktuelle Liste mit Namen und Sitz erhält der Kunde auf Anfrage.',
          'Über beabsichtigte Änderungen informiert der Anbieter den Kunden vorher in Textform. Der Kunde kann innerhalb von 14 Tagen aus wichtigem datenschutzrechtlichem Grund widersprechen; kommt keine Einigung zustande, kann er den Hauptvertrag kündigen.',
          'Der Anbieter erlegt jedem Unterauftragsverarbeiter dieselben Datenschutzpflichten auf wie dieser Vertrag (Art. 28 Abs. 4 DSGVO). Übermittlungen in Länder außerhalb der EU oder des EWR finden nur unter den Voraussetzungen der Art. 44 ff. DSGVO statt.',
        ],
      },
      {
        heading: 'Unterstützung des Kunden',
        paragraphs: [
          'Der Anbieter unterstützt den Kunden mit geeigneten Maßnahmen dabei, Anträge betroffener Personen auf Wahrnehmung ihrer Rechte (Art. 12 bis 22 DSGVO) zu beantworten. Wendet sich eine betroffene Person an den Anbieter, leitet er ihr Anliegen unverzüglich an den Kunden weiter.',
          'Er unterstützt den Kunden bei der Einhaltung der Pflichten aus Art. 32 bis 36 DSGVO: Sicherheit der Verarbeitung, Meldung von Verletzungen des Schutzes personenbezogener Daten, Benachrichtigung der Betroffenen, Datenschutz-Folgenabschätzung und vorherige Konsultation.',
          'Eine Verletzung des Schutzes personenbezogener Daten meldet der Anbieter dem Kunden unverzüglich, nachdem sie ihm bekannt geworden ist, mit den Angaben nach Art. 33 Abs. 3 DSGVO, soweit sie ihm vorliegen.',
        ],
      },
      {
        heading: 'Löschung und Rückgabe',
        paragraphs: [
          'Nach Ende der Leistungen löscht der Anbieter alle personenbezogenen Daten des Kunden, sofern nicht eine Pflicht zur Speicherung nach dem Recht der Union oder eines Mitgliedstaats besteht. Wünscht der Kunde stattdessen die Rückgabe, teilt er das vor dem Ende mit; der Anbieter stellt die Daten dann in einem gängigen, maschinenlesbaren Format bereit.',
          'Löscht der Kunde sein Studio, werden dessen Daten gelöscht. Kopien in Datensicherungen werden mit dem regulären Ablauf der Sicherungen überschrieben.',
        ],
      },
      {
        heading: 'Nachweise und Kontrollen',
        paragraphs: [
          'Der Anbieter stellt dem Kunden alle Informationen zur Verfügung, die zum Nachweis der Pflichten nach Art. 28 DSGVO erforderlich sind, und ermöglicht Überprüfungen einschließlich Inspektionen durch den Kunden oder einen von ihm beauftragten, zur Verschwiegenheit verpflichteten Prüfer.',
          'Inspektionen werden rechtzeitig angemeldet und finden zu den Geschäftszeiten ohne vermeidbare Störung des Betriebs statt. Aktuelle Prüfberichte oder Zertifikate können als Nachweis genügen.',
        ],
      },
    ]),
  }),
  en: (operator) => ({
    title: 'Data processing agreement',
    sections: numbered([
      {
        heading: 'Subject matter and duration',
        paragraphs: [
          `This agreement under Art. 28(3) GDPR governs how ${operator.name.trim()}, ${inlineAddress(operator)} (“provider”), as processor processes personal data on behalf of the studio (“customer”) as controller when providing the services under the terms and conditions (main contract).`,
          'It applies as long as the provider processes data for the customer and ends with the main contract; the obligations to delete continue beyond it. In case of conflict, this agreement takes precedence over the terms and conditions.',
        ],
      },
      {
        heading: 'Nature and purpose of the processing',
        paragraphs: [
          'The provider receives calls and WhatsApp messages for the customer, answers them with an AI agent, makes bookings, stores the conversation histories and makes them available to the customer.',
          'The processing comprises collecting, storing, transcribing, analysing with AI models in order to answer, transferring to systems connected by the customer (such as booking software) and deleting the data.',
          'The sole purpose is providing the services to the customer. The provider does not use the data for its own purposes, in particular not for training AI models.',
        ],
      },
      {
        heading: 'Types of personal data',
        paragraphs: [
          'Names, phone numbers and WhatsApp profile names; contents of messages; contents of calls (speech during the call and transcripts); bookings (offering, date, attendance); times and duration of contacts.',
          'Health data and other special categories (Art. 9 GDPR) are not collected on purpose. If a data subject volunteers them, for example an injury, they form part of the conversation and are subject to this agreement.',
        ],
      },
      {
        heading: 'Categories of data subjects',
        paragraphs: [
          'Members and prospects of the customer and other persons who contact the studio through the connected channels.',
        ],
      },
      {
        heading: 'Instructions and the customer’s responsibility',
        paragraphs: [
          'The provider processes the data only on documented instructions from the customer, including with regard to transfers to a third country, unless required to do so by Union or Member State law; in that case it informs the customer of that legal requirement beforehand, unless that law prohibits such information.',
          'The instructions are given by this agreement and by the settings the customer makes in the service; the customer gives further instructions in text form. If the provider considers an instruction unlawful, it informs the customer without delay.',
          'The customer is responsible for the lawfulness of the processing, in particular for informing the data subjects (Art. 13, 14 GDPR) and, where required, for their consent.',
        ],
      },
      {
        heading: 'Confidentiality',
        paragraphs: [
          'The provider grants access to the data only to persons who need it for their tasks. They have committed themselves to confidentiality or are under a statutory obligation of confidentiality.',
        ],
      },
      {
        heading: 'Technical and organisational measures',
        paragraphs: [
          'The provider takes the measures under Art. 32 GDPR that ensure a level of security appropriate to the risk, in particular:',
          'Encryption: channel credentials and other secrets are stored encrypted (AES-256-GCM); all connections to the service are encrypted with TLS.',
          'Access control: access only with a personal account; passwords, session and email tokens are stored only as hashes; sessions expire, failed sign-ins are limited. Only authorised persons receive administrative access.',
          'Separation: each studio’s data are separated from those of other studios in the database by row-level access rules (row-level security); each request sees only the data of its own studio.',
          'Logging: requests, errors and changes to the settings are logged with their time.',
          'Availability: the data are backed up regularly so that they can be restored quickly after an incident.',
          'The provider regularly reviews the effectiveness of the measures and adapts them to the state of the art; the level of protection must not decrease in doing so.',
        ],
      },
      {
        heading: 'Sub-processors',
        paragraphs: [
          'The customer gives general authorisation for the use of sub-processors. The provider currently uses providers of the following categories: hosting (servers and database), telephony (carriers for phone numbers and calls), Meta for WhatsApp Business, AI model providers (speech recognition, speech synthesis and text processing) and email delivery. The customer receives the current list with names and seats on request.',
          'The provider informs the customer of intended changes in advance in text form. The customer may object within 14 days for an important reason relating to data protection; if no agreement is reached, the customer may terminate the main contract.',
          'The provider imposes the same data protection obligations as in this agreement on every sub-processor (Art. 28(4) GDPR). Transfers to countries outside the EU or the EEA take place only under the conditions of Art. 44 et seq. GDPR.',
        ],
      },
      {
        heading: 'Assistance to the customer',
        paragraphs: [
          'The provider assists the customer with appropriate measures in responding to requests from data subjects exercising their rights (Art. 12 to 22 GDPR). If a data subject contacts the provider, it forwards the request to the customer without delay.',
          'It assists the customer in complying with the obligations under Art. 32 to 36 GDPR: security of processing, notification of personal data breaches, communication to the data subjects, data protection impact assessment and prior consultation.',
          'The provider notifies the customer of a personal data breach without undue delay after becoming aware of it, with the information under Art. 33(3) GDPR as far as it is available.',
        ],
      },
      {
        heading: 'Deletion and return',
        paragraphs: [
          'After the end of the services, the provider deletes all of the customer’s personal data unless Union or Member State law requires their storage. If the customer wishes them to be returned instead, the customer says so before the end; the provider then provides the data in a common machine-readable format.',
          'When the customer deletes their studio, its data are deleted. Copies in backups are overwritten as the backups regularly expire.',
        ],
      },
      {
        heading: 'Evidence and audits',
        paragraphs: [
          'The provider makes available to the customer all information necessary to demonstrate compliance with the obligations under Art. 28 GDPR and allows for audits, including inspections, by the customer or an auditor mandated by the customer who is bound to confidentiality.',
          'Inspections are announced in good time and take place during business hours without avoidable disruption of operations. Current audit reports or certificates may suffice as evidence.',
        ],
      },
    ]),
  }),
};
