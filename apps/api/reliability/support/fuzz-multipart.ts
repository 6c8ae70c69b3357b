import { DOCUMENT_MAX_BYTES } from '@pilar/provisioning';
import fc from 'fast-check';
import { EVIL } from './forged-requests.ts';
import { type Answer, freshConnection, networkFailure, REQUEST_TIMEOUT_MS } from './fuzz-answer.ts';
import {
  anyString,
  CONTROL_CHARACTERS,
  hugeString,
  invalidUtf8,
  mixedScriptString,
  weighted,
} from './fuzz-inputs.ts';
import { trpcAnswer } from './fuzz-trpc.ts';
import { isObject } from './parse-json.ts';

/**
 * Fuzzed form uploads of the business details (`channels.submitPhoneVerification`): the
 * browser's multipart encoding of near-valid forms — fields junk, huge, missing, twice, a file
 * where text belongs and text where the file belongs, odd names, files of every size around
 * the limits and of the wrong kind — and hand-made bodies with broken framing.
 */

const PDF = [...Buffer.from('%PDF-1.7\n')];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff, 0xe0];
/** The tRPC server's body limit (11 MB): beyond it the upload is refused whole (413). */
const BODY_LIMIT = 11 * 1024 * 1024;

/** A file as a recipe (the bytes are made when sent: 1000 cases of 10 MB do not fit in memory). */
export interface FileSpec {
  name: string;
  type: string;
  /** The first bytes (a signature, or not); the rest up to `size` is `fill`. */
  head: readonly number[];
  size: number;
  fill: number;
}

export type Part = { name: string; text: string } | { name: string; file: FileSpec };

/** How a hand-made body is broken (the parts encoded with a boundary of its own). */
export type RawBreak =
  | { kind: 'cut'; at: number }
  | { kind: 'insert'; at: number; bytes: readonly number[] }
  | { kind: 'content-type'; value: string }
  | { kind: 'part-headers'; style: (typeof PART_HEADER_STYLES)[number] };

export interface MultipartCase {
  parts: Part[];
  /** Null: fetch encodes the form, as a browser does. */
  raw: RawBreak | null;
  origin: 'own' | 'none' | 'foreign';
  withCookie: boolean;
  batch: boolean;
}

export const FIELD_NAMES = ['businessName', 'street', 'postalCode', 'city', 'documentType'];

/** The fuzz owner's business: valid, with a file the sandbox's review rejects (see below). */
const VALID_TEXT: [string, string][] = [
  ['businessName', 'Fuzz Fitness GmbH'],
  ['street', 'Prüfstraße 12'],
  ['postalCode', '04109'],
  ['city', 'Leipzig'],
  ['documentType', 'business_registration'],
];

/**
 * Every file name says "reject": an accepted form goes into review and the sandbox rejects it,
 * so the phone stays open to the next one instead of locking on a live number.
 */
const fileName = fc
  .tuple(
    weighted('fuzz-', fc.oneof(anyString, mixedScriptString), 1, 2),
    fc.constantFrom('.pdf', '.PDF', '.png', '.jpg', '', '.pdf.exe', ' .pdf', '.pdf\u0000'),
  )
  .map(([prefix, suffix]) => `${prefix.slice(0, 300)}reject${suffix}`);

const fileType = fc.constantFrom(
  'application/pdf',
  'image/png',
  'image/jpeg',
  '',
  'text/html',
  'application/octet-stream',
  'application/x-msdownload',
  'multipart/form-data; boundary=x',
  'application/pdf; charset=utf-8',
);

const fileHead = fc.oneof(
  { weight: 6, arbitrary: fc.constant(PDF) },
  { weight: 2, arbitrary: fc.constantFrom(PNG, JPEG) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      [...Buffer.from('%PDF')],
      [...Buffer.from('%PDF-')],
      [...Buffer.from('%pdf-1.7')],
      [...Buffer.from('GIF89a')],
      [...Buffer.from('<html><script>')],
      [...Buffer.from('PK\u0003\u0004')],
      [0xff, 0xd8],
      [0x89, 0x50, 0x4e, 0x47],
      [0xef, 0xbb, 0xbf, ...PDF],
      [],
    ),
  },
  { weight: 2, arbitrary: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 32 }) },
);

