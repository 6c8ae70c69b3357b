import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TENANT_CONFIG,
  fieldIssueOf,
  runIdSchema,
  SETTINGS_SECTIONS,
  sectionSaveSchema,
  signupInputSchema,
  tenantConfigSchema,
} from '../src/contracts/index.ts';

const valid = {
  studioName: 'FitZone Berlin',
  ownerEmail: 'owner@fitzone-berlin.de',
  password: 'SecurePassword123!',
  domain: 'fitzone-berlin.pilarsystems.com',
};

const messagesFor = (input: unknown) => {
  const result = signupInputSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
};

describe('signup contract', () => {
  it('accepts the specification example and normalises e-mail and domain', () => {
    const parsed = signupInputSchema.parse({
      ...valid,
      ownerEmail: '  Owner@FitZone-Berlin.DE ',
      domain: 'FitZone-Berlin.PilarSystems.com',
    });
    expect(parsed.ownerEmail).toBe('owner@fitzone-berlin.de');
    expect(parsed.domain).toBe('fitzone-berlin.pilarsystems.com');
  });

  it.each([
    [{ ...valid, ownerEmail: 'invalid-email' }, 'Invalid email format'],
    [{ ...valid, password: 'weak' }, 'Password must be at least 8 characters'],
    [{ ...valid, password: 'ä'.repeat(37) }, 'Password must be at most 72 bytes'],
    [{ ...valid, studioName: '   ' }, 'Studio name is required'],
    [{ ...valid, studioName: undefined }, 'Studio name is required'],
    [{ ...valid, studioName: 'x'.repeat(101) }, 'Studio name must be at most 100 characters'],
    [{ ...valid, studioName: 'Fit\u0000Zone' }, 'Studio name must not contain control characters'],
    [{ ...valid, ownerEmail: undefined }, 'Email is required'],
    [{ ...valid, ownerEmail: 42 }, 'Email must be text'],
    [{ ...valid, password: undefined }, 'Password is required'],
    [{ ...valid, domain: 'not a domain' }, 'Invalid domain format'],
    [{ ...valid, domain: '-bad-.com' }, 'Invalid domain format'],
  ])('refuses %j with "%s"', (input, message) => {
    expect(messagesFor(input)).toEqual([message]);
  });

  it('counts the 72-byte bcrypt limit in UTF-8 bytes, not characters', () => {
    expect(messagesFor({ ...valid, password: 'a'.repeat(72) })).toEqual([]);
    expect(messagesFor({ ...valid, password: 'ä'.repeat(36) })).toEqual([]);
    expect(messagesFor({ ...valid, password: `${'a'.repeat(71)}ä` })).toEqual([
      'Password must be at most 72 bytes',
    ]);
  });

  it.each([undefined, null, '', '   '])('treats domain %j as no domain', (domain) => {
    expect(signupInputSchema.parse({ ...valid, domain }).domain).toBeNull();
  });

  it('keeps emoji and umlauts in studio names', () => {
    expect(
      signupInputSchema.parse({ ...valid, studioName: 'Müller’s Kraftwerk 💪‍🔥' }).studioName,
    ).toBe('Müller’s Kraftwerk 💪‍🔥');
  });
});

