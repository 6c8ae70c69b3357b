import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import {
  deletionProblems,
  deletionRefusalProblems,
  exportFileName,
  studioSlug,
} from '../../../src/editor/account/studio-data.ts';

const refusal = (data: Record<string, unknown>) =>
  new TRPCClientError('English wording the browser never reads', {
    result: { error: { code: -32600, message: 'x', data } },
  } as never);

describe('studioSlug', () => {
  it('writes umlauts out and joins words with one hyphen', () => {
    expect(studioSlug('Kraftwerk Köln')).toBe('kraftwerk-koeln');
    expect(studioSlug('Fitness-Studio Müller & Söhne')).toBe('fitness-studio-mueller-soehne');
    expect(studioSlug('ÄRGER-FREI Gießen')).toBe('aerger-frei-giessen');
  });

  it('drops other accents and everything that is no letter or digit', () => {
    expect(studioSlug('Café Élan 24/7')).toBe('cafe-elan-24-7');
    expect(studioSlug('  --FitZone!!  ')).toBe('fitzone');
  });

  it('keeps a long name short, without a trailing hyphen', () => {
    const slug = studioSlug(`${'a'.repeat(59)} b`);
    expect(slug).toBe('a'.repeat(59));
    expect(studioSlug('x'.repeat(100))).toHaveLength(60);
  });

  it('is "studio" when nothing is left', () => {
    expect(studioSlug('')).toBe('studio');
    expect(studioSlug('💪 ✨')).toBe('studio');
    expect(studioSlug('スタジオ')).toBe('studio');
  });
});

describe('exportFileName', () => {
  it('names the studio and the day in the browser’s calendar', () => {
    const day = new Date(2026, 2, 5, 23, 30);
    expect(exportFileName('Kraftwerk Köln', day)).toBe(
      'pilar-export-kraftwerk-koeln-2026-03-05.json',
    );
    expect(exportFileName('', new Date(2026, 11, 31))).toBe('pilar-export-studio-2026-12-31.json');
  });
});

describe('deletionProblems', () => {
  const valid = {
    password: 'Sicheres-Passwort-2026',
    studioName: 'Kraftwerk Köln',
    understood: true,
  };

  it('finds nothing when the password, the name and the box are given', () => {
    expect(deletionProblems(valid, 'Kraftwerk Köln')).toEqual({});
    expect(
      deletionProblems({ ...valid, studioName: '  Kraftwerk Köln ' }, 'Kraftwerk Köln'),
    ).toEqual({});
  });

  it('refuses a name that is not the studio’s, exactly', () => {
    for (const typed of ['kraftwerk köln', 'Kraftwerk Koeln', 'Kraftwerk']) {
      expect(deletionProblems({ ...valid, studioName: typed }, 'Kraftwerk Köln')).toEqual({
        studioName: { own: 'studioNameMismatch' },
      });
    }
  });

  it('refuses empty fields by the contract, and the unticked box', () => {
    expect(
      deletionProblems({ password: '', studioName: ' ', understood: false }, 'Kraftwerk Köln'),
    ).toEqual({
      password: { problem: 'empty', params: {} },
      studioName: { problem: 'empty', params: {} },
      understood: { own: 'deletionNotConfirmed' },
    });
  });
});

describe('deletionRefusalProblems', () => {
  it('puts a wrong password at the password', () => {
    expect(deletionRefusalProblems(refusal({ domainCode: 'WRONG_PASSWORD' }))).toEqual({
      password: { refusal: 'WRONG_PASSWORD', params: {} },
    });
  });

  it('words the server’s notMatching at the name as the form does', () => {
    const error = refusal({
      domainCode: 'INVALID_INPUT',
      issues: [{ path: 'studioName', problem: 'notMatching', params: {}, message: 'x' }],
    });
    expect(deletionRefusalProblems(error)).toEqual({ studioName: { own: 'studioNameMismatch' } });
  });

  it('leaves other refusals to the form as a whole', () => {
    const limited = refusal({ domainCode: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: 30 });
    expect(deletionRefusalProblems(limited)).toEqual({});
  });
});
