import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Locale } from '../src/contracts/locale.ts';
import { escapeHtml } from '../src/mail/escape-html.ts';
import type { MailBrand, MailContent, MailTemplate } from '../src/mail/mail-content.ts';
import { renderMail } from '../src/mail/render-mail.ts';

const brand: MailBrand = {
  operatorName: 'Pilar Betriebs GmbH',
  publicUrl: 'https://pilar.test',
  imprintUrl: 'https://pilar.test/impressum',
  privacyUrl: 'https://recht.example/datenschutz?studio=1&lang=de',
};
const site = 'https://pilar.test/';

interface Case {
  content: MailContent;
  /** The link the mail is about (the footer's site link where it has none). */
  link: string;
  subjects: Record<Locale, string>;
}

const cases = {
  verify_email: {
    content: {
      template: 'verify_email',
      welcome: true,
      studioName: 'Kraftwerk Köln',
      verifyUrl: 'https://pilar.test/verify?token=abc&lang=de',
      code: '481516',
      linkValidHours: 24,
      codeValidMinutes: 15,
    },
    link: 'https://pilar.test/verify?token=abc&lang=de',
    subjects: {
      de: 'Willkommen bei PILAR – bitte bestätigen Sie Ihre E-Mail-Adresse',
      en: 'Welcome to PILAR – please confirm your email address',
    },
  },
  password_reset: {
    content: {
      template: 'password_reset',
      resetUrl: 'https://pilar.test/reset?token=def&x=1',
      validMinutes: 30,
    },
    link: 'https://pilar.test/reset?token=def&x=1',
    subjects: { de: 'Passwort zurücksetzen', en: 'Reset your password' },
  },
  password_reset_unknown: {
    content: {
      template: 'password_reset_unknown',
      signupUrl: 'https://pilar.test/signup?from=reset',
    },
    link: 'https://pilar.test/signup?from=reset',
    subjects: { de: 'Passwort zurücksetzen angefordert', en: 'Password reset requested' },
  },
  password_changed: {
    content: { template: 'password_changed', resetUrl: 'https://pilar.test/forgot?email=a&b=c' },
    link: 'https://pilar.test/forgot?email=a&b=c',
    subjects: { de: 'Ihr Passwort wurde geändert', en: 'Your password was changed' },
  },
  email_change: {
    content: {
      template: 'email_change',
      newEmail: 'neu@studio.test',
      verifyUrl: 'https://pilar.test/email?token=ghi&y=2',
      linkValidHours: 24,
    },
    link: 'https://pilar.test/email?token=ghi&y=2',
    subjects: { de: 'Neue E-Mail-Adresse bestätigen', en: 'Confirm your new email address' },
  },
  email_changed: {
    content: {
      template: 'email_changed',
      oldEmail: 'alt@studio.test',
      newEmail: 'neu@studio.test',
    },
    link: site,
    subjects: { de: 'Ihre E-Mail-Adresse wurde geändert', en: 'Your email address was changed' },
  },
  team_invitation: {
    content: {
      template: 'team_invitation',
      studioName: 'Fit & Froh',
      invitedBy: 'inhaberin@studio.test',
      acceptUrl: 'https://pilar.test/invitation?token=jkl&z=3',
      validDays: 7,
    },
    link: 'https://pilar.test/invitation?token=jkl&z=3',
    subjects: {
      de: 'Einladung in das Team von Fit & Froh',
      en: 'Invitation to the team of Fit & Froh',
    },
  },
  studio_deleted: {
    content: { template: 'studio_deleted', studioName: 'Fit & Froh' },
    link: site,
    subjects: {
      de: 'Ihr Studio Fit & Froh wurde gelöscht',
      en: 'Your studio Fit & Froh was deleted',
    },
  },
  phone_live: {
    content: {
      template: 'phone_live',
      studioName: 'Fit & Froh',
      number: '+493012345678',
      checklistUrl: 'https://pilar.test/settings/go-live',
    },
    link: 'https://pilar.test/settings/go-live',
    subjects: {
      de: 'Die Telefonnummer von Fit & Froh ist aktiv',
      en: 'The phone number of Fit & Froh is live',
    },
  },
  phone_rejected: {
    content: {
      template: 'phone_rejected',
      studioName: 'Fit & Froh',
      reason: 'The document is unreadable & blurry',
      checklistUrl: 'https://pilar.test/settings/go-live',
    },
    link: 'https://pilar.test/settings/go-live',
    subjects: {
      de: 'Ihre Angaben für die Telefonnummer wurden abgelehnt',
      en: 'Your details for the phone number were rejected',
    },
  },
} satisfies Record<MailTemplate, Case>;

