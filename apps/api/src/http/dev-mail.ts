import type { IncomingMessage, ServerResponse } from 'node:http';
import { escapeHtml } from '@pilar/provisioning';
import { type CaughtMail, isLoopbackAddress, type MailCatcher } from '../mail/mail-catcher.ts';
import { sendJson, sendText } from './json.ts';
import { preferredLocale } from './preferred-locale.ts';

type Language = 'de' | 'en';

const wording = {
  de: {
    title: 'Mail-Catcher',
    notice:
      '<strong>Eingebauter Mail-Catcher:</strong> SMTP_URL ist nicht gesetzt, deshalb werden E-Mails nicht wirklich versendet. PILAR fängt sie ab und zeigt sie hier – nur auf diesem Rechner.',
    heading: 'Abgefangene E-Mails',
    count: (count: number) =>
      `${count === 1 ? '1 E-Mail' : `${count} E-Mails`}, die neueste zuerst (bis zum Neustart des Servers).`,
    empty: 'Noch keine E-Mails abgefangen. Sobald PILAR eine E-Mail versendet, erscheint sie hier.',
    reload: 'Neu laden',
    caption: 'Abgefangene E-Mails, die neueste zuerst',
    time: 'Zeit',
    from: 'Von',
    to: 'An',
    subject: 'Betreff',
    messageId: 'Message-ID',
    noSubject: '(kein Betreff)',
    back: 'Alle E-Mails',
    htmlView: 'HTML',
    htmlFrameTitle: 'HTML-Ansicht der E-Mail',
    noHtml: 'Diese E-Mail hat keinen HTML-Teil.',
    textView: 'Text',
    noText: 'Diese E-Mail hat keinen Text-Teil.',
    notFoundTitle: 'E-Mail nicht gefunden',
    notFound:
      'Diese E-Mail gibt es nicht (mehr): Der Mail-Catcher behält nur die neuesten E-Mails und nur bis zum Neustart des Servers.',
    languageName: 'Deutsch',
    dateLocale: 'de-DE',
  },
  en: {
    title: 'Mail catcher',
    notice:
      '<strong>Built-in mail catcher:</strong> SMTP_URL is not set, so emails are not really sent. PILAR catches them and shows them here – on this machine only.',
    heading: 'Caught emails',
    count: (count: number) =>
      `${count === 1 ? '1 email' : `${count} emails`}, newest first (until the server restarts).`,
    empty: 'No emails caught yet. As soon as PILAR sends an email, it appears here.',
    reload: 'Reload',
    caption: 'Caught emails, newest first',
    time: 'Time',
    from: 'From',
    to: 'To',
    subject: 'Subject',
    messageId: 'Message-ID',
    noSubject: '(no subject)',
    back: 'All emails',
    htmlView: 'HTML',
    htmlFrameTitle: 'HTML view of the email',
    noHtml: 'This email has no HTML part.',
    textView: 'Text',
    noText: 'This email has no text part.',
    notFoundTitle: 'Email not found',
    notFound:
      'This email does not exist (any more): the mail catcher keeps only the newest emails, and only until the server restarts.',
    languageName: 'English',
    dateLocale: 'en-GB',
  },
} satisfies Record<Language, unknown>;

type Wording = (typeof wording)[Language];

// The pages run no script at all; the mail's own HTML gets a sandbox of its own.
const PAGE_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";
// Links in a mail open in a new tab (the sign-up and reset flows are tried that way).
const MAIL_SANDBOX = 'allow-popups allow-popups-to-escape-sandbox';
const MAIL_POLICY = `sandbox ${MAIL_SANDBOX}; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'`;

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** What a browser sends for this machine; a rebound foreign domain pointing here sends its own. */
const LOCAL_HOST = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d{1,5})?$/i;

/** Only a browser on this machine, asking directly: through no proxy and under a local name. */
const isLocalRequest = (req: IncomingMessage) =>
  isLoopbackAddress(req.socket.remoteAddress) &&
  req.headers['x-forwarded-for'] === undefined &&
  req.headers.forwarded === undefined &&
  req.headers['x-real-ip'] === undefined &&
  LOCAL_HOST.test(req.headers.host ?? '');