/** Mostly small; now and then right around the 10 MB document limit or past the body limit. */
const fileSize = fc.oneof(
  { weight: 30, arbitrary: fc.integer({ min: 0, max: 4096 }) },
  { weight: 3, arbitrary: fc.constantFrom(0, 1, 4, 5, 8, 9) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      DOCUMENT_MAX_BYTES - 1,
      DOCUMENT_MAX_BYTES,
      DOCUMENT_MAX_BYTES + 1,
      BODY_LIMIT + 1,
    ),
  },
);

export const fileSpec: fc.Arbitrary<FileSpec> = fc.record({
  name: fileName,
  type: fileType,
  head: fileHead,
  size: fileSize,
  fill: fc.constantFrom(0x00, 0x20, 0x41, 0xff, 0x0a),
});

const VALID_DOCUMENT: FileSpec = {
  name: 'fuzz-gewerbeanmeldung-reject.pdf',
  type: 'application/pdf',
  head: PDF,
  size: 256,
  fill: 0x20,
};

const oddName = fc.oneof(
  anyString,
  fc.constantFrom(
    'BusinessName',
    'businessName ',
    'businessName[]',
    'businessName.0',
    'details[businessName]',
    'document[]',
    'Document',
    'documents',
    'file',
    'tenantId',
    '__proto__',
    'constructor',
    'prototype',
    '',
    '"',
    'a"; filename="x.pdf',
    'name\r\nContent-Type: text/html',
  ),
);

const textValue = fc.oneof(
  { weight: 8, arbitrary: anyString },
  { weight: 1, arbitrary: hugeString },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '10115',
      '1011',
      '101155',
      ' 10115 ',
      '1O115',
      '١٠١١٥',
      'commercial_register_extract',
      'passport',
      'BUSINESS_REGISTRATION',
      'x'.repeat(120),
      'x'.repeat(121),
      'x'.repeat(80),
      'x'.repeat(81),
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom(...VALID_TEXT.map(([, value]) => value)),
        fc.constantFrom(...CONTROL_CHARACTERS),
      )
      .map(([value, control]) => `${value}${control}`),
  },
);

/** One change to the valid form; indexes pick a part modulo the form's length. */
type Mutation =
  | { op: 'text'; index: number; text: string }
  | { op: 'drop'; index: number }
  | { op: 'twice'; index: number; text: string | null }
  | { op: 'as-file'; index: number; file: FileSpec }
  | { op: 'document-as-text'; text: string }
  | { op: 'document'; file: FileSpec }
  | { op: 'rename'; index: number; name: string }
  | { op: 'extra'; name: string; value: string | FileSpec }
  | { op: 'reverse' };

const index = fc.nat({ max: 5 });

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant('text' as const), index, text: textValue }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('drop' as const), index }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('twice' as const),
      index,
      text: fc.option(textValue, { nil: null }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('as-file' as const), index, file: fileSpec }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('document-as-text' as const), text: textValue }),
  },
  { weight: 6, arbitrary: fc.record({ op: fc.constant('document' as const), file: fileSpec }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('rename' as const), index, name: oddName }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('extra' as const),
      name: oddName,
      value: fc.oneof(textValue, fileSpec),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ op: 'reverse' as const }) },
);

const isFilePart = (part: Part): part is { name: string; file: FileSpec } => 'file' in part;