const footer: Record<
  Locale,
  { automatic: string; reason: string; imprint: string; privacy: string }
> = {
  de: {
    automatic: 'automatisch',
    reason: 'Sie erhalten diese E-Mail, weil',
    imprint: 'Impressum',
    privacy: 'Datenschutz',
  },
  en: {
    automatic: 'sent automatically',
    reason: 'You are receiving this email because',
    imprint: 'Legal notice',
    privacy: 'Privacy policy',
  },
};

const htmlTag = /<\/?[a-z][^>]*>/i;
const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A link in the HTML: its escaped address and, as its whole text, the label. */
const anchor = (url: string, label: string) =>
  new RegExp(`<a href="${escapeRegExp(escapeHtml(url))}"[^>]*>${escapeRegExp(label)}</a>`);
const locales: Locale[] = ['de', 'en'];
const matrix = Object.entries(cases).flatMap(([template, testCase]) =>
  locales.map((locale) => ({ template, locale, ...testCase })),
);

afterEach(() => {
  vi.restoreAllMocks();
});

describe.each(matrix)('$template in $locale', ({ content, locale, link, subjects }) => {
  it('has its own subject in this language, umlauts intact, also as the HTML title', async () => {
    const mail = await renderMail(content, locale, brand);
    expect(mail.subject).toBe(subjects[locale]);
    expect(mail.subject).not.toBe(subjects[locale === 'de' ? 'en' : 'de']);
    expect(mail.html).toContain(`<title>${escapeHtml(subjects[locale])}</title>`);
  });

  it('declares its language and UTF-8', async () => {
    const { html } = await renderMail(content, locale, brand);
    expect(html).toMatch(new RegExp(`^<!doctype html>\\s*<html lang="${locale}"`));
    expect(html).toContain('charset=UTF-8');
  });

  it('carries the link in the HTML (as button and spelled out) and in the text', async () => {
    const { html, text } = await renderMail(content, locale, brand);
    const escapedLink = escapeHtml(link);
    expect(html).toContain(`href="${escapedLink}"`);
    expect(html).toContain(`>${escapedLink}</a>`);
    if (link !== site) {
      expect(html.split(`href="${escapedLink}"`)).toHaveLength(3);
    }
    expect(text).toContain(link);
  });

  it('has a hand-written text part without HTML', async () => {
    const { text } = await renderMail(content, locale, brand);
    expect(text).not.toMatch(htmlTag);
    expect(text).not.toMatch(/&(amp|lt|gt|quot|#\d+);/);
    expect(text.length).toBeGreaterThan(100);
  });

  it('has a footer naming the operator, the reason and that it was sent automatically', async () => {
    const { html, text } = await renderMail(content, locale, brand);
    for (const part of [html, text]) {
      expect(part).toContain(brand.operatorName);
      expect(part).toContain(footer[locale].automatic);
      expect(part).toContain(footer[locale].reason);
      expect(part).toContain(site);
    }
    expect(text).toMatch(/\n-- \n/);
  });

  it('links the Impressum and the privacy notice in the footer of both parts', async () => {
    const { html, text } = await renderMail(content, locale, brand);
    const { imprint, privacy } = footer[locale];
    expect(html).toMatch(anchor(brand.imprintUrl, imprint));
    expect(html).toMatch(anchor(brand.privacyUrl, privacy));
    const signature = text.slice(text.lastIndexOf('\n-- \n'));
    expect(signature).toContain(`\n${imprint}: ${brand.imprintUrl}\n`);
    expect(signature).toContain(`\n${privacy}: ${brand.privacyUrl}\n`);
  });

  it('compiles without MJML complaints', async () => {
    const warn = vi.spyOn(console, 'warn');
    const error = vi.spyOn(console, 'error');
    await renderMail(content, locale, brand);
    expect(warn).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
  });
});

describe('verify_email', () => {
  const content = cases.verify_email.content;

  it.each(locales)(
    'shows the code in both parts, large and spaced in HTML (%s)',
    async (locale) => {
      const { html, text } = await renderMail(content, locale, brand);
      expect(text).toMatch(/^ {4}481516$/m);
      expect(html).toMatch(/letter-spacing:8px;[^>]*><p style="margin:0;">481516<\/p>/);
      expect(html).toMatch(/font-size:32px/);
    },
  );

  it('says how long link and code are valid and names the studio', async () => {
    const german = await renderMail(content, 'de', brand);
    const english = await renderMail(content, 'en', brand);
    for (const part of [german.html, german.text]) {
      expect(part).toContain('Der Link ist 24 Stunden gültig.');
      expect(part).toContain('Der Code ist 15 Minuten gültig.');
      expect(part).toContain('Kraftwerk Köln');
    }
    for (const part of [english.html, english.text]) {
      expect(part).toContain('The link is valid for 24 hours.');
      expect(part).toContain('The code is valid for 15 minutes.');
      expect(part).toContain('Kraftwerk Köln');
    }
  });

  it('uses singular units for one hour and one minute', async () => {
    const once = { ...content, linkValidHours: 1, codeValidMinutes: 1 };
    expect((await renderMail(once, 'de', brand)).text).toContain('Der Link ist 1 Stunde gültig.');
    expect((await renderMail(once, 'en', brand)).text).toContain('valid for 1 minute.');
  });

  it('has a plainer subject when it is not the welcome', async () => {
    const again = { ...content, welcome: false };
    expect((await renderMail(again, 'de', brand)).subject).toBe(
      'Bestätigen Sie Ihre E-Mail-Adresse',
    );
    expect((await renderMail(again, 'en', brand)).subject).toBe('Confirm your email address');
  });
});

describe('escaping', () => {
  const hostile = '<b>Fit & "Co"</b>';
  const hostileBrand: MailBrand = {
    ...brand,
    operatorName: '<i>Betrieb & Söhne</i>',
    privacyUrl: 'https://recht.example/"><script>x</script>',
  };

  it.each(locales)('never puts a value into the HTML raw (%s)', async (locale) => {
    const { html, text } = await renderMail(
      { ...cases.verify_email.content, studioName: hostile },
      locale,
      hostileBrand,
    );
    expect(html).not.toContain(hostile);
    expect(html).not.toContain(hostileBrand.operatorName);
    expect(html).toContain('&lt;b&gt;Fit &amp; &quot;Co&quot;&lt;/b&gt;');
    expect(html).toContain('&lt;i&gt;Betrieb &amp; Söhne&lt;/i&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('href="https://recht.example/&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
    // The text part is not HTML: the name stands there as it was given.
    expect(text).toContain(hostile);
    expect(text).toContain(hostileBrand.operatorName);
  });

  it('escapes addresses and links as well', async () => {
    const { html } = await renderMail(
      {
        template: 'email_changed',
        oldEmail: '"<old>"@studio.test',
        newEmail: 'new+<x>@studio.test',
      },
      'en',
      brand,
    );
    expect(html).not.toContain('<old>');
    expect(html).not.toContain('<x>');
    expect(html).toContain('&quot;&lt;old&gt;&quot;@studio.test');
  });

  it('escapes the five characters that matter in text and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
    expect(escapeHtml(42)).toBe('42');
  });
});

describe('site link', () => {
  it('has exactly one slash after the public URL, with or without a trailing slash given', async () => {
    const { text } = await renderMail(cases.password_changed.content, 'de', {
      ...brand,
      publicUrl: 'https://pilar.test/',
    });
    expect(text).toContain('\nhttps://pilar.test/\n');
    expect(text).not.toContain('https://pilar.test//');
  });
});
