import { afterEach, describe, expect, it } from 'vitest';
import {
  isLoopbackAddress,
  type MailCatcher,
  type MailCatcherOptions,
  startMailCatcher,
} from '../src/mail/mail-catcher.ts';
import { sendMail } from './support/send-mail.ts';

const catchers: MailCatcher[] = [];
const start = async (options?: MailCatcherOptions) => {
  const catcher = await startMailCatcher(options);
  catchers.push(catcher);
  return catcher;
};

afterEach(async () => {
  await Promise.all(catchers.splice(0).map((catcher) => catcher.close()));
});

const send = (catcher: MailCatcher, mail: Parameters<typeof sendMail>[1]) =>
  sendMail(catcher.smtpUrl, mail);

describe('startMailCatcher', () => {
  it('listens on loopback at a random port', async () => {
    const catcher = await start();
    expect(catcher.smtpUrl).toMatch(/^smtp:\/\/127\.0\.0\.1:\d+$/);
    expect(catcher.messages()).toEqual([]);
  });

  it('catches a mail and reads it back: umlaut subject, html, text, Message-ID, envelope', async () => {
    const catcher = await start();
    const before = Date.now();
    await send(catcher, {
      subject: 'Bestätigen Sie Ihre E-Mail-Adresse – Größe „XL“',
      to: 'inhaberin@studio.test, kopie@studio.test',
      html: '<p>Schöne Grüße aus Köln</p>',
      text: 'Schöne Grüße aus Köln\n',
      messageId: '<7f1c2a3b@pilar.test>',
    });

    const [mail] = catcher.messages();
    expect(mail).toMatchObject({
      messageId: '<7f1c2a3b@pilar.test>',
      from: '"PILAR" <no-reply@pilar.test>',
      to: ['inhaberin@studio.test', 'kopie@studio.test'],
      subject: 'Bestätigen Sie Ihre E-Mail-Adresse – Größe „XL“',
      text: 'Schöne Grüße aus Köln\n',
    });
    expect(mail?.html).toContain('<p>Schöne Grüße aus Köln</p>');
    expect(mail?.id).toMatch(/^[A-Za-z0-9_-]{8}$/);
    expect(Date.parse(mail?.receivedAt ?? '')).toBeGreaterThanOrEqual(before - 1_000);
    expect(new Date(mail?.receivedAt ?? '').toISOString()).toBe(mail?.receivedAt);
    expect(catcher.find(mail?.id ?? '')).toEqual(mail);
    expect(catcher.find('no-such-id')).toBeUndefined();
  });

  it('has no html for a text-only mail', async () => {
    const catcher = await start();
    await send(catcher, { subject: 'Nur Text' });
    expect(catcher.messages()[0]).toMatchObject({ html: null, text: 'Nur Text\n' });
  });

  it('lists the newest first and gives out copies', async () => {
    const catcher = await start();
    for (const subject of ['Erste', 'Zweite', 'Dritte']) await send(catcher, { subject });
    const listed = catcher.messages();
    expect(listed.map((mail) => mail.subject)).toEqual(['Dritte', 'Zweite', 'Erste']);
    listed.pop();
    expect(catcher.messages()).toHaveLength(3);
  });

  it('keeps only the newest ones, dropping the oldest', async () => {
    const catcher = await start({ keep: 2 });
    for (const subject of ['Eins', 'Zwei', 'Drei']) await send(catcher, { subject });
    expect(catcher.messages().map((mail) => mail.subject)).toEqual(['Drei', 'Zwei']);
  });

  it('refuses a mail over the size limit', async () => {
    const catcher = await start({ maxMessageBytes: 10_000 });
    await expect(send(catcher, { subject: 'Zu groß', text: 'x'.repeat(20_000) })).rejects.toThrow(
      /552|size/i,
    );
    await send(catcher, { subject: 'Passt' });
    expect(catcher.messages().map((mail) => mail.subject)).toEqual(['Passt']);
  });
});

describe('waitFor', () => {
  it('resolves with a mail that arrives later', async () => {
    const catcher = await start();
    await send(catcher, { subject: 'Vorher', to: 'andere@studio.test' });
    const waiting = catcher.waitFor((mail) => mail.to.includes('inhaberin@studio.test'));
    await send(catcher, { subject: 'Passwort zurücksetzen' });
    await expect(waiting).resolves.toMatchObject({ subject: 'Passwort zurücksetzen' });
  });

  it('resolves at once with the newest mail already caught that matches', async () => {
    const catcher = await start();
    await send(catcher, { subject: 'Code 111111' });
    await send(catcher, { subject: 'Code 222222' });
    const mail = await catcher.waitFor((candidate) => candidate.subject.startsWith('Code'), 1);
    expect(mail.subject).toBe('Code 222222');
  });

  it('rejects after the timeout, naming the subjects it saw', async () => {
    const catcher = await start();
    await send(catcher, { subject: 'Ihr Passwort wurde geändert' });
    await expect(catcher.waitFor((mail) => mail.subject === 'Nie', 100)).rejects.toThrow(
      'No caught mail matched within 100 ms; subjects seen, newest first: "Ihr Passwort wurde geändert"',
    );
    const empty = await start();
    await expect(empty.waitFor(() => false, 50)).rejects.toThrow('no mail was caught');
  });

  it('fails only its own wait when the predicate throws', async () => {
    const catcher = await start();
    const broken = catcher.waitFor(() => {
      throw new Error('kaputt');
    });
    const brokenFails = expect(broken).rejects.toThrow('kaputt');
    const fine = catcher.waitFor((mail) => mail.subject === 'Da');
    await send(catcher, { subject: 'Da' });
    await brokenFails;
    await expect(fine).resolves.toMatchObject({ subject: 'Da' });
  });

  it('rejects pending waits when the catcher closes', async () => {
    const catcher = await startMailCatcher();
    const waiting = catcher.waitFor(() => false, 10_000);
    await catcher.close();
    await expect(waiting).rejects.toThrow('closed');
  });
});

describe('isLoopbackAddress', () => {
  it('accepts 127.0.0.0/8 and ::1 in every spelling, nothing else', () => {
    for (const address of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1', '::FFFF:127.0.0.9'])
      expect(isLoopbackAddress(address), address).toBe(true);
    for (const address of [
      undefined,
      '',
      '10.0.0.1',
      '128.0.0.1',
      '::ffff:10.0.0.1',
      '::2',
      '1127.0.0.1',
      '127.0.0.1.evil',
      'fe80::1',
    ])
      expect(isLoopbackAddress(address), String(address)).toBe(false);
  });
});