const applyMutation = (parts: Part[], change: Mutation): Part[] => {
  const at = (i: number) => i % Math.max(parts.length, 1);
  const copy = [...parts];
  switch (change.op) {
    case 'text': {
      const part = copy[at(change.index)];
      if (part) copy[at(change.index)] = { name: part.name, text: change.text };
      return copy;
    }
    case 'drop':
      copy.splice(at(change.index), 1);
      return copy;
    case 'twice': {
      const part = copy[at(change.index)];
      if (part) copy.push(change.text === null ? part : { name: part.name, text: change.text });
      return copy;
    }
    case 'as-file': {
      const part = copy[at(change.index)];
      if (part) copy[at(change.index)] = { name: part.name, file: change.file };
      return copy;
    }
    case 'document-as-text':
      return copy.map((part) =>
        part.name === 'document' ? { name: 'document', text: change.text } : part,
      );
    case 'document':
      return copy.map((part) =>
        part.name === 'document' ? { name: 'document', file: change.file } : part,
      );
    case 'rename': {
      const part = copy[at(change.index)];
      if (part) copy[at(change.index)] = { ...part, name: change.name };
      return copy;
    }
    case 'extra':
      copy.push(
        typeof change.value === 'string'
          ? { name: change.name, text: change.value }
          : { name: change.name, file: change.value },
      );
      return copy;
    case 'reverse':
      return copy.reverse();
  }
};

const VALID_PARTS: Part[] = [
  ...VALID_TEXT.map(([name, text]) => ({ name, text })),
  { name: 'document', file: VALID_DOCUMENT },
];

const PART_HEADER_STYLES = [
  'no-name',
  'no-disposition',
  'filename-star',
  'unquoted',
  'extra-headers',
  'lf-only',
  'attachment',
] as const;

const contentTypes = fc.constantFrom(
  'multipart/form-data; boundary=another-boundary',
  'multipart/form-data; boundary=',
  'multipart/form-data; charset=utf-8',
  'multipart/form-data; boundary="fuzz-boundary"',
  'multipart/form-data;boundary=fuzz-boundary',
  'Multipart/Form-Data; BOUNDARY=fuzz-boundary',
  'multipart/form-data; boundary=fuzz-boundary; boundary=other',
  `multipart/form-data; boundary=${'b'.repeat(71)}`,
  'multipart/form-data',
  'multipart/mixed; boundary=fuzz-boundary',
  'multipart/form-data ; boundary=fuzz-boundary',
  'application/json',
  'application/x-www-form-urlencoded',
);

const rawBreak: fc.Arbitrary<RawBreak> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(),
      bytes: fc.oneof(
        invalidUtf8,
        fc.constantFrom(
          [...Buffer.from('\r\n')],
          [...Buffer.from('--fuzz-boundary\r\n')],
          [...Buffer.from('--fuzz-boundary--\r\n')],
          [...Buffer.from('\r\n\r\n')],
          [...Buffer.from('"')],
          [0],
        ),
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('content-type' as const), value: contentTypes }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('part-headers' as const),
      style: fc.constantFrom(...PART_HEADER_STYLES),
    }),
  },
);

export const multipartCase: fc.Arbitrary<MultipartCase> = fc.record({
  parts: fc.oneof(
    { weight: 1, arbitrary: fc.constant(VALID_PARTS) },
    {
      weight: 9,
      arbitrary: fc
        .array(mutation, { minLength: 1, maxLength: 3 })
        .map((changes) => changes.reduce(applyMutation, VALID_PARTS)),
    },
  ),
  raw: weighted<RawBreak | null>(null, rawBreak, 1, 4),
  origin: weighted<'own' | 'none' | 'foreign'>('own', fc.constantFrom('none', 'foreign'), 1, 24),
  withCookie: weighted(true, fc.constant(false), 1, 24),
  batch: weighted(false, fc.constant(true), 1, 39),
});

const bytesOf = ({ head, size, fill }: FileSpec) => {
  const bytes = Buffer.alloc(size, fill);
  Buffer.from(head).copy(bytes, 0, 0, Math.min(head.length, size));
  return bytes;
};

/** The form as the browser's FormData. */
const formDataOf = (parts: Part[]) => {
  const form = new FormData();
  for (const part of parts) {
    if (isFilePart(part)) {
      form.append(
        part.name,
        new File([bytesOf(part.file)], part.file.name, { type: part.file.type }),
      );
    } else form.append(part.name, part.text);
  }
  return form;
};

