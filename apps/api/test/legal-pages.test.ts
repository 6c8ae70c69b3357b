import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  escapeHtml,
  LEGAL_DOCUMENT_KINDS,
  type LegalDocumentKind,
  type LegalSettings,
} from '@pilar/provisioning';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleLegalPage } from '../src/http/legal-pages.ts';
import { rawRequest } from './support/raw-request.ts';

const builtIn: LegalSettings = {
  operator: {
    name: 'Müller & Söhne <Betrieb> GmbH',
    address: 'Torstraße 1\n10119 Berlin',
    email: 'recht@pilar.test',
    phone: '+49 30 1234567',
    register: 'Amtsgericht Berlin-Charlottenburg, HRB 123456',
    vatId: 'DE123456789',
  },
  urls: {},
  versions: {},
};
const withOwnTerms: LegalSettings = {
  ...builtIn,
  urls: { terms: 'https://recht.example/agb?v=3&studio=1' },
  versions: { terms: '3' },
};

const paths: Record<LegalDocumentKind, string> = {
  imprint: '/impressum',
  privacy: '/datenschutz',
  terms: '/agb',
  dpa: '/avv',
};
const titles: Record<'de' | 'en', Record<LegalDocumentKind, string>> = {
  de: {
    imprint: 'Impressum',
    privacy: 'Datenschutzerklärung',
    terms: 'Allgemeine Geschäftsbedingungen',
    dpa: 'Auftragsverarbeitungsvertrag',
  },
  en: {
    imprint: 'Legal notice',
    privacy: 'Privacy policy',
    terms: 'Terms and conditions',
    dpa: 'Data processing agreement',
  },
};

let server: Server;
let port: number;
/** Which settings the server answers with, and what the handler returned for each request. */
let settings = builtIn;
const handled: boolean[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const answered = handleLegalPage(settings, req, res, path);
    handled.push(answered);
    if (!answered) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not a legal page\n');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

const get = (path: string, options: { method?: string; headers?: Record<string, string> } = {}) =>
  rawRequest(port, path, options);

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const headingLevels = (html: string) => [...html.matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));

describe.each(LEGAL_DOCUMENT_KINDS)('the built-in %s page', (kind) => {
  const path = paths[kind];

  it('is German by default: lang, one h1 in main, the version date, umlauts intact', async () => {
    settings = builtIn;
    const answer = await get(path);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.body).toMatch(/^<!doctype html>\n<html lang="de">/);
    expect(answer.body).toContain('<meta charset="utf-8">');
    expect(answer.body).toContain(`<main>\n<h1>${titles.de[kind]}</h1>`);
    expect(answer.body.match(/<h1>/g)).toHaveLength(1);
    expect(answer.body).toContain('Stand: 1. Dezember 2026');
    expect(answer.body).not.toContain('legally binding');
  });

  it('is English with ?lang=en, and says that only the German version binds', async () => {
    settings = builtIn;
    const answer = await get(`${path}?lang=en`);
    expect(answer.body).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(answer.body).toContain(`<h1>${titles.en[kind]}</h1>`);
    expect(answer.body).toContain('Version of 1 December 2026');
    expect(answer.body).toContain(
      `Only the <a href="${path}?lang=de" hreflang="de">German version</a> is legally binding.`,
    );
  });

  it('offers the other language', async () => {
    settings = builtIn;
    expect((await get(path)).body).toContain(
      `<a href="${path}?lang=en" lang="en" hreflang="en">English</a>`,
    );
    expect((await get(`${path}?lang=en`)).body).toContain(
      `<a href="${path}?lang=de" lang="de" hreflang="de">Deutsch</a>`,
    );
  });

  it('has landmarks and headings in order', async () => {
    settings = builtIn;
    const { body } = await get(path);
    for (const landmark of ['<header>', '<main>', '<footer>', '<nav aria-label="Rechtliches">']) {
      expect(body).toContain(landmark);
    }
    const levels = headingLevels(body);
    expect(levels[0]).toBe(1);
    expect(levels.slice(1).every((level) => level === 2)).toBe(true);
    expect(levels.length).toBeGreaterThan(1);
  });

  it('links all four legal pages in the footer, marking the current one', async () => {
    settings = builtIn;
    const { body } = await get(path);
    const footer = body.slice(body.indexOf('<footer>'));
    expect(footer).toContain('<a href="/impressum?lang=de"');
    expect(footer).toContain('<a href="/datenschutz?lang=de"');
    expect(footer).toContain('<a href="/agb?lang=de"');
    expect(footer).toContain('<a href="/avv?lang=de"');
    expect(footer).toContain(`<a href="${path}?lang=de" aria-current="page">`);
    expect(footer.match(/aria-current/g)).toHaveLength(1);
    const english = (await get(`${path}?lang=en`)).body;
    expect(english.slice(english.indexOf('<footer>'))).toMatch(
      /<a href="\/datenschutz\?lang=en"( aria-current="page")?>Privacy policy<\/a>/,
    );
  });

  it('forbids scripts, frames and sniffing', async () => {
    settings = builtIn;
    const { headers, body } = await get(path);
    expect(headers['content-security-policy']).toMatch(
      /^default-src 'none'; style-src 'unsafe-inline'/,
    );
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers.vary).toBe('Accept-Language');
    expect(body).not.toContain('<script');
  });
});

