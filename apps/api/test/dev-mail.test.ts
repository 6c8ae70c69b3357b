import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleDevMail } from '../src/http/dev-mail.ts';
import { type CaughtMail, type MailCatcher, startMailCatcher } from '../src/mail/mail-catcher.ts';
import { rawRequest } from './support/raw-request.ts';
import { sendMail } from './support/send-mail.ts';

let catcher: MailCatcher;
let server: Server;
let port: number;

beforeAll(async () => {
  catcher = await startMailCatcher();
  server = createServer((req, res) => {
    handleDevMail(catcher, req, res, new URL(req.url ?? '/', 'http://localhost').pathname);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

const get = (path: string, options: { method?: string; headers?: Record<string, string> } = {}) =>
  rawRequest(port, path, options);

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await catcher.close();
});

const send = async (mail: { subject: string; to?: string; text?: string; html?: string }) => {
  await sendMail(catcher.smtpUrl, { text: 'Hallo\n', ...mail });
  return catcher.waitFor((caught) => caught.subject === mail.subject, 2_000);
};

describe('GET /dev/mail', () => {
  it('shows an empty state and says mails are caught, not sent (German by default)', async () => {
    // The first test: the catcher, shared by the file, has caught nothing yet.
    expect(catcher.messages()).toHaveLength(0);
    const answer = await get('/dev/mail');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.body).toMatch(/^<!doctype html>\n<html lang="de">/);
    expect(answer.body).toContain('<meta charset="utf-8">');
    expect(answer.body).toContain('Eingebauter Mail-Catcher');
    expect(answer.body).toContain(
      'SMTP_URL ist nicht gesetzt, deshalb werden E-Mails nicht wirklich versendet.',
    );
    expect(answer.body).toContain('PILAR fängt sie ab');
    expect(answer.body).toContain('Noch keine E-Mails abgefangen.');
    expect(answer.body).toContain('<main>');
    expect(answer.body).toContain('<h1>Abgefangene E-Mails</h1>');
    expect(answer.body).toContain(
      '<a href="/dev/mail?lang=en" lang="en" hreflang="en">English</a>',
    );
    expect(answer.body).not.toContain('<table>');
  });

  it('lists mails newest first with time, recipient and a link to each', async () => {
    const first = await send({ subject: 'Erste Mail', to: 'eins@studio.test' });
    const second = await send({ subject: 'Zweite Mail', to: 'zwei@studio.test' });
    const { body } = await get('/dev/mail');
    expect(body).toContain(
      '<thead><tr><th scope="col">Zeit</th><th scope="col">An</th><th scope="col">Betreff</th></tr></thead>',
    );
    expect(body).toContain('<caption>');
    expect(body.indexOf('Zweite Mail')).toBeLessThan(body.indexOf('Erste Mail'));
    expect(body).toContain(`<a href="/dev/mail/${second.id}?lang=de">Zweite Mail</a>`);
    expect(body).toContain(`<a href="/dev/mail/${first.id}?lang=de">Erste Mail</a>`);
    expect(body).toContain('zwei@studio.test');
    expect(body).toContain(`<time datetime="${second.receivedAt}">`);
    expect(body).toMatch(/\d+ E-Mails, die neueste zuerst/);
  });

  it('speaks English with ?lang=en or when Accept-Language prefers it', async () => {
    const asked = await get('/dev/mail?lang=en');
    expect(asked.body).toMatch(/<html lang="en">/);
    expect(asked.body).toContain('SMTP_URL is not set, so emails are not really sent.');
    expect(asked.body).toContain('<h1>Caught emails</h1>');
    expect(asked.body).toContain('<th scope="col">Subject</th>');
    expect(asked.body).toContain('<a href="/dev/mail?lang=de" lang="de" hreflang="de">Deutsch</a>');

    const english = { 'accept-language': 'en-US,en;q=0.9,de;q=0.8' };
    expect((await get('/dev/mail', { headers: english })).body).toMatch(/<html lang="en">/);
    const frenchThenEnglish = { 'accept-language': 'fr-FR, en;q=0.5' };
    expect((await get('/dev/mail', { headers: frenchThenEnglish })).body).toMatch(
      /<html lang="en">/,
    );
    const germanFirst = { 'accept-language': 'de-DE,de;q=0.9,en;q=0.8' };
    expect((await get('/dev/mail', { headers: germanFirst })).body).toMatch(/<html lang="de">/);
    const englishLast = { 'accept-language': 'en;q=0.3, de;q=0.7' };
    expect((await get('/dev/mail', { headers: englishLast })).body).toMatch(/<html lang="de">/);
    expect((await get('/dev/mail?lang=de', { headers: english })).body).toMatch(/<html lang="de">/);
  });

  it('forbids scripts and framing by other sites', async () => {
    const { headers } = await get('/dev/mail');
    const policy = String(headers['content-security-policy']);
    expect(policy).toContain("default-src 'none'");
    expect(policy).not.toContain('script-src');
    expect(policy).toContain("frame-ancestors 'self'");
    expect(headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(headers['cache-control']).toBe('no-store');
  });

  it('answers HEAD without a body', async () => {
    const answer = await get('/dev/mail', { method: 'HEAD' });
    expect(answer.status).toBe(200);
    expect(answer.body).toBe('');
  });
});

describe('GET /dev/mail/<id>', () => {
  let mail: CaughtMail;
  beforeAll(async () => {
    mail = await send({
      subject: '<script>alert(1)</script> Grüße & „Co“',
      text: 'Bitte bestätigen Sie: https://pilar.test/verify?token=abc&x=1.\nNicht klickbar: javascript:alert(1) <b>fett</b>\n',
      html: '<!doctype html><html lang="de"><body><p>Grüße</p><script>alert(2)</script></body></html>',
    });
  });

  it('shows subject, sender, recipient, time and Message-ID, all escaped', async () => {
    const answer = await get(`/dev/mail/${mail.id}`);
    expect(answer.status).toBe(200);
    expect(answer.body).not.toContain('<script>');
    expect(answer.body).toContain(
      '<h1>&lt;script&gt;alert(1)&lt;/script&gt; Grüße &amp; „Co“</h1>',
    );
    expect(answer.body).toContain(
      '<title>&lt;script&gt;alert(1)&lt;/script&gt; Grüße &amp; „Co“ – PILAR</title>',
    );
    expect(answer.body).toContain(
      '<dt>Von</dt><dd>&quot;PILAR&quot; &lt;no-reply@pilar.test&gt;</dd>',
    );
    expect(answer.body).toContain('<dt>An</dt><dd>inhaberin@studio.test</dd>');
    expect(answer.body).toContain(
      `<code>${mail.messageId.replace('<', '&lt;').replace('>', '&gt;')}</code>`,
    );
    expect(answer.body).toContain(`<time datetime="${mail.receivedAt}">`);
    expect(answer.body).toContain('<a href="/dev/mail?lang=de">← Alle E-Mails</a>');
  });

  it('shows the HTML in a sandboxed frame and the text with its web links clickable', async () => {
    const { body } = await get(`/dev/mail/${mail.id}`);
    expect(body).toContain(
      `<iframe sandbox="allow-popups allow-popups-to-escape-sandbox" title="HTML-Ansicht der E-Mail" src="/dev/mail/${mail.id}/html"></iframe>`,
    );
    const text = /<pre>([\s\S]*?)<\/pre>/.exec(body)?.[1] ?? '';
    expect(text).toContain(
      'Bitte bestätigen Sie: <a href="https://pilar.test/verify?token=abc&amp;x=1" target="_blank" rel="noopener noreferrer">https://pilar.test/verify?token=abc&amp;x=1</a>.',
    );
    expect(text).toContain('Nicht klickbar: javascript:alert(1) &lt;b&gt;fett&lt;/b&gt;');
    expect(text.match(/<a /g)).toHaveLength(1);
  });

  it('has English labels with ?lang=en', async () => {
    const { body } = await get(`/dev/mail/${mail.id}?lang=en`);
    expect(body).toContain('<dt>From</dt>');
    expect(body).toContain('title="HTML view of the email"');
    expect(body).toContain(`<a href="/dev/mail/${mail.id}?lang=de" lang="de" hreflang="de">`);
  });

  it('serves the mail HTML as it is, sandboxed without scripts', async () => {
    const answer = await get(`/dev/mail/${mail.id}/html`);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    const policy = String(answer.headers['content-security-policy']);
    expect(policy).toMatch(/^sandbox allow-popups allow-popups-to-escape-sandbox;/);
    expect(policy).not.toContain('allow-scripts');
    expect(policy).toContain("default-src 'none'");
    expect(answer.body).toBe(mail.html);
  });

  it('says so when a mail has no HTML part', async () => {
    const plain = await send({ subject: 'Nur Text' });
    expect((await get(`/dev/mail/${plain.id}`)).body).toContain(
      'Diese E-Mail hat keinen HTML-Teil.',
    );
    expect((await get(`/dev/mail/${plain.id}/html`)).status).toBe(404);
  });
});

describe('GET /dev/mail/messages.json', () => {
  it('gives every caught mail, newest first', async () => {
    const latest = await send({ subject: 'Für JSON' });
    const answer = await get('/dev/mail/messages.json');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    const { messages } = JSON.parse(answer.body) as { messages: CaughtMail[] };
    expect(messages).toEqual(catcher.messages());
    expect(messages[0]).toEqual(latest);
  });
});

describe('refusals', () => {
  it('answers 404 for an unknown mail or path', async () => {
    for (const path of [
      '/dev/mail/unknown',
      '/dev/mail/unknown/html',
      '/dev/mail/%3Cx%3E',
      '/dev/mail/a/b/c',
    ]) {
      const answer = await get(path);
      expect(answer.status, path).toBe(404);
      expect(answer.body).toContain('E-Mail nicht gefunden');
      expect(answer.body).not.toContain('<x>');
    }
  });

  it('answers 405 to anything but GET and HEAD', async () => {
    for (const method of ['POST', 'DELETE', 'PUT']) {
      const answer = await get('/dev/mail', { method });
      expect(answer.status).toBe(405);
      expect(answer.headers.allow).toBe('GET, HEAD');
    }
  });

  it('answers 403 to a request that came through a proxy', async () => {
    const proxied: Record<string, string>[] = [
      { 'x-forwarded-for': '203.0.113.9' },
      { forwarded: 'for=203.0.113.9' },
      { 'x-real-ip': '203.0.113.9' },
    ];
    for (const headers of proxied) {
      const answer = await get('/dev/mail/messages.json', { headers });
      expect(answer.status).toBe(403);
      expect(answer.body).toContain('this machine only');
      expect(answer.body).not.toContain('messages');
    }
  });

  it('answers 403 to a request for another host name (DNS rebinding)', async () => {
    const answer = await get('/dev/mail', { headers: { host: 'evil.test' } });
    expect(answer.status).toBe(403);
    for (const host of ['localhost:3000', '127.0.0.1', '[::1]:8080']) {
      expect((await get('/dev/mail', { headers: { host } })).status, host).toBe(200);
    }
  });
});