const BOUNDARY = 'fuzz-boundary';
const quoted = (text: string) => text.replace(/["\r\n]/g, (c) => encodeURIComponent(c));

const partHeaders = (part: Part, style: RawBreak | null) => {
  const kind = style?.kind === 'part-headers' ? style.style : null;
  const file = isFilePart(part) ? part.file : null;
  const disposition =
    kind === 'no-name'
      ? 'form-data'
      : kind === 'unquoted'
        ? `form-data; name=${part.name}${file ? `; filename=${file.name}` : ''}`
        : kind === 'filename-star' && file
          ? `form-data; name="${quoted(part.name)}"; filename*=UTF-8''${encodeURIComponent(file.name)}`
          : kind === 'attachment'
            ? `attachment; name="${quoted(part.name)}"`
            : `form-data; name="${quoted(part.name)}"${file ? `; filename="${quoted(file.name)}"` : ''}`;
  const lines = [
    ...(kind === 'no-disposition' ? [] : [`Content-Disposition: ${disposition}`]),
    ...(file ? [`Content-Type: ${file.type || 'application/octet-stream'}`] : []),
    ...(kind === 'extra-headers'
      ? ['Content-Transfer-Encoding: base64', `X-${'h'.repeat(500)}: 1`]
      : []),
  ];
  const eol = kind === 'lf-only' ? '\n' : '\r\n';
  return Buffer.from(`--${BOUNDARY}${eol}${lines.join(eol)}${eol}${eol}`);
};

/** The form encoded by hand and broken as `raw` says; with the content type to send. */
const rawBodyOf = (parts: Part[], raw: RawBreak) => {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(partHeaders(part, raw));
    chunks.push(isFilePart(part) ? bytesOf(part.file) : Buffer.from(part.text));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  let body = Buffer.concat(chunks);
  if (raw.kind === 'cut') body = body.subarray(0, raw.at % (body.length + 1));
  if (raw.kind === 'insert') {
    const at = raw.at % (body.length + 1);
    body = Buffer.concat([body.subarray(0, at), Buffer.from(raw.bytes), body.subarray(at)]);
  }
  const contentType =
    raw.kind === 'content-type' ? raw.value : `multipart/form-data; boundary=${BOUNDARY}`;
  return { body, contentType };
};

/** Labels in the tally: the form's size class, so a 413 or a big accepted file shows as such. */
const sizeClass = (parts: Part[]) => {
  const biggest = Math.max(0, ...parts.map((part) => (isFilePart(part) ? part.file.size : 0)));
  return biggest > DOCUMENT_MAX_BYTES
    ? ' (>10 MB file)'
    : biggest > 1024 * 1024
      ? ' (~10 MB file)'
      : '';
};

/**
 * Sends one case to `channels.submitPhoneVerification` with `cookie`: an accepted form must be
 * answered with the review's stage, anything else with a tRPC error or the guard's refusal.
 */
export const sendMultipart = async (
  baseUrl: string,
  cookie: string,
  input: MultipartCase,
): Promise<Answer> => {
  const headers = freshConnection();
  if (input.withCookie) headers.set('cookie', cookie);
  if (input.origin !== 'none') headers.set('origin', input.origin === 'own' ? baseUrl : EVIL);
  let body: FormData | Buffer;
  if (input.raw) {
    const encoded = rawBodyOf(input.parts, input.raw);
    headers.set('content-type', encoded.contentType);
    body = encoded.body;
  } else body = formDataOf(input.parts);
  const url = `${baseUrl}/trpc/channels.submitPhoneVerification${input.batch ? '?batch=1' : ''}`;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers,
      body,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const answer = await trpcAnswer(response, input.batch);
    const label = `${answer.label}${input.raw ? ' raw' : ''}${sizeClass(input.parts)}`;
    if (!answer.accepted) return { ...answer, label };
    const stage = isObject(answer.data) ? answer.data.stage : undefined;
    return {
      ...answer,
      label,
      malformed:
        answer.malformed ?? (stage === 'in_review' ? null : `accepted as ${String(stage)}`),
    };
  } catch (error) {
    return networkFailure(error);
  }
};