describe('language choice', () => {
  it('follows Accept-Language when no lang is given, and lang over it', async () => {
    settings = builtIn;
    const english = await get('/datenschutz', { headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(english.body).toContain('<html lang="en">');
    const german = await get('/datenschutz', {
      headers: { 'accept-language': 'fr, de;q=0.8, en;q=0.5' },
    });
    expect(german.body).toContain('<html lang="de">');
    const asked = await get('/datenschutz?lang=de', { headers: { 'accept-language': 'en' } });
    expect(asked.body).toContain('<html lang="de">');
    const unknown = await get('/datenschutz?lang=fr', { headers: { 'accept-language': 'fr' } });
    expect(unknown.body).toContain('<html lang="de">');
  });
});

describe('operator details', () => {
  it('are shown in the Impressum, HTML-escaped, the address line by line', async () => {
    settings = builtIn;
    const { body } = await get('/impressum');
    const name = escapeHtml(builtIn.operator.name);
    expect(name).toBe('Müller &amp; Söhne &lt;Betrieb&gt; GmbH');
    expect(body).not.toContain('<Betrieb>');
    expect(body).toContain(`<p>${name}<br>\nTorstraße 1<br>\n10119 Berlin</p>`);
    expect(body).toContain('E-Mail: recht@pilar.test<br>\nTelefon: +49 30 1234567');
    expect(body).toContain('Amtsgericht Berlin-Charlottenburg, HRB 123456');
    expect(body).toContain('DE123456789');
    expect(body).toContain(`<title>Impressum – ${name}</title>`);
  });

  it('are escaped in every document', async () => {
    settings = builtIn;
    for (const path of Object.values(paths)) {
      const { body } = await get(path);
      expect(body).not.toContain('<Betrieb>');
      expect(body).toContain(escapeHtml(builtIn.operator.name));
    }
  });
});

describe("the operator's own documents", () => {
  it('redirect there, for GET and HEAD', async () => {
    settings = withOwnTerms;
    for (const method of ['GET', 'HEAD']) {
      const answer = await get('/agb', { method });
      expect(answer.status).toBe(302);
      expect(answer.headers.location).toBe('https://recht.example/agb?v=3&studio=1');
    }
  });

  it('are linked directly from the footers of the built-in pages', async () => {
    settings = withOwnTerms;
    const { status, body } = await get('/impressum');
    expect(status).toBe(200);
    expect(body).toContain(
      `<a href="${escapeHtml('https://recht.example/agb?v=3&studio=1')}">AGB</a>`,
    );
    expect(body).toContain('<a href="/avv?lang=de">AVV</a>');
  });
});

describe('methods and paths', () => {
  it('answers HEAD like GET, without a body', async () => {
    settings = builtIn;
    const answer = await get('/avv', { method: 'HEAD' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(Number(answer.headers['content-length'])).toBeGreaterThan(1000);
    expect(answer.body).toBe('');
  });

  it.each(['POST', 'PUT', 'DELETE'])('refuses %s with 405 and Allow', async (method) => {
    settings = builtIn;
    const answer = await get('/impressum', { method });
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe('GET, HEAD');
  });

  it('takes a trailing slash and leaves every other path alone', async () => {
    settings = builtIn;
    expect((await get('/agb/')).status).toBe(200);
    for (const path of ['/', '/impressum/extra', '/impressumx', '/legal', '/AGB', '/api/agb']) {
      handled.length = 0;
      const answer = await get(path);
      expect(answer.status).toBe(404);
      expect(handled).toEqual([false]);
    }
  });
});
