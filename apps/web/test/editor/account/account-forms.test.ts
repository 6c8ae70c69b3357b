import {
  emailChangeInputSchema,
  passwordChangeInputSchema,
  passwordResetRequestSchema,
  verifyEmailCodeInputSchema,
} from '@pilar/provisioning/contracts';
import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import {
  asCodeProblem,
  byCount,
  contractProblems,
  dateTimeFormat,
  deviceName,
  fieldProblemTextIn,
  forgotPasswordPath,
  linkRefusal,
  loginPath,
  mismatchProblem,
  normalizeCode,
  serverProblems,
} from '../../../src/editor/account/account-forms.ts';
import { editorMessages } from '../../../src/i18n/editor-messages.ts';
import { translate } from '../../../src/i18n/i18n.tsx';

const refusal = (data: Record<string, unknown>) =>
  new TRPCClientError('English wording the browser never reads', {
    result: { error: { code: -32600, message: 'x', data } },
  } as never);

const issue = (path: string, problem: string, params = {}) => ({
  path,
  problem,
  params,
  message: 'x',
});

describe('contractProblems', () => {
  it('puts the contract’s first problem per path at the form’s field', () => {
    const problems = contractProblems(
      passwordChangeInputSchema,
      { currentPassword: '', newPassword: 'kurz' },
      { currentPassword: 'current', newPassword: 'password' },
    );
    expect(problems).toEqual({
      current: { problem: 'empty', params: {} },
      password: { problem: 'tooShort', params: { min: 8 } },
    });
  });

  it('finds a code that is not six digits', () => {
    const problems = (code: string) =>
      contractProblems(verifyEmailCodeInputSchema, { code }, { code: 'code' });
    expect(problems('12a456').code).toBeDefined();
    expect(problems('').code).toBeDefined();
    expect(problems('12345').code).toBeDefined();
    expect(problems('123456')).toEqual({});
  });

  it('ignores paths the form does not show', () => {
    expect(
      contractProblems(
        passwordResetRequestSchema,
        { email: 'x', locale: 'fr' },
        { email: 'email' },
      ),
    ).toEqual({ email: { problem: 'invalidEmail', params: {} } });
  });

  it('finds nothing in a valid input', () => {
    const input = { password: 'geheim', newEmail: ' Neu@Example.com ' };
    expect(
      contractProblems(emailChangeInputSchema, input, { password: 'p', newEmail: 'e' }),
    ).toEqual({});
  });
});

describe('serverProblems', () => {
  const fields = { currentPassword: 'current', newPassword: 'password' } as const;

  it('puts input issues at the fields they name', () => {
    const error = refusal({
      domainCode: 'INVALID_INPUT',
      issues: [issue('newPassword', 'tooCommon'), issue('newPassword', 'tooShort', { min: 8 })],
    });
    expect(serverProblems(error, fields)).toEqual({
      password: { problem: 'tooCommon', params: {} },
    });
  });

  it('puts the refusals it is told about at their field, with their data', () => {
    const wrong = refusal({ domainCode: 'WRONG_PASSWORD', domainData: null });
    expect(serverProblems(wrong, fields, { WRONG_PASSWORD: 'current' })).toEqual({
      current: { refusal: 'WRONG_PASSWORD', params: {} },
    });
    const code = refusal({ domainCode: 'CODE_INVALID', domainData: { attemptsLeft: 2 } });
    expect(serverProblems(code, { code: 'code' }, { CODE_INVALID: 'code' })).toEqual({
      code: { refusal: 'CODE_INVALID', params: { attemptsLeft: 2 } },
    });
  });

  it('leaves other refusals, and errors that are not the API’s, to the form as a whole', () => {
    const limited = refusal({
      domainCode: 'TOO_MANY_ATTEMPTS',
      domainData: { retryAfterSeconds: 9 },
    });
    expect(serverProblems(limited, fields, { WRONG_PASSWORD: 'current' })).toEqual({});
    expect(serverProblems(new TypeError('Failed to fetch'), fields)).toEqual({});
    const elsewhere = refusal({ domainCode: 'INVALID_INPUT', issues: [issue('token', 'empty')] });
    expect(serverProblems(elsewhere, fields)).toEqual({});
  });
});

describe('fieldProblemTextIn', () => {
  it('words contract problems, the form’s own checks and refusals in both languages', () => {
    const de = fieldProblemTextIn('de');
    const en = fieldProblemTextIn('en');
    expect(de({ problem: 'tooShort', params: { min: 8 } })).toBe('Mindestens 8 Zeichen.');
    expect(de({ own: 'passwordMismatch' })).toBe('Die Passwörter stimmen nicht überein.');
    expect(en({ own: 'emailUnchanged' })).toBe('This is already your e-mail address.');
    expect(de({ refusal: 'CODE_INVALID', params: { attemptsLeft: 1 } })).toBe(
      'Der Code stimmt nicht. Verbleibende Versuche: 1.',
    );
    expect(en({ refusal: 'EMAIL_TAKEN', params: {} })).toBe(
      'An account with this email address already exists.',
    );
  });

  it('words the team’s and the deletion’s own checks in both languages', () => {
    const de = fieldProblemTextIn('de');
    const en = fieldProblemTextIn('en');
    expect(de({ own: 'inviteEmailTaken' })).toBe(
      'Zu dieser Adresse gibt es schon ein Konto. E-Mail-Adressen sind systemweit eindeutig; bitten Sie um eine andere Adresse.',
    );
    expect(de({ own: 'alreadyMember' })).toBe('Diese Person gehört schon zum Team.');
    expect(de({ own: 'studioNameMismatch' })).toBe(
      'Der Name stimmt nicht mit dem Namen des Studios überein.',
    );
    expect(en({ own: 'deletionNotConfirmed' })).toBe('Please confirm that you understand this.');
  });
});

