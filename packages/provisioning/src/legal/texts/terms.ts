import { inlineAddress, type LegalWording, numbered } from '../legal-text.ts';

export const terms: LegalWording = {
  de: (operator) => ({
    title: 'Allgemeine Geschäftsbedingungen',
    sections: numbered([
      {
        heading: 'Geltungsbereich',
        paragraphs: [
          `Diese Allgemeinen Geschäftsbedingungen (AGB) gelten für alle Verträge zwischen ${operator.name.trim()}, ${inlineAddress(operator)} („Anbieter“), und seinen Kunden über die Nutzung von PILAR.`,
          'Das Angebot richtet sich ausschließlich an Unternehmer im Sinne von § 14 BGB, juristische Personen des öffentlichen Rechts und öffentlich-rechtliche Sondervermögen, insbesondere an Betreiber von Fitnessstudios („Kunde“), nicht an Verbraucher.',
          'Abweichende oder ergänzende Bedingungen des Kunden gelten nicht, auch wenn der Anbieter ihnen nicht ausdrücklich widerspricht.',
        ],
      },
      {
        heading: 'Vertragsschluss',
        paragraphs: [
          'Der Vertrag kommt zustande, wenn der Kunde die Registrierung abschließt und dabei diese AGB und den Auftragsverarbeitungsvertrag (AVV) akzeptiert. Wer das Studio registriert, versichert, als Unternehmer zu handeln und das Studio vertreten zu dürfen.',
          'Vertragssprache ist Deutsch. Der Anbieter speichert, welche Fassung der AGB und des AVV der Kunde wann akzeptiert hat; die jeweils aktuelle Fassung ist im Dienst jederzeit abrufbar.',
        ],
      },
      {
        heading: 'Leistungen',
        paragraphs: [
          'Der Anbieter stellt dem Kunden einen KI-gestützten Sprach- und WhatsApp-Agenten bereit, der im Namen des Studios Anrufe entgegennimmt, Nachrichten beantwortet, Auskünfte gibt und Buchungen, etwa von Probetrainings, vornimmt.',
          'Dazu richtet der Anbieter nach den Angaben des Kunden die nötigen Kanäle (Telefonnummer, WhatsApp-Anbindung) und den Agenten ein (Provisionierung). Der Kunde pflegt die Angaben zum Studio und die Einstellungen des Agenten selbst.',
          'Der Agent antwortet automatisiert mithilfe von KI-Modellen; seine Antworten können unvollständig oder fehlerhaft sein. Für die Auskünfte gegenüber seinen Mitgliedern und Interessenten bleibt der Kunde verantwortlich.',
          'Der Anbieter kann den Dienst weiterentwickeln und ändern, soweit die vereinbarten wesentlichen Funktionen erhalten bleiben und die Änderung für den Kunden zumutbar ist.',
        ],
      },
      {
        heading: 'Pflichten des Kunden',
        paragraphs: [
          'Der Kunde macht bei der Registrierung und in den Einstellungen wahrheitsgemäße Angaben und hält seine Zugangsdaten geheim.',
          'Er nutzt den Dienst nur rechtmäßig, insbesondere nicht für unerlaubte Werbung (§ 7 UWG), und beachtet die Nutzungsbedingungen der angebundenen Kanäle, etwa die Richtlinien von WhatsApp Business.',
          'Er informiert seine Mitglieder und Interessenten über die Verarbeitung ihrer Daten (Art. 13, 14 DSGVO), auch darüber, dass sie mit einem KI-System kommunizieren, und holt ihre Einwilligung ein, wo sie erforderlich ist, etwa für Nachrichten per WhatsApp.',
          'Der Kunde stellt den Anbieter von Ansprüchen Dritter frei, die auf einer von ihm zu vertretenden rechtswidrigen Nutzung des Dienstes beruhen.',
        ],
      },
      {
        heading: 'Verfügbarkeit',
        paragraphs: [
          'Der Anbieter bemüht sich um einen möglichst unterbrechungsfreien Betrieb. Eine bestimmte Verfügbarkeit schuldet er nur, wenn sie gesondert vereinbart ist.',
          'Wartungsarbeiten kündigt der Anbieter nach Möglichkeit vorher an. Der Dienst hängt von Leistungen Dritter ab, etwa von Telefonnetzen und WhatsApp; für deren Ausfälle ist der Anbieter nicht verantwortlich, soweit er sie nicht zu vertreten hat.',
        ],
      },
      {
        heading: 'Vergütung',
        paragraphs: [
          'Die Vergütung richtet sich nach der gesondert getroffenen Vereinbarung, etwa einem Angebot oder einer Preisliste. Alle Preise verstehen sich zuzüglich der gesetzlichen Umsatzsteuer.',
          'Soweit nichts anderes vereinbart ist, sind Rechnungen innerhalb von 14 Tagen nach Zugang ohne Abzug zahlbar.',
        ],
      },
      {
        heading: 'Laufzeit und Kündigung',
        paragraphs: [
          'Der Vertrag läuft auf unbestimmte Zeit. Der Kunde kann ihn jederzeit beenden, indem er das Konto seines Studios löscht oder in Textform kündigt. Der Anbieter kann mit einer Frist von einem Monat zum Monatsende in Textform kündigen.',
          'Das Recht beider Seiten zur außerordentlichen Kündigung aus wichtigem Grund bleibt unberührt. Ein wichtiger Grund liegt für den Anbieter insbesondere vor, wenn der Kunde den Dienst trotz Abmahnung rechtswidrig nutzt oder mit der Zahlung in Verzug ist.',
          'Mit dem Ende des Vertrags werden die Daten des Studios nach dem AVV gelöscht. Daten, die der Kunde behalten möchte, sichert er vorher.',
        ],
      },
      {
        heading: 'Haftung',
        paragraphs: [
          'Der Anbieter haftet unbeschränkt bei Vorsatz und grober Fahrlässigkeit, für Schäden aus der Verletzung des Lebens, des Körpers oder der Gesundheit, nach dem Produkthaftungsgesetz und soweit er eine Garantie übernommen hat.',
          'Bei leicht fahrlässiger Verletzung einer wesentlichen Vertragspflicht – einer Pflicht, deren Erfüllung die ordnungsgemäße Durchführung des Vertrags überhaupt erst ermöglicht und auf deren Einhaltung der Kunde regelmäßig vertrauen darf – ist die Haftung auf den vertragstypischen, vorhersehbaren Schaden begrenzt. Im Übrigen ist die Haftung für leichte Fahrlässigkeit ausgeschlossen.',
          'Die verschuldensunabhängige Haftung für bereits bei Vertragsschluss vorhandene Mängel (§ 536a Abs. 1 BGB) ist ausgeschlossen.',
          'Diese Beschränkungen gelten auch zugunsten der Organe, Beschäftigten und Erfüllungsgehilfen des Anbieters.',
        ],
      },
      {
        heading: 'Datenschutz',
        paragraphs: [
          'Personenbezogene Daten der Mitglieder und Interessenten des Kunden verarbeitet der Anbieter als Auftragsverarbeiter nach dem Auftragsverarbeitungsvertrag (AVV), der Bestandteil dieses Vertrags ist.',
          'Wie der Anbieter die Daten der Nutzerkonten als Verantwortlicher verarbeitet, beschreibt die Datenschutzerklärung.',
        ],
      },
      {
        heading: 'Änderungen dieser AGB',
        paragraphs: [
          'Änderungen dieser AGB teilt der Anbieter dem Kunden mindestens sechs Wochen vor ihrem Inkrafttreten in Textform mit. Sie werden wirksam, wenn der Kunde ihnen zustimmt. Stimmt er nicht zu, gelten die bisherigen Bedingungen fort; beide Seiten können den Vertrag dann zum Inkrafttreten der Änderung kündigen.',
        ],
      },
      {
        heading: 'Schlussbestimmungen',
        paragraphs: [
          'Es gilt das Recht der Bundesrepublik Deutschland unter Ausschluss des UN-Kaufrechts.',
          'Ist der Kunde Kaufmann, juristische Person des öffentlichen Rechts oder öffentlich-rechtliches Sondervermögen, ist ausschließlicher Gerichtsstand für alle Streitigkeiten aus diesem Vertrag der Sitz des Anbieters. Der Anbieter darf den Kunden auch an dessen Sitz verklagen.',
          'Ist eine Bestimmung dieser AGB unwirksam, bleibt der Vertrag im Übrigen wirksam; an die Stelle der unwirksamen Bestimmung tritt die gesetzliche Regelung.',
        ],
      },
    ]),
  }),
  en: (operator) => ({
    title: 'Terms and conditions',
    sections: numbered([
      {
        heading: 'Scope',
        paragraphs: [
          `These general terms and conditions (AGB) apply to all contracts between ${operator.name.trim()}, ${inlineAddress(operator)} (“provider”), and its customers for the use of PILAR.`,
          'The service is offered exclusively to entrepreneurs within the meaning of § 14 BGB (German Civil Code), legal entities under public law and special funds under public law, in particular to operators of fitness studios (“customer”), not to consumers.',
          'Deviating or supplementary terms of the customer do not apply, even if the provider does not expressly object to them.',
        ],
      },
      {
        heading: 'Conclusion of the contract',
        paragraphs: [
          'The contract is concluded when the customer completes the registration and accepts these terms and the data processing agreement (AVV) in doing so. Whoever registers the studio affirms that they act as an entrepreneur and may represent the studio.',
          'The language of the contract is German. The provider stores which version of the terms and of the data processing agreement the customer accepted and when; the current version can be viewed in the service at any time.',
        ],
      },
      {
        heading: 'Services',
        paragraphs: [
          'The provider gives the customer an AI-based voice and WhatsApp agent that answers calls and messages on behalf of the studio, gives information and makes bookings, for example of trial sessions.',
          'To this end, the provider sets up the required channels (phone number, WhatsApp connection) and the agent according to the customer’s details (provisioning). The customer maintains the studio’s details and the agent’s settings themselves.',
          'The agent answers automatically using AI models; its answers may be incomplete or wrong. The customer remains responsible for the information given to their members and prospects.',
          'The provider may develop and change the service as long as the agreed essential functions are preserved and the change is reasonable for the customer.',
        ],
      },
      {
        heading: 'Customer’s obligations',
        paragraphs: [
          'The customer gives truthful details at registration and in the settings and keeps their access credentials secret.',
          'They use the service lawfully only, in particular not for unsolicited advertising (§ 7 UWG), and observe the terms of use of the connected channels, such as the WhatsApp Business policies.',
          'They inform their members and prospects about the processing of their data (Art. 13, 14 GDPR), including that they are communicating with an AI system, and obtain their consent where required, for example for messages via WhatsApp.',
          'The customer indemnifies the provider against third-party claims based on an unlawful use of the service for which the customer is responsible.',
        ],
      },
      {
        heading: 'Availability',
        paragraphs: [
          'The provider strives for operation with as few interruptions as possible. It owes a specific availability only if this is agreed separately.',
          'The provider announces maintenance in advance where possible. The service depends on third-party services, such as telephone networks and WhatsApp; the provider is not responsible for their failures unless it is at fault.',
        ],
      },
      {
        heading: 'Fees',
        paragraphs: [
          'The fees follow the separate agreement, such as an offer or a price list. All prices are exclusive of statutory VAT.',
          'Unless agreed otherwise, invoices are payable without deduction within 14 days of receipt.',
        ],
      },
      {
        heading: 'Term and termination',
        paragraphs: [
          'The contract runs for an indefinite period. The customer may end it at any time by deleting their studio’s account or by giving notice in text form. The provider may terminate with one month’s notice to the end of a month in text form.',
          'The right of both parties to terminate for good cause remains unaffected. Good cause for the provider exists in particular if the customer uses the service unlawfully despite a warning or is in default of payment.',
          'When the contract ends, the studio’s data are deleted under the data processing agreement. The customer backs up any data they wish to keep beforehand.',
        ],
      },
      {
        heading: 'Liability',
        paragraphs: [
          'The provider is liable without limitation for intent and gross negligence, for damage from injury to life, body or health, under the Product Liability Act and where it has given a guarantee.',
          'In the event of a slightly negligent breach of an essential contractual obligation – an obligation whose fulfilment makes the proper performance of the contract possible in the first place and on whose observance the customer may regularly rely – liability is limited to the foreseeable damage typical for the contract. Otherwise, liability for slight negligence is excluded.',
          'Strict liability for defects already present at the conclusion of the contract (§ 536a(1) BGB) is excluded.',
          'These limitations also apply in favour of the provider’s governing bodies, employees and vicarious agents.',
        ],
      },
      {
        heading: 'Data protection',
        paragraphs: [
          'The provider processes personal data of the customer’s members and prospects as a processor under the data processing agreement (AVV), which forms part of this contract.',
          'How the provider processes the data of user accounts as controller is described in the privacy policy.',
        ],
      },
      {
        heading: 'Changes to these terms',
        paragraphs: [
          'The provider notifies the customer of changes to these terms in text form at least six weeks before they take effect. They become effective when the customer agrees to them. If the customer does not agree, the previous terms continue to apply; both parties may then terminate the contract with effect from the date the change would take effect.',
        ],
      },
      {
        heading: 'Final provisions',
        paragraphs: [
          'The law of the Federal Republic of Germany applies, excluding the UN Convention on Contracts for the International Sale of Goods.',
          'If the customer is a merchant, a legal entity under public law or a special fund under public law, the exclusive place of jurisdiction for all disputes arising from this contract is the provider’s registered seat. The provider may also sue the customer at the customer’s seat.',
          'Should a provision of these terms be invalid, the rest of the contract remains valid; the statutory provision takes the place of the invalid one.',
        ],
      },
    ]),
  }),
};
