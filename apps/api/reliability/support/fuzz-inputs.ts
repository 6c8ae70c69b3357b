import fc from 'fast-check';

/**
 * Generators for the fuzzing proof: junk of every JSON type, strings validators and databases
 * trip on (control characters, mixed scripts, lone surrogates, boundary lengths, huge), "near
 * valid" inputs (a valid one with one field broken) and raw bodies that are not JSON at all.
 */

/** C0 controls, DEL, C1 NEL, bidi overrides, zero-width and non-characters, lone surrogates. */
export const CONTROL_CHARACTERS = [
  ...Array.from({ length: 0x20 }, (_, code) => String.fromCharCode(code)),
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u00ad',
  '\u200b',
  '\u200d',
  '\u200e',
  '\u200f',
  '\u2028',
  '\u2029',
  '\u202a',
  '\u202e',
  '\u2066',
  '\u2069',
  '\ufeff',
  '\ufffd',
  '\ufffe',
  '\uffff',
  '\ud800',
  '\udfff',
];

/** Latin with diacritics, Cyrillic, Greek, Arabic, Hebrew, CJK, Indic, emoji, combining marks. */
export const SCRIPT_SAMPLES = [
  'Straße',
  'Ångström',
  'Zoë',
  'İstanbul ı',
  'ﬁtness',
  'Привет',
  'Жёлтый зал',
  'Ελληνικά',
  'مرحبا بالعالم',
  'صالة رياضية',
  'שלום',
  '漢字',
  '東京フィットネス',
  '健身房',
  '한국어 헬스장',
  'हिन्दी',
  'ไทย',
  '٣٤٥',
  'Ⅻ',
  '𝕏𝔂𝖟',
  '💪',
  '🏋️‍♀️',
  '👨‍👩‍👧‍👦',
  '🇩🇪',
  '🧘🏽',
  'e\u0301',
  'a\u0308\u0323',
  'Z\u0336a\u0337l\u0338g\u0335o\u0489',
  '\u0301\u0301\u0301',
];

/** Strings with a meaning somewhere: keywords, injections, escapes, broken percent-encoding. */
export const TRICKY_STRINGS = [
  '',
  ' ',
  '   ',
  '\t\n',
  'null',
  'undefined',
  'true',
  'false',
  '0',
  '-1',
  '1.5',
  '1e5',
  '0x10',
  'NaN',
  'Infinity',
  '-Infinity',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  "' OR '1'='1' --",
  '"; drop table tenants; --',
  "'); select pg_sleep(1); --",
  '<script>alert(1)</script>',
  '$\u{7b}7*7}', // a template placeholder
  '{{7*7}}',
  '../../../etc/passwd',
  '..',
  '.',
  '%',
  '%%',
  '%00',
  '%2F',
  '%E0%A4%A',
  '%ZZ',
  '%uD800',
  '\\',
  '\\u0000',
  '\\"',
  'a@b',
  'owner@',
  '@example.com',
  'a@b.c',
  'owner@example.com ',
  'OWNER@EXAMPLE.COM',
  'user@[127.0.0.1]',
  '"quoted"@example.com',
  'example.com',
  '-example.com',
  'example..com',
  'xn--mnchen-3ya.de',
  'münchen.de',
  'localhost',
  'Europe/Berlin',
  'europe/berlin',
  'Mars/Olympus',
  'UTC',
  'EUR',
  'eur',
  'XXX',
  'subscribe',
  'SUBSCRIBE',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF',
  '123e4567-e89b-12d3-a456-426614174000',
  '123e4567e89b12d3a456426614174000',
  '{123e4567-e89b-12d3-a456-426614174000}',
  '123e4567-e89b-12d3-a456-42661417400',
];

const oneCharOf = (values: readonly string[]) => fc.constantFrom(...values);
const singleGrapheme = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 });

export const controlString = fc.string({
  unit: fc.oneof(
    oneCharOf(CONTROL_CHARACTERS),
    fc.string({ unit: 'grapheme-ascii', maxLength: 3 }),
  ),
  minLength: 1,
  maxLength: 40,
});

export const mixedScriptString = fc.string({
  unit: fc.oneof(
    { arbitrary: oneCharOf(SCRIPT_SAMPLES), weight: 4 },
    { arbitrary: singleGrapheme, weight: 2 },
    { arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 4 }), weight: 2 },
    { arbitrary: oneCharOf(CONTROL_CHARACTERS), weight: 1 },
  ),
  minLength: 1,
  maxLength: 30,
});

