import { filled, given, type LegalWording, lines, postalAddress } from '../legal-text.ts';
import type { OperatorDetails } from '../operator.ts';

/** Whoever answers for the content: the representative where one is configured. */
const responsible = (operator: OperatorDetails) =>
  given(operator.representative) ?? operator.name.trim();

export const imprint: LegalWording = {
  de: (operator) => ({
    title: 'Impressum',
    sections: filled([
      {
        heading: 'Angaben gemäß § 5 DDG',
        paragraphs: [postalAddress(operator), lines(['Vertreten durch:', operator.representative])],
      },
      {
        heading: 'Kontakt',
        paragraphs: [lines(['E-Mail:', operator.email], ['Telefon:', operator.phone])],
      },
      { heading: 'Registereintrag', paragraphs: [given(operator.register)] },
      {
        heading: 'Umsatzsteuer-Identifikationsnummer',
        paragraphs: [lines(['USt-IdNr. gemäß § 27a Umsatzsteuergesetz:', operator.vatId])],
      },
      {
        heading: 'Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV',
        paragraphs: [postalAddress(operator, responsible(operator))],
      },
      {
        heading: 'Verbraucherstreitbeilegung',
        paragraphs: [
          'Unser Angebot richtet sich ausschließlich an Unternehmer. Wir nehmen nicht an Streitbeilegungsverfahren vor einer Verbraucherschlichtungsstelle teil.',
        ],
      },
    ]),
  }),
  en: (operator) => ({
    title: 'Legal notice',
    sections: filled([
      {
        heading: 'Information pursuant to § 5 DDG (German Digital Services Act)',
        paragraphs: [postalAddress(operator), lines(['Represented by:', operator.representative])],
      },
      {
        heading: 'Contact',
        paragraphs: [lines(['Email:', operator.email], ['Phone:', operator.phone])],
      },
      { heading: 'Register entry', paragraphs: [given(operator.register)] },
      {
        heading: 'VAT identification number',
        paragraphs: [
          lines(['VAT ID pursuant to § 27a of the German VAT Act (UStG):', operator.vatId]),
        ],
      },
      {
        heading: 'Responsible for the content pursuant to § 18(2) MStV',
        paragraphs: [postalAddress(operator, responsible(operator))],
      },
      {
        heading: 'Consumer dispute resolution',
        paragraphs: [
          'Our service is offered to businesses only. We do not take part in dispute resolution proceedings before a consumer arbitration board.',
        ],
      },
    ]),
  }),
};
