import { PROBLEM_CODES } from '@pilar/provisioning/contracts';
import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { errorTextIn } from '../../src/errors/useErrorText.ts';
import { editorMessages } from '../../src/i18n/editor-messages.ts';
import { errorMessages } from '../../src/i18n/error-messages.ts';
import { goLiveMessages } from '../../src/i18n/golive-messages.ts';
import type { Catalog } from '../../src/i18n/i18n.tsx';
import { translate } from '../../src/i18n/i18n.tsx';
import { legalMessages } from '../../src/i18n/legal-messages.ts';
import { wizardMessages } from '../../src/i18n/wizard-messages.ts';

const refusal = (data: Record<string, unknown>) =>
  new TRPCClientError('English wording the browser never reads', {
    result: { error: { code: -32600, message: 'x', data } },
  } as never);

const placeholders = (message: string) =>
  [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each([
  ['editor', editorMessages],
  ['errors', errorMessages],
  ['go-live', goLiveMessages],
  ['wizard', wizardMessages],
  ['legal', legalMessages],
] as [string, Catalog<string>][])('the %s catalog', (_, catalog) => {
  it('fills the same placeholders in German and English', () => {
    for (const [key, german] of Object.entries(catalog.de)) {
      expect(placeholders(catalog.en[key] ?? ''), key).toEqual(placeholders(german));
    }
  });

  it('has no empty message and no German message in English', () => {
    for (const [key, english] of Object.entries(catalog.en)) {
      expect(english.trim(), key).not.toBe('');
      expect(english, key).not.toMatch(/[äöüß]/);
    }
  });
});

describe('the error catalog', () => {
  it('words every problem code the contracts name, in both languages', () => {
    for (const problem of PROBLEM_CODES) {
      expect(errorMessages.de[`problem.${problem}`], problem).toBeTruthy();
      expect(errorMessages.en[`problem.${problem}`], problem).toBeTruthy();
    }
  });
});

describe('the account refusals', () => {
  const german = errorTextIn('de', 'offline');
  const english = errorTextIn('en', 'offline');

  it.each([
    [
      { domainCode: 'TOKEN_INVALID' },
      'Dieser Link ist ungültig oder wurde bereits verwendet.',
      'This link is invalid or was already used.',
    ],
    [{ domainCode: 'TOKEN_EXPIRED' }, 'Dieser Link ist abgelaufen.', 'This link has expired.'],
    [
      { domainCode: 'CODE_INVALID', domainData: { attemptsLeft: 3 } },
      'Der Code stimmt nicht. Verbleibende Versuche: 3.',
      'The code is wrong. Attempts left: 3.',
    ],
    [
      { domainCode: 'CODE_EXPIRED' },
      'Dieser Code ist nicht mehr gültig. Bitte fordern Sie einen neuen Code an.',
      'This code is no longer valid. Please request a new code.',
    ],
    [
      {
        domainCode: 'TOO_MANY_REQUESTS',
        domainData: { retryAfterSeconds: 42 },
        retryAfterSeconds: 42,
      },
      'Zu viele Anfragen. Bitte versuchen Sie es in 42 Sekunden erneut.',
      'Too many requests. Please try again in 42 seconds.',
    ],
    [{ domainCode: 'WRONG_PASSWORD' }, 'Das Passwort ist falsch.', 'The password is wrong.'],
    [
      { domainCode: 'EMAIL_ALREADY_VERIFIED' },
      'Ihre E-Mail-Adresse ist bereits bestätigt.',
      'Your e-mail address is already confirmed.',
    ],
    [
      { domainCode: 'EMAIL_NOT_VERIFIED' },
      'Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse.',
      'Please confirm your e-mail address first.',
    ],
    [
      { domainCode: 'SESSION_NOT_FOUND' },
      'Diese Anmeldung besteht nicht mehr.',
      'This login no longer exists.',
    ],
  ])('reads %o by its code and data', (data, de, en) => {
    expect(german(refusal(data))).toBe(de);
    expect(english(refusal(data))).toBe(en);
  });

  it('reads the new field problems by their code and parameters', () => {
    const tooCommon = refusal({
      domainCode: 'INVALID_INPUT',
      issues: [{ path: 'password', problem: 'tooCommon', params: {}, message: 'x' }],
    });
    expect(german(tooCommon)).toBe(
      'Dieses Passwort ist zu verbreitet. Bitte wählen Sie ein anderes.',
    );
    expect(english(tooCommon)).toBe('This password is too common. Please choose another one.');
    const invalidCode = refusal({
      domainCode: 'INVALID_INPUT',
      issues: [{ path: 'code', problem: 'invalidCode', params: { length: 6 }, message: 'x' }],
    });
    expect(german(invalidCode)).toBe('Der Code besteht aus 6 Ziffern.');
    expect(english(invalidCode)).toBe('The code consists of 6 digits.');
  });
});

describe('the team and studio refusals', () => {
  const german = errorTextIn('de', 'offline');
  const english = errorTextIn('en', 'offline');

  it.each([
    [
      { domainCode: 'OWNER_ONLY' },
      'Das darf nur die Inhaberin bzw. der Inhaber des Studios.',
      'Only the studio’s owner may do this.',
    ],
    [
      { domainCode: 'INVITATION_NOT_FOUND' },
      'Diese Einladung besteht nicht mehr.',
      'This invitation no longer exists.',
    ],
    [
      { domainCode: 'MEMBER_NOT_FOUND' },
      'Diese Person gehört nicht mehr zum Team.',
      'This person is no longer on the team.',
    ],
    [
      { domainCode: 'CANNOT_REMOVE_OWNER' },
      'Die Inhaberin bzw. der Inhaber kann nicht aus dem Team entfernt werden.',
      'The studio’s owner cannot be removed from the team.',
    ],
  ])('reads %o by its code', (data, de, en) => {
    expect(german(refusal(data))).toBe(de);
    expect(english(refusal(data))).toBe(en);
  });

  it('reads the consent’s and the confirmation’s field problems by their codes', () => {
    const notAccepted = refusal({
      domainCode: 'INVALID_INPUT',
      issues: [{ path: 'consent.terms', problem: 'notAccepted', params: {}, message: 'x' }],
    });
    expect(german(notAccepted)).toBe('Bitte stimmen Sie zu, um fortzufahren.');
    expect(english(notAccepted)).toBe('Please agree to continue.');
    const notMatching = refusal({
      domainCode: 'INVALID_INPUT',
      issues: [{ path: 'studioName', problem: 'notMatching', params: {}, message: 'x' }],
    });
    expect(german(notMatching)).toBe('Die Eingabe stimmt nicht überein.');
    expect(english(notMatching)).toBe('The entry does not match.');
  });
});

describe('the go-live refusals', () => {
  const german = errorTextIn('de', 'offline');
  const english = errorTextIn('en', 'offline');
  const issue = (path: string, problem: string, params = {}) =>
    refusal({ domainCode: 'INVALID_INPUT', issues: [{ path, problem, params, message: 'x' }] });

  it('reads a locked phone by its code, without the stage’s code name', () => {
    const locked = refusal({
      domainCode: 'PHONE_DETAILS_LOCKED',
      domainData: { stage: 'in_review' },
    });
    expect(german(locked)).toMatch(/^Die Geschäftsangaben können gerade nicht geändert werden/);
    expect(english(locked)).toMatch(/^The business details cannot be changed now/);
    expect(german(locked)).not.toContain('in_review');
  });

  it('reads the postal code’s and the file’s problems, the limit in megabytes', () => {
    expect(german(issue('postalCode', 'invalidPostalCode'))).toBe(
      'Die Postleitzahl besteht aus fünf Ziffern, z. B. 10115.',
    );
    expect(english(issue('postalCode', 'invalidPostalCode'))).toBe(
      'The postal code consists of five digits, e.g. 10115.',
    );
    const tooLarge = issue('document', 'fileTooLarge', { max: 10 * 1024 * 1024 });
    expect(german(tooLarge)).toBe('Die Datei ist zu groß: höchstens 10 MB.');
    expect(english(tooLarge)).toBe('The file is too large: at most 10 MB.');
    expect(german(issue('document', 'unsupportedFileType'))).toBe(
      'Bitte eine PDF-, JPEG- oder PNG-Datei wählen.',
    );
    expect(english(issue('document', 'unsupportedFileType'))).toBe(
      'Please choose a PDF, JPEG or PNG file.',
    );
  });
});

describe('translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    const t = translate(editorMessages, 'de');
    expect(t('codeResent', { email: 'a@b.de' })).toBe(
      'Wir haben einen neuen Code an a@b.de geschickt.',
    );
    expect(t('codeResent')).toBe('Wir haben einen neuen Code an {email} geschickt.');
  });
});