/** Lengths just around the limits of the contracts (names, e-mails, keys, passwords, texts). */
const BOUNDARY_LENGTHS = [
  1, 2, 7, 8, 63, 64, 65, 72, 73, 99, 100, 101, 253, 254, 255, 256, 300, 301, 500, 501, 1000, 1001,
  1024, 1025, 2000, 2001, 4096, 4097,
];

const repeatTo = (piece: string, length: number) =>
  piece.repeat(Math.ceil(length / Math.max(piece.length, 1))).slice(0, length);

const fillPiece = fc.oneof(
  fc.constantFrom('a', 'x', 'ä', 'Ж', '漢', '💪', 'e\u0301', ' ', '\u0000', '.', '-', '9'),
  mixedScriptString,
);

export const boundaryString = fc
  .tuple(fillPiece, fc.constantFrom(...BOUNDARY_LENGTHS))
  .map(([piece, length]) => repeatTo(piece, length));

/** 16–100 kB: past the REST body limit, past Node's header limit in a URL. */
export const hugeString = fc
  .tuple(fillPiece, fc.integer({ min: 16 * 1024, max: 100 * 1024 }))
  .map(([piece, length]) => repeatTo(piece, length));

export const numericString = fc.oneof(
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 400 }),
  fc.constantFrom('2147483647', '2147483648', '9223372036854775807', '9223372036854775808'),
);

export const anyString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...TRICKY_STRINGS), weight: 4 },
  { arbitrary: controlString, weight: 4 },
  { arbitrary: mixedScriptString, weight: 4 },
  { arbitrary: boundaryString, weight: 2 },
  { arbitrary: numericString, weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 30 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 30 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }), weight: 2 },
  { arbitrary: fc.string({ maxLength: 30 }), weight: 2 },
  { arbitrary: fc.uuid(), weight: 1 },
  { arbitrary: fc.emailAddress(), weight: 1 },
  { arbitrary: fc.domain(), weight: 1 },
);

export const anyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer(),
  fc.maxSafeInteger(),
  fc.double(),
  fc.constantFrom(
    0,
    -0,
    1,
    -1,
    0.5,
    1.5,
    2,
    29,
    30,
    60,
    61,
    1999,
    2000,
    2100,
    2101,
    3600,
    3601,
    4096,
    4097,
    60_000,
    60_001,
    2 ** 31 - 1,
    2 ** 31,
    2 ** 32,
    2 ** 53 - 1,
    2 ** 53,
    2 ** 63,
    1e308,
    -1e308,
    Number.MIN_VALUE,
    Number.EPSILON,
  ),
);

/** Anything a client could put where a field belongs (undefined drops the field in JSON). */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.anything(), weight: 3 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 2 },
  { arbitrary: anyString, weight: 8 },
  { arbitrary: anyNumber, weight: 3 },
  { arbitrary: fc.constantFrom(null, true, false, undefined, [], {}, [null], ['']), weight: 2 },
  { arbitrary: fc.array(anyString, { maxLength: 5 }), weight: 1 },
  { arbitrary: fc.dictionary(anyString, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }), weight: 1 },
  { arbitrary: hugeString, weight: 1 },
);

type Path = (string | number)[];
type Json = Record<string, unknown> | unknown[];

const isContainer = (value: unknown): value is Json => typeof value === 'object' && value !== null;

/** Every path to a value inside `value` (not the root itself). */
export const pathsOf = (value: unknown, prefix: Path = []): Path[] => {
  if (!isContainer(value)) return [];
  const keys: (string | number)[] = Array.isArray(value)
    ? value.map((_, index) => index)
    : Object.keys(value);
  return keys.flatMap((key) => {
    const path = [...prefix, key];
    return [path, ...pathsOf((value as Record<string | number, unknown>)[key], path)];
  });
};

/** An own property even for `__proto__`, so JSON.stringify sends it as a key. */
const put = (target: Json, key: string | number, value: unknown) => {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
};

const edit = (valid: unknown, path: Path, change: (parent: Json, key: string | number) => void) => {
  const copy = structuredClone(valid) as Json;
  let parent: Json = copy;
  for (const key of path.slice(0, -1))
    parent = (parent as Record<string | number, unknown>)[key] as Json;
  change(parent, path[path.length - 1] as string | number);
  return copy;
};

