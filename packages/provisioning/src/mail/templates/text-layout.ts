import type { Locale } from '../../contracts/locale.ts';
import type { MailBrand } from '../mail-content.ts';
import { layoutWording } from './layout-wording.ts';
import { type MailBlock, type MailDocument, plainText } from './mail-document.ts';
import { siteUrl } from './site-url.ts';

const blockText = (block: MailBlock): string => {
  switch (block.kind) {
    case 'paragraph':
      return plainText(block.parts);
    case 'action':
      return `${block.label}:\n${block.url}`;
    case 'code':
      return `    ${block.code}`;
  }
};

/** The plain-text part: the same words as the HTML, laid out for reading as text. */
export const renderText = (document: MailDocument, locale: Locale, brand: MailBrand): string => {
  const words = layoutWording[locale];
  const sections = [
    `${document.heading}\n${'='.repeat(document.heading.length)}`,
    ...document.blocks.map(blockText),
    // "-- " (with the space) is the signature separator mail clients recognise.
    `-- \n${document.reason}\n${words.sentAutomatically(brand.operatorName)}\n${siteUrl(brand)}\n${words.imprint}: ${brand.imprintUrl}\n${words.privacy}: ${brand.privacyUrl}`,
  ];
  return `${sections.join('\n\n')}\n`;
};
