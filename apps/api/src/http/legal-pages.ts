import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  escapeHtml,
  LEGAL_DOCUMENT_KINDS,
  LEGAL_LINK_LABELS,
  LEGAL_PAGE_PATHS,
  type LegalDocumentInfo,
  type LegalDocumentKind,
  type LegalSettings,
  legalDocuments,
  legalDocumentText,
} from '@pilar/provisioning';
import type { Locale } from '@pilar/provisioning/contracts';
import { sendText } from './json.ts';
import { preferredLocale } from './preferred-locale.ts';

// Plain documents: no script, no images, no forms, not framed.
const PAGE_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const wording = {
  de: {
    languageName: 'Deutsch',
    languageSwitch: 'Sprache',
    legalNavigation: 'Rechtliches',
    version: (date: string) => `Stand: ${date}`,
    dateLocale: 'de-DE',
  },
  en: {
    languageName: 'English',
    languageSwitch: 'Language',
    legalNavigation: 'Legal',
    version: (date: string) => `Version of ${date}`,
    dateLocale: 'en-GB',
  },
} satisfies Record<Locale, unknown>;

const STYLE = `
  :root { color-scheme: light; font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1f2937; line-height: 1.6; }
  body { margin: 0; background: #f9fafb; }
  header, main, footer { max-width: 48rem; margin: 0 auto; padding: 1rem 1.5rem; }
  header { text-align: right; }
  main { background: #fff; border: 1px solid #e5e7eb; border-radius: 8px; }
  h1 { font-size: 1.75rem; line-height: 1.25; margin: 0.5rem 0 0.25rem; }
  h2 { font-size: 1.125rem; margin: 1.75rem 0 0.5rem; }
  p { margin: 0 0 0.75rem; overflow-wrap: anywhere; }
  .version { color: #4b5563; }
  .notice { background: #f0fdfa; border-left: 4px solid #0f766e; padding: 0.5rem 0.75rem; }
  a { color: #0f766e; }
  footer ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; margin: 0; padding: 0; }
`;

const kindAt = (path: string): LegalDocumentKind | undefined => {
  const normalized = path.length > 1 ? path.replace(/\/$/, '') : path;
  return LEGAL_DOCUMENT_KINDS.find((kind) => LEGAL_PAGE_PATHS[kind] === normalized);
};

/** "1. Dezember 2026", "1 December 2026"; a version that is no date is shown as it is. */
const versionDate = (version: string, locale: Locale) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(version)) return version;
  return new Intl.DateTimeFormat(wording[locale].dateLocale, {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${version}T00:00:00Z`));
};

const inLanguage = (path: string, locale: Locale) => `${path}?lang=${locale}`;

/** Built-in pages keep the reader's language; the operator's own documents are linked as given. */
const documentHref = (document: LegalDocumentInfo, locale: Locale) =>
  document.external ? document.url : inLanguage(document.url, locale);

const paragraphHtml = (paragraph: string) =>
  `<p>${paragraph.split('\n').map(escapeHtml).join('<br>\n')}</p>`;

const convenienceNotice = (path: string) =>
  `<p class="notice">This English translation is provided for convenience. Only the <a href="${escapeHtml(inLanguage(path, 'de'))}" hreflang="de">German version</a> is legally binding.</p>`;

const pageHtml = (settings: LegalSettings, kind: LegalDocumentKind, locale: Locale) => {
  const words = wording[locale];
  const documents = legalDocuments(settings);
  const current = documents[kind];
  const text = legalDocumentText(kind, settings.operator, locale);
  const other: Locale = locale === 'de' ? 'en' : 'de';
  const sections = text.sections
    .map(
      (section, index) => `<section aria-labelledby="section-${index + 1}">
<h2 id="section-${index + 1}">${escapeHtml(section.heading)}</h2>
${section.paragraphs.map(paragraphHtml).join('\n')}
</section>`,
    )
    .join('\n');
  const footerLinks = LEGAL_DOCUMENT_KINDS.map((each) => {
    const here = each === kind ? ' aria-current="page"' : '';
    return `<li><a href="${escapeHtml(documentHref(documents[each], locale))}"${here}>${escapeHtml(LEGAL_LINK_LABELS[locale][each])}</a></li>`;
  }).join('\n');
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(text.title)} – ${escapeHtml(settings.operator.name)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<nav aria-label="${words.languageSwitch}"><a href="${escapeHtml(inLanguage(current.url, other))}" lang="${other}" hreflang="${other}">${wording[other].languageName}</a></nav>
</header>
<main>
<h1>${escapeHtml(text.title)}</h1>
<p class="version">${escapeHtml(words.version(versionDate(current.version, locale)))}</p>
${locale === 'en' ? convenienceNotice(current.url) : ''}
${sections}
</main>
<footer>
<nav aria-label="${words.legalNavigation}">
<ul>
${footerLinks}
</ul>
</nav>
</footer>
</body>
</html>
`;
};

/**
 * The Impressum, privacy notice, AGB and AVV at `/impressum`, `/datenschutz`, `/agb`, `/avv`:
 * server-rendered from the built-in texts, or a redirect to the operator's own document. Returns
 * false for any other path.
 */
export const handleLegalPage = (
  settings: LegalSettings,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): boolean => {
  const kind = kindAt(path);
  if (!kind) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    sendText(res, 405, 'Method not allowed\n', 'text/plain; charset=utf-8');
    return true;
  }
  const document = legalDocuments(settings)[kind];
  if (document.external) {
    res.setHeader('location', document.url);
    res.setHeader('cache-control', 'no-cache');
    sendText(res, 302, `See ${document.url}\n`, 'text/plain; charset=utf-8');
    return true;
  }
  const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
  res.setHeader('content-security-policy', PAGE_POLICY);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('cache-control', 'no-cache');
  res.setHeader('vary', 'Accept-Language');
  sendText(
    res,
    200,
    pageHtml(settings, kind, preferredLocale(req, query)),
    'text/html; charset=utf-8',
  );
  return true;
};