describe('settings contract', () => {
  it('accepts the default configuration', () => {
    const parsed = tenantConfigSchema.parse(DEFAULT_TENANT_CONFIG);
    expect(parsed).toMatchObject(DEFAULT_TENANT_CONFIG);
    // Fields added after the specification start empty.
    expect(parsed.closingDays).toEqual([]);
    expect(parsed.businessHours.monday.additionalRanges).toEqual([]);
  });

  it.each([
    [
      { whatsapp: { ...DEFAULT_TENANT_CONFIG.whatsapp, maxMessageLength: 4097 } },
      'whatsapp.maxMessageLength',
    ],
    [{ voice: { ...DEFAULT_TENANT_CONFIG.voice, temperature: 2.5 } }, 'voice.temperature'],
    [{ timezone: 'Europe/Atlantis' }, 'timezone'],
    [{ currency: 'EURO' }, 'currency'],
    [{ studioRules: Array.from({ length: 31 }, () => 'Regel') }, 'studioRules'],
    [
      {
        businessHours: {
          ...DEFAULT_TENANT_CONFIG.businessHours,
          monday: { open: '25:00', close: '22:00', closed: false },
        },
      },
      'businessHours.monday.open',
    ],
  ])('refuses an out-of-range value (%#) at %s', (patch, path) => {
    const result = tenantConfigSchema.safeParse({ ...DEFAULT_TENANT_CONFIG, ...patch });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain(path);
  });

  it.each(['Europe/Berlin', 'UTC', 'Asia/Calcutta', 'europe/vienna'])(
    'accepts the time zone %s, canonical or as Intl also spells it',
    (timezone) => {
      expect(tenantConfigSchema.safeParse({ ...DEFAULT_TENANT_CONFIG, timezone }).success).toBe(
        true,
      );
    },
  );

  // zod/mini ships no message catalog: a check without its own message would say "Invalid input".
  it('names the field in every problem, whatever the wrong type', () => {
    const leaves = (value: unknown, path: string[] = []): string[][] =>
      value !== null && typeof value === 'object'
        ? Object.entries(value).flatMap(([key, inner]) => leaves(inner, [...path, key]))
        : [path];
    const withLeaf = (value: unknown, path: string[], replacement: unknown): unknown =>
      path.length === 0
        ? replacement
        : {
            ...(value as Record<string, unknown>),
            [path[0] as string]: withLeaf(
              (value as Record<string, unknown>)[path[0] as string],
              path.slice(1),
              replacement,
            ),
          };
    const { monday } = DEFAULT_TENANT_CONFIG.businessHours;
    const config = {
      ...DEFAULT_TENANT_CONFIG,
      businessHours: {
        ...DEFAULT_TENANT_CONFIG.businessHours,
        monday: {
          ...monday,
          close: '12:00',
          additionalRanges: [{ open: '14:00', close: '22:00' }],
        },
      },
      closingDays: [{ date: '2026-12-24', label: 'Heiligabend' }],
    };
    expect(tenantConfigSchema.safeParse(config).success).toBe(true);
    const paths = leaves(config);
    expect(paths.length).toBeGreaterThan(55);
    for (const path of paths) {
      for (const wrong of [null, {}, 'x'.repeat(5000), -1]) {
        const result = tenantConfigSchema.safeParse(withLeaf(config, path, wrong));
        for (const issue of result.error?.issues ?? []) {
          expect(
            issue.message,
            `${path.join('.')} = ${JSON.stringify(wrong).slice(0, 20)}`,
          ).not.toBe('Invalid input');
          // Browsers translate by the problem code: every check must name a specific one.
          expect(fieldIssueOf(issue).problem, `${path.join('.')}: ${issue.message}`).not.toBe(
            'invalid',
          );
        }
      }
    }
  });

  it('names the sections when a save names none of them', () => {
    const result = sectionSaveSchema.safeParse({
      section: 'colors',
      value: {},
      expectedVersion: 1,
    });
    expect(result.error?.issues[0]?.message).toBe(
      `Section must be one of: ${SETTINGS_SECTIONS.join(', ')}`,
    );
  });

  it.each([
    [{ studioName: ' ' }, 'studioName', 'empty', {}],
    [{ studioName: 'x'.repeat(101) }, 'studioName', 'tooLong', { max: 100 }],
    [{ studioName: 'Fit\u0007Zone' }, 'studioName', 'controlCharacters', {}],
    [{ ownerEmail: 'kaputt' }, 'ownerEmail', 'invalidEmail', {}],
    [{ password: 'kurz' }, 'password', 'tooShort', { min: 8 }],
    [{ password: 'ä'.repeat(40) }, 'password', 'tooManyBytes', { max: 72 }],
    [{ domain: 'https://fitzone.de' }, 'domain', 'invalidDomain', {}],
    [{ timezone: 'Mars/Olympus' }, 'timezone', 'unknownTimeZone', {}],
  ])(
    'names the problem of a signup field by code and parameters (%#: %s)',
    (patch, path, problem, params) => {
      const result = signupInputSchema.safeParse({ ...valid, ...patch });
      expect(result.error?.issues.map(fieldIssueOf)[0]).toMatchObject({ path, problem, params });
    },
  );

  it('names the problems of the settings by code, with the limits and the day they concern', () => {
    const issues = (patch: Record<string, unknown>) =>
      (
        tenantConfigSchema.safeParse({ ...DEFAULT_TENANT_CONFIG, ...patch }).error?.issues ?? []
      ).map(fieldIssueOf);
    const { businessHours } = DEFAULT_TENANT_CONFIG;
    expect(issues({ studioRules: Array.from({ length: 31 }, () => 'Regel') })).toMatchObject([
      { path: 'studioRules', problem: 'tooManyRules', params: { max: 30 } },
    ]);
    expect(issues({ voice: { ...DEFAULT_TENANT_CONFIG.voice, maxDuration: 10.5 } })).toMatchObject([
      { path: 'voice.maxDuration', problem: 'tooSmall', params: { min: 30 } },
      { path: 'voice.maxDuration', problem: 'notInteger' },
    ]);
    expect(
      issues({
        businessHours: {
          ...businessHours,
          sunday: { open: '20:00', close: '07:00', closed: false },
          monday: { open: '06:00', close: '22:00', closed: false },
        },
      }),
    ).toMatchObject([
      { path: 'businessHours.sunday.close', problem: 'overlapsNextDay', params: { day: 'monday' } },
    ]);
    expect(issues({ closingDays: [{ date: '2026-02-30', label: 'Nie' }] })).toMatchObject([
      { path: 'closingDays.0.date', problem: 'noSuchDate' },
    ]);
  });

  it('names a run id that is no run id as no such run', () => {
    const issue = runIdSchema.safeParse('../etc/passwd').error?.issues[0];
    expect(issue && fieldIssueOf(issue)).toMatchObject({
      problem: 'noSuchRun',
      message: 'Invalid run id',
    });
    expect(runIdSchema.safeParse('6f1c2a7e-4b1d-4c8e-9a2f-3d5e6f7a8b9c').success).toBe(true);
  });
});