const valueAt = (value: unknown, path: Path) =>
  path.reduce<unknown>((at, key) => (at as Record<string | number, unknown>)[key], value);

/** A character that is valid JSON but may not be valid further down (jsonb, logs, headers). */
const insertion = fc.oneof(
  { weight: 3, arbitrary: oneCharOf(CONTROL_CHARACTERS) },
  { weight: 1, arbitrary: oneCharOf(SCRIPT_SAMPLES) },
);

/**
 * A valid input with one thing broken: a field replaced by junk, dropped, an extra key, or a
 * control character / another script slipped into one of its valid strings.
 */
export const nearValid = (valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
  valid.chain((base) => {
    const paths = pathsOf(base);
    if (paths.length === 0 || !isContainer(base)) return junk;
    const path = fc.constantFrom(...paths);
    const textPaths = paths.filter((at) => typeof valueAt(base, at) === 'string');
    const twisted =
      textPaths.length === 0
        ? junk
        : fc
            .tuple(fc.constantFrom(...textPaths), fc.nat(), insertion)
            .map(([at, position, inserted]) =>
              edit(base, at, (parent, key) => {
                const text = String((parent as Record<string | number, unknown>)[key]);
                const index = position % (text.length + 1);
                put(parent, key, text.slice(0, index) + inserted + text.slice(index));
              }),
            );
    return fc.oneof(
      { weight: 3, arbitrary: twisted },
      {
        weight: 6,
        arbitrary: fc
          .tuple(path, junk)
          .map(([at, value]) => edit(base, at, (parent, key) => put(parent, key, value))),
      },
      {
        weight: 2,
        arbitrary: path.map((at) =>
          edit(base, at, (parent, key) => {
            if (Array.isArray(parent)) parent.splice(Number(key), 1);
            else delete parent[key as string];
          }),
        ),
      },
      {
        weight: 1,
        arbitrary: fc.tuple(anyString, junk).map(([key, value]) => {
          const copy = structuredClone(base) as Json;
          // An array gets an extra element: a key like "4294967294" would make it sparse and huge.
          if (Array.isArray(copy)) copy.push(value);
          else put(copy, key, value);
          return copy;
        }),
      },
      { weight: 1, arbitrary: fc.constant([base]) },
    );
  });

/** Texts that are not JSON, or JSON that is built to hurt (deep nesting, prototype keys). */
export const malformedJsonText = (valid: fc.Arbitrary<unknown>): fc.Arbitrary<string> => {
  const validText = valid.map((value) => JSON.stringify(value) ?? 'null');
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc
        .tuple(validText, fc.nat())
        .map(([text, cut]) => text.slice(0, cut % Math.max(text.length, 1))),
    },
    {
      weight: 3,
      arbitrary: fc
        .tuple(
          validText,
          fc.nat(),
          fc.constantFrom('"', "'", ',', ':', '{', '}', '[', ']', '\\', '\u0000', '\n', '\ud800'),
        )
        .map(([text, at, insert]) => {
          const index = at % (text.length + 1);
          return text.slice(0, index) + insert + text.slice(index);
        }),
    },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        '',
        ' ',
        '{',
        '}',
        '[',
        '{"a":}',
        '{"a" 1}',
        "{'a': 1}",
        '{a: 1}',
        '[1,]',
        '{"a":1,}',
        'NaN',
        'undefined',
        'nul',
        'tru',
        '01',
        '1e400',
        '-',
        '"unterminated',
        '"\\x00"',
        '"\\ud800"',
        '{"a":"\u0000"}',
        '\ufeff{}',
        '{}{}',
        '{"__proto__":{"polluted":true}}',
        '{"constructor":{"prototype":{"polluted":true}}}',
        '[{"__proto__":null}]',
        '{"a":1,"a":2}',
        `${'['.repeat(8_000)}${']'.repeat(8_000)}`,
        `{"a":${'['.repeat(8_000)}${']'.repeat(8_000)}}`,
        `${'{"a":'.repeat(3_000)}1${'}'.repeat(3_000)}`,
        `${'['.repeat(200_000)}${']'.repeat(200_000)}`,
        `${'['.repeat(50_000)}`,
      ),
    },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
    { weight: 1, arbitrary: anyString },
  );
};

