import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaughtMail } from '../src/mail/mail-catcher.ts';
import { startServerProcess } from './support/server-process.ts';
import { startSmtpInbox } from './support/smtp-inbox.ts';
import { postJson } from './support/test-server.ts';

const signup = {
  studioName: 'Post-Studio',
  ownerEmail: 'post@example.com',
  password: 'GeheimesPasswort-42',
};

const tokenOf = (text: string) => /[?&]token=([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? '';

describe('the two mail modes of the server process', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pilar-mail-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('without SMTP_URL: says so loudly, catches the mail, shows it at /dev/mail, links to itself', async () => {
    const server = await startServerProcess({ DATA_DIR: dataDir });
    try {
      expect(server.output()).toContain('NO SMTP_URL SET: mails are NOT sent');
      expect((await postJson(`${server.baseUrl}/api/tenant/create`, signup)).status).toBe(201);
      let mail: CaughtMail | undefined;
      for (let poll = 0; poll < 200 && !mail; poll++) {
        const listed = await fetch(`${server.baseUrl}/dev/mail/messages.json`);
        mail = ((await listed.json()) as { messages: CaughtMail[] }).messages[0];
        if (!mail) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(mail?.to).toEqual(['post@example.com']);
      const port = new URL(server.baseUrl).port;
      expect(mail?.text).toContain(`http://localhost:${port}/verify-email?token=`);
      const page = await (await fetch(`${server.baseUrl}/dev/mail`)).text();
      expect(page).toContain('Willkommen bei PILAR – bitte bestätigen Sie Ihre E-Mail-Adresse');
      // No token and no code reaches the log.
      expect(server.output()).not.toContain(tokenOf(mail?.text ?? ''));
      expect(server.output()).not.toMatch(
        new RegExp(/^\s*(\d{6})\s*$/m.exec(mail?.text ?? '')?.[1] ?? 'x^'),
      );
    } finally {
      await server.stop();
    }
  });

  it('behind a proxy without SMTP_URL: still catches mail, but /dev/mail is off (the proxy is local too)', async () => {
    const server = await startServerProcess({ DATA_DIR: dataDir, TRUST_PROXY: 'true' });
    try {
      expect(server.output()).toContain('/dev/mail is off');
      expect((await fetch(`${server.baseUrl}/dev/mail`)).status).toBe(404);
    } finally {
      await server.stop();
    }
  });

  it('with SMTP_URL: delivers there with links below PUBLIC_URL, and /dev/mail does not exist', async () => {
    const inbox = await startSmtpInbox();
    const server = await startServerProcess({
      DATA_DIR: dataDir,
      SMTP_URL: inbox.url,
      MAIL_FROM: 'Studio-Hilfe <hilfe@pilar.example>',
      PUBLIC_URL: 'https://app.pilar.example',
    });
    try {
      expect(server.output()).not.toContain('NO SMTP_URL SET');
      expect((await postJson(`${server.baseUrl}/api/tenant/create`, signup)).status).toBe(201);
      await expect.poll(() => inbox.accepted.length, { timeout: 15_000 }).toBe(1);
      const [mail] = inbox.accepted;
      expect(mail?.messageId).toMatch(/@pilar\.example>$/);
      expect(mail?.text).toContain('https://app.pilar.example/verify-email?token=');
      expect((await fetch(`${server.baseUrl}/dev/mail`)).status).toBe(404);
      expect(server.output()).not.toContain(tokenOf(mail?.text ?? ''));
      expect(server.output()).not.toContain('geheim');
    } finally {
      await server.stop();
      await inbox.close();
    }
  });
});