const LINK_PATTERN = /\bhttps?:\/\/[^\s<>"']+/g;

/** Escapes the text and makes its http(s) links clickable. */
const linkify = (text: string) => {
  let html = '';
  let position = 0;
  for (const match of text.matchAll(LINK_PATTERN)) {
    // Punctuation that ends a sentence is not part of the link before it.
    const url = match[0].replace(/[.,;:!?)\]]+$/, '');
    const start = match.index;
    html += `${escapeHtml(text.slice(position, start))}<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${escapeHtml(url)}</a>`;
    position = start + url.length;
  }
  return html + escapeHtml(text.slice(position));
};

const STYLE = `
  :root { color-scheme: light; font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1f2937; }
  body { margin: 0; background: #f9fafb; }
  .notice { margin: 0; padding: 0.75rem 1.5rem; background: #fef3c7; border-bottom: 1px solid #f59e0b; }
  .notice p { margin: 0; max-width: 64rem; }
  .notice nav { margin-top: 0.25rem; }
  main { max-width: 64rem; margin: 0 auto; padding: 1.5rem; }
  h1 { font-size: 1.5rem; margin: 0 0 0.5rem; overflow-wrap: anywhere; }
  h2 { font-size: 1.125rem; margin: 1.5rem 0 0.5rem; }
  a { color: #0f766e; }
  table { width: 100%; border-collapse: collapse; background: #fff; }
  caption { text-align: left; padding: 0.5rem 0; color: #4b5563; }
  th, td { text-align: left; padding: 0.5rem 0.75rem; border-bottom: 1px solid #e5e7eb; vertical-align: top; }
  th { background: #f3f4f6; font-weight: 600; }
  td { overflow-wrap: anywhere; }
  td.time { white-space: nowrap; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0; }
  dt { font-weight: 600; }
  dd { margin: 0; overflow-wrap: anywhere; }
  iframe { width: 100%; height: 48rem; border: 1px solid #d1d5db; background: #fff; }
  pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #fff; border: 1px solid #d1d5db; padding: 1rem; margin: 0; }
`;

const withLanguage = (path: string, language: Language) => `${path}?lang=${language}`;

const page = (language: Language, path: string, title: string, content: string) => {
  const words = wording[language];
  const other: Language = language === 'de' ? 'en' : 'de';
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} – PILAR</title>
<style>${STYLE}</style>
</head>
<body>
<header class="notice">
<p>${words.notice}</p>
<nav><a href="${escapeHtml(withLanguage(path, other))}" lang="${other}" hreflang="${other}">${wording[other].languageName}</a></nav>
</header>
<main>
${content}
</main>
</body>
</html>
`;
};

const formatTime = (words: Wording, iso: string) =>
  new Intl.DateTimeFormat(words.dateLocale, { dateStyle: 'medium', timeStyle: 'medium' }).format(
    new Date(iso),
  );

const time = (words: Wording, iso: string) =>
  `<time datetime="${escapeHtml(iso)}">${escapeHtml(formatTime(words, iso))}</time>`;

const subjectOf = (words: Wording, mail: CaughtMail) => mail.subject || words.noSubject;

const listPage = (mails: CaughtMail[], language: Language) => {
  const words = wording[language];
  const rows = mails
    .map(
      (mail) => `<tr>
<td class="time">${time(words, mail.receivedAt)}</td>
<td>${escapeHtml(mail.to.join(', '))}</td>
<td><a href="${escapeHtml(withLanguage(`/dev/mail/${mail.id}`, language))}">${escapeHtml(subjectOf(words, mail))}</a></td>
</tr>`,
    )
    .join('\n');
  const listing =
    mails.length === 0
      ? `<p>${words.empty}</p>`
      : `<p>${words.count(mails.length)}</p>
<table>
<caption>${words.caption}</caption>
<thead><tr><th scope="col">${words.time}</th><th scope="col">${words.to}</th><th scope="col">${words.subject}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
  return page(
    language,
    '/dev/mail',
    words.title,
    `<h1>${words.heading}</h1>
${listing}
<p><a href="${withLanguage('/dev/mail', language)}">${words.reload}</a></p>`,
  );
};