/** Byte sequences that are not UTF-8: stray continuation bytes, overlongs, encoded surrogates. */
export const invalidUtf8 = fc.oneof(
  fc.constantFrom(
    [0xff],
    [0xfe, 0xff],
    [0xc3, 0x28],
    [0xc0, 0xaf],
    [0xe0, 0x80, 0xaf],
    [0xed, 0xa0, 0x80],
    [0xf4, 0x90, 0x80, 0x80],
    [0x80],
    [0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d],
  ),
  fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 64 }),
  fc
    .tuple(fc.string({ maxLength: 20 }), fc.integer({ min: 0x80, max: 0xff }))
    .map(([text, byte]) => [
      ...new TextEncoder().encode(`{"studioName":"${text}`),
      byte,
      0x22,
      0x7d,
    ]),
);

/** What a request carries: a value to send as JSON, a raw text, or raw bytes. */
export type Payload =
  | { kind: 'value'; value: unknown }
  | { kind: 'text'; text: string }
  | { kind: 'bytes'; bytes: number[] };

/** Mostly structured values (junk or near valid), some raw malformed JSON, a few non-UTF-8 bodies. */
export const payloadOf = (valid: fc.Arbitrary<unknown> | null): fc.Arbitrary<Payload> => {
  const structured = valid
    ? fc.oneof({ arbitrary: junk, weight: 4 }, { arbitrary: nearValid(valid), weight: 6 })
    : junk;
  return fc.oneof(
    { weight: 16, arbitrary: structured.map((value) => ({ kind: 'value' as const, value })) },
    {
      weight: 3,
      arbitrary: malformedJsonText(valid ?? fc.jsonValue({ maxDepth: 2 })).map((text) => ({
        kind: 'text' as const,
        text,
      })),
    },
    {
      weight: 1,
      arbitrary: invalidUtf8.map((bytes) => ({ kind: 'bytes' as const, bytes: [...bytes] })),
    },
  );
};

/** The payload as request body text/bytes; undefined means "no body" (or no input parameter). */
export const bodyOf = (payload: Payload): string | Uint8Array | undefined => {
  if (payload.kind === 'text') return payload.text;
  if (payload.kind === 'bytes') return Uint8Array.from(payload.bytes);
  return JSON.stringify(payload.value);
};

/** The payload percent-encoded for a query string (raw bytes stay raw bytes). */
export const queryValueOf = (payload: Payload): string | undefined => {
  if (payload.kind === 'bytes') {
    return payload.bytes.map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
  }
  const text = payload.kind === 'text' ? payload.text : JSON.stringify(payload.value);
  return text === undefined
    ? undefined
    : encodeURIComponent(text.replace(/[\ud800-\udfff]/g, '\ufffd'));
};

/** Header values fetch can send (Latin-1 without controls but tab): printable, spaces, long. */
export const headerValue = fc
  .oneof(
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 40 }) },
    { weight: 2, arbitrary: fc.uuid() },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom('k', '!', '~', ' ', 'é', '\t'), fc.constantFrom(...BOUNDARY_LENGTHS))
        .map(([piece, length]) => piece.repeat(length)),
    },
    { weight: 1, arbitrary: fc.constantFrom('', ' ', 'a b', 'ÿ', '\u00a0key', '"key"', 'key,key') },
  )
  // Other control characters are refused by fetch itself before anything is sent.
  .map((value) => value.replace(/[^\t\x20-\x7e\x80-\xff]/g, ''));

/** Mostly `common`, now and then one of `rare` (by default 1 in 20). */
export const weighted = <T>(common: T, rare: fc.Arbitrary<T>, rareWeight = 1, commonWeight = 19) =>
  fc.oneof(
    { weight: commonWeight, arbitrary: fc.constant(common) },
    { weight: rareWeight, arbitrary: rare },
  );

/** Mostly JSON; sometimes a variant of it, another type, or no Content-Type at all. */
export const jsonContentType = weighted(
  'application/json' as string | null,
  fc.constantFrom(
    'application/json; charset=utf-8',
    'Application/JSON',
    'application/vnd.api+json',
    'application/json;charset=latin1',
    'application/json ; x=y',
    null,
    'text/plain',
    'text/plain;charset=UTF-8',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=fuzz',
    'application/octet-stream',
    'application/jsonx',
    'json',
    '',
  ),
  3,
);

/** A generated value as text for a URL (a string as it is, anything else as JSON). */
export const textOf = (value: unknown) =>
  typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