describe('mismatchProblem', () => {
  it('is a problem only when the repetition differs', () => {
    expect(mismatchProblem('Hantel-Bank-2024', 'Hantel-Bank-2024')).toBeUndefined();
    expect(mismatchProblem('Hantel-Bank-2024', 'hantel-bank-2024')).toEqual({
      own: 'passwordMismatch',
    });
  });
});

describe('normalizeCode', () => {
  it('keeps the digits of a code typed or pasted with spaces or a dash', () => {
    expect(normalizeCode(' 123 456 ')).toBe('123456');
    expect(normalizeCode('123-456')).toBe('123456');
    expect(normalizeCode('12a456')).toBe('12a456');
  });
});

describe('asCodeProblem', () => {
  it('words any contract problem with a code as its length', () => {
    const expected = { problem: 'invalidCode', params: { length: 6 } };
    expect(asCodeProblem({ problem: 'invalidFormat', params: {} })).toEqual(expected);
    expect(asCodeProblem({ problem: 'invalidCode', params: { length: 6 } })).toEqual(expected);
  });

  it('keeps a refusal and nothing', () => {
    const wrong = { refusal: 'CODE_INVALID', params: { attemptsLeft: 2 } } as const;
    expect(asCodeProblem(wrong)).toBe(wrong);
    expect(asCodeProblem(undefined)).toBeUndefined();
  });
});

describe('byCount', () => {
  const keys = { none: 'none', one: 'one', many: 'many' } as const;
  it('chooses the message for none, one and several', () => {
    expect(byCount(0, keys)).toBe('none');
    expect(byCount(1, keys)).toBe('one');
    expect(byCount(2, keys)).toBe('many');
    expect(byCount(17, keys)).toBe('many');
  });
});

describe('deviceName', () => {
  const de = translate(editorMessages, 'de');
  const en = translate(editorMessages, 'en');
  it('names browser and system, whichever is known, or an unknown device', () => {
    expect(deviceName({ browser: 'Firefox 128', os: 'Linux' }, de)).toBe('Firefox 128 auf Linux');
    expect(deviceName({ browser: 'Firefox 128', os: 'Linux' }, en)).toBe('Firefox 128 on Linux');
    expect(deviceName({ browser: 'Safari 17', os: null }, de)).toBe('Safari 17');
    expect(deviceName({ browser: null, os: 'iOS' }, de)).toBe('iOS');
    expect(deviceName({ browser: null, os: null }, de)).toBe('Unbekanntes Gerät');
    expect(deviceName({ browser: '', os: null }, en)).toBe('Unknown device');
  });
});

describe('loginPath and forgotPasswordPath', () => {
  it('carry a known address, encoded', () => {
    expect(loginPath('anna+studio@example.com')).toBe('/login?email=anna%2Bstudio%40example.com');
    expect(forgotPasswordPath(' anna@example.com ')).toBe(
      '/forgot-password?email=anna%40example.com',
    );
  });

  it('are the plain screens without one', () => {
    expect(loginPath(null)).toBe('/login');
    expect(loginPath('  ')).toBe('/login');
    expect(forgotPasswordPath('')).toBe('/forgot-password');
  });
});

describe('linkRefusal', () => {
  it('tells an unknown or used link from an expired one', () => {
    expect(linkRefusal(refusal({ domainCode: 'TOKEN_INVALID' }))).toBe('TOKEN_INVALID');
    expect(linkRefusal(refusal({ domainCode: 'TOKEN_EXPIRED' }))).toBe('TOKEN_EXPIRED');
  });

  it('counts a token the contract refuses as unknown', () => {
    const cutOff = refusal({
      domainCode: 'INVALID_INPUT',
      issues: [issue('token', 'tooLong', { max: 128 })],
    });
    expect(linkRefusal(cutOff)).toBe('TOKEN_INVALID');
  });

  it('is null for every other failure', () => {
    expect(linkRefusal(null)).toBeNull();
    expect(linkRefusal(refusal({ domainCode: 'EMAIL_TAKEN' }))).toBeNull();
    const password = refusal({
      domainCode: 'INVALID_INPUT',
      issues: [issue('password', 'tooCommon')],
    });
    expect(linkRefusal(password)).toBeNull();
  });
});

describe('dateTimeFormat', () => {
  it('writes dates and times as the interface language does, on a 24-hour clock', () => {
    const moment = new Date('2026-03-05T14:07:00Z');
    expect(dateTimeFormat('de', 'Europe/Berlin').format(moment)).toBe('05.03.2026, 15:07');
    expect(dateTimeFormat('en', 'Europe/Berlin').format(moment)).toBe('5 Mar 2026, 15:07');
  });
});