const detailPage = (mail: CaughtMail, language: Language) => {
  const words = wording[language];
  const path = `/dev/mail/${mail.id}`;
  const htmlView =
    mail.html === null
      ? `<p>${words.noHtml}</p>`
      : `<iframe sandbox="${MAIL_SANDBOX}" title="${words.htmlFrameTitle}" src="${escapeHtml(`${path}/html`)}"></iframe>`;
  const textView = mail.text ? `<pre>${linkify(mail.text)}</pre>` : `<p>${words.noText}</p>`;
  return page(
    language,
    path,
    subjectOf(words, mail),
    `<p><a href="${withLanguage('/dev/mail', language)}">← ${words.back}</a></p>
<h1>${escapeHtml(subjectOf(words, mail))}</h1>
<dl>
<dt>${words.from}</dt><dd>${escapeHtml(mail.from)}</dd>
<dt>${words.to}</dt><dd>${escapeHtml(mail.to.join(', '))}</dd>
<dt>${words.time}</dt><dd>${time(words, mail.receivedAt)}</dd>
<dt>${words.messageId}</dt><dd><code>${escapeHtml(mail.messageId)}</code></dd>
</dl>
<section aria-labelledby="html-view">
<h2 id="html-view">${words.htmlView}</h2>
${htmlView}
</section>
<section aria-labelledby="text-view">
<h2 id="text-view">${words.textView}</h2>
${textView}
</section>`,
  );
};

const notFoundPage = (language: Language, path: string) => {
  const words = wording[language];
  return page(
    language,
    path,
    words.notFoundTitle,
    `<h1>${words.notFoundTitle}</h1>
<p>${words.notFound}</p>
<p><a href="${withLanguage('/dev/mail', language)}">← ${words.back}</a></p>`,
  );
};

const sendPage = (res: ServerResponse, status: number, html: string) => {
  res.setHeader('content-security-policy', PAGE_POLICY);
  res.setHeader('x-frame-options', 'SAMEORIGIN');
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('cache-control', 'no-store');
  res.setHeader('vary', 'Accept-Language');
  sendText(res, status, html, 'text/html; charset=utf-8');
};

const sendMailHtml = (res: ServerResponse, html: string) => {
  res.setHeader('content-security-policy', MAIL_POLICY);
  res.setHeader('x-frame-options', 'SAMEORIGIN');
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('cache-control', 'no-store');
  sendText(res, 200, html, 'text/html; charset=utf-8');
};

/**
 * `/dev/mail`: the built-in catcher's mails as server-rendered pages (list, one mail, its HTML)
 * and as JSON, for people and tests on this machine only. Mails carry live tokens.
 */
export const handleDevMail = (
  catcher: MailCatcher,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): void => {
  if (!isLocalRequest(req)) {
    sendText(
      res,
      403,
      'Forbidden: the mail catcher answers requests from this machine only (at localhost, not through a proxy).\n',
      'text/plain; charset=utf-8',
    );
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    sendText(res, 405, 'Method not allowed\n', 'text/plain; charset=utf-8');
    return;
  }
  const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
  const language = preferredLocale(req, query);
  const rest = path.replace(/^\/dev\/mail/, '').replace(/\/$/, '');
  if (rest === '') {
    sendPage(res, 200, listPage(catcher.messages(), language));
    return;
  }
  if (rest === '/messages.json') {
    sendJson(res, 200, { messages: catcher.messages() });
    return;
  }
  const [, id = '', htmlView] = /^\/([^/]+)(\/html)?$/.exec(rest) ?? [];
  const mail = ID_PATTERN.test(id) ? catcher.find(id) : undefined;
  if (!mail || (htmlView && mail.html === null)) sendPage(res, 404, notFoundPage(language, path));
  else if (htmlView) sendMailHtml(res, mail.html ?? '');
  else sendPage(res, 200, detailPage(mail, language));
};

/** Whether a URL names this machine (`localhost`, 127.x, ::1): the public base of links. */
export const isLoopbackUrl = (url: string) => {
  try {
    const { hostname } = new URL(url);
    return hostname === 'localhost' || isLoopbackAddress(hostname.replace(/^\[|\]$/g, ''));
  } catch {
    return false;
  }
};
