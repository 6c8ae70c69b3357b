import mjml2html from 'mjml';
import type { Locale } from '../../contracts/locale.ts';
import { escapeHtml } from '../escape-html.ts';
import type { MailBrand } from '../mail-content.ts';
import { layoutWording } from './layout-wording.ts';
import { type Inline, type MailBlock, type MailDocument, plainText } from './mail-document.ts';
import { siteUrl } from './site-url.ts';

const colors = {
  page: '#f3f4f6',
  card: '#ffffff',
  text: '#1f2937',
  muted: '#6b7280',
  accent: '#0f766e',
  codeBackground: '#f0fdfa',
};
const fontFamily = "-apple-system, 'Segoe UI', Helvetica, Arial, sans-serif";
const monospace = "'SFMono-Regular', Menlo, Consolas, 'Courier New', monospace";

const inlineHtml = (parts: Inline[]) =>
  parts
    .map((part) =>
      typeof part === 'string' ? escapeHtml(part) : `<strong>${escapeHtml(part.strong)}</strong>`,
    )
    .join('');

const link = (url: string) =>
  `<a href="${escapeHtml(url)}" style="color:${colors.accent};word-break:break-all;">${escapeHtml(url)}</a>`;

const legalLinks = (locale: Locale, brand: MailBrand) => {
  const words = layoutWording[locale];
  const named = (label: string, url: string) =>
    `<a href="${escapeHtml(url)}" style="color:${colors.muted};">${escapeHtml(label)}</a>`;
  return `${named(words.imprint, brand.imprintUrl)} · ${named(words.privacy, brand.privacyUrl)}`;
};

const blockMjml = (block: MailBlock, locale: Locale): string => {
  switch (block.kind) {
    case 'paragraph':
      return `<mj-text><p style="margin:0;">${inlineHtml(block.parts)}</p></mj-text>`;
    case 'action':
      return `<mj-button href="${escapeHtml(block.url)}" padding="16px 25px 8px">${escapeHtml(block.label)}</mj-button>
<mj-text font-size="13px" color="${colors.muted}" padding="0 25px 16px"><p style="margin:0;">${escapeHtml(layoutWording[locale].buttonFallback)}<br>${link(block.url)}</p></mj-text>`;
    case 'code':
      return `<mj-text align="center" font-family="${monospace}" font-size="32px" font-weight="700" letter-spacing="8px" line-height="1.2" container-background-color="${colors.codeBackground}" padding="16px 25px"><p style="margin:0;">${escapeHtml(block.code)}</p></mj-text>`;
  }
};

const firstParagraph = (document: MailDocument) => {
  const block = document.blocks.find((candidate) => candidate.kind === 'paragraph');
  return block ? plainText(block.parts) : document.heading;
};

/** Lays a mail out in MJML and compiles it to HTML that mail clients render alike. */
export const renderHtml = async (
  document: MailDocument,
  locale: Locale,
  brand: MailBrand,
): Promise<string> => {
  const site = siteUrl(brand);
  const source = `<mjml lang="${locale}">
  <mj-head>
    <mj-title>${escapeHtml(document.subject)}</mj-title>
    <mj-preview>${escapeHtml(firstParagraph(document))}</mj-preview>
    <mj-attributes>
      <mj-all font-family="${fontFamily}" />
      <mj-text font-size="16px" line-height="1.5" color="${colors.text}" />
      <mj-button background-color="${colors.accent}" color="#ffffff" font-size="16px" font-weight="600" border-radius="6px" inner-padding="12px 24px" />
    </mj-attributes>
  </mj-head>
  <mj-body background-color="${colors.page}">
    <mj-section padding="24px 0 0"><mj-column></mj-column></mj-section>
    <mj-section background-color="${colors.card}" border-radius="8px" padding="16px 0">
      <mj-column>
        <mj-text padding="8px 25px 16px"><h1 style="margin:0;font-size:22px;line-height:1.3;">${escapeHtml(document.heading)}</h1></mj-text>
        ${document.blocks.map((block) => blockMjml(block, locale)).join('\n        ')}
      </mj-column>
    </mj-section>
    <mj-section padding="16px 0 24px">
      <mj-column>
        <mj-text font-size="12px" line-height="1.5" color="${colors.muted}"><p style="margin:0;">${escapeHtml(document.reason)}<br>${escapeHtml(layoutWording[locale].sentAutomatically(brand.operatorName))}<br>${link(site)}<br>${legalLinks(locale, brand)}</p></mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;
  // Strict: a template that MJML finds fault with fails loudly instead of mailing broken markup.
  const { html } = await mjml2html(source, {
    validationLevel: 'strict',
    fonts: {},
    keepComments: false,
  });
  return html;
};
