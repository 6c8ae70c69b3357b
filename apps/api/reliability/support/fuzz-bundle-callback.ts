import fc from 'fast-check';
import { bundleCallbackUrl, forgedSignature } from './bundle-callback.ts';
import { EVIL } from './forged-requests.ts';
import {
  type Answer,
  clip,
  freshConnection,
  isHeaderOverflow,
  networkFailure,
  REQUEST_TIMEOUT_MS,
} from './fuzz-answer.ts';
import {
  anyString,
  headerValue,
  hugeString,
  invalidUtf8,
  nearValid,
  textOf,
  weighted,
} from './fuzz-inputs.ts';
import type { FuzzOwner } from './fuzz-target.ts';

/** The route's body limit: a bigger body is refused (413) before the signature is looked at. */
export const CALLBACK_BODY_LIMIT = 16 * 1024;
const ROUTE = /^\/webhooks\/twilio\/bundles\/[^/]+$/;

/** One fuzzed request to the carrier's bundle callback, POST /webhooks/twilio/bundles/:tenantId. */
export interface BundleCase {
  method: string;
  segment: string;
  /** An extra query string (the signed URL is the whole URL, query included). */
  query: string;
  body:
    | { kind: 'form'; pairs: unknown }
    | { kind: 'text'; text: string }
    | { kind: 'bytes'; bytes: readonly number[] }
    | { kind: 'sized'; size: number }
    | { kind: 'stream'; size: number }
    | { kind: 'none' };
  contentType: string | null;
  signature:
    | { kind: 'none' }
    | { kind: 'value'; value: string }
    | { kind: 'guessed-key'; key: string }
    | { kind: 'twice'; value: string };
  origin: string | null;
  withCookie: boolean;
}

const TWILIO_FIELDS: [string, string][] = [
  ['AccountSid', `AC${'0'.repeat(32)}`],
  ['BundleSid', `BU${'1'.repeat(32)}`],
  ['Status', 'twilio-approved'],
  ['FailureReason', ''],
];

/** A single path segment that stays one (no dot-segment the URL parser would resolve). */
const asSegment = (text: string) => {
  const encoded = encodeURIComponent(text.replace(/[\ud800-\udfff]/g, ''));
  return /^(\.|%2e){0,2}$/i.test(encoded) ? `x${encoded}` : encoded;
};

const segmentOf = (owner: FuzzOwner) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.constant(owner.tenantId) },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 3, arbitrary: anyString.map((text) => asSegment(text.slice(0, 2000))) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '%',
        '%E0%A4%A',
        '%ZZ',
        '%00',
        '%2F',
        '%2Fetc%2Fpasswd',
        'null',
        'undefined',
        owner.tenantId.toUpperCase(),
        `${owner.tenantId}%00`,
        `%20${owner.tenantId}`,
        `${owner.tenantId}%2Fextra`,
        `${owner.tenantId};drop`,
        encodeURIComponent(owner.tenantId),
        '00000000-0000-0000-0000-000000000000',
        asSegment("' OR '1'='1"),
      ),
    },
  );

const body: fc.Arbitrary<BundleCase['body']> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .oneof(
        { weight: 4, arbitrary: nearValid(fc.constant(TWILIO_FIELDS)) },
        { weight: 1, arbitrary: fc.constant(TWILIO_FIELDS) },
        {
          weight: 2,
          arbitrary: fc.array(
            fc.tuple(
              fc.oneof(fc.constantFrom(...TWILIO_FIELDS.map(([name]) => name)), anyString),
              fc.oneof(anyString, hugeString),
            ),
            { maxLength: 6 },
          ),
        },
      )
      .map((pairs) => ({ kind: 'form' as const, pairs })),
  },
  { weight: 2, arbitrary: anyString.map((text) => ({ kind: 'text' as const, text })) },
  { weight: 1, arbitrary: invalidUtf8.map((bytes) => ({ kind: 'bytes' as const, bytes })) },
  {
    weight: 2,
    arbitrary: fc
      .oneof(
        fc.constantFrom(0, CALLBACK_BODY_LIMIT - 1, CALLBACK_BODY_LIMIT, CALLBACK_BODY_LIMIT + 1),
        fc.integer({ min: CALLBACK_BODY_LIMIT + 1, max: 200 * 1024 }),
      )
      .map((size) => ({ kind: 'sized' as const, size })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(1, CALLBACK_BODY_LIMIT, CALLBACK_BODY_LIMIT + 1, 64 * 1024)
      .map((size) => ({ kind: 'stream' as const, size })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
);

const signature: fc.Arbitrary<BundleCase['signature']> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: 'none' as const }) },
  { weight: 3, arbitrary: headerValue.map((value) => ({ kind: 'value' as const, value })) },
  {
    weight: 3,
    arbitrary: fc
      .oneof(fc.constantFrom('', 'auth-token', 'secret', 'twilio'), headerValue)
      .map((key) => ({ kind: 'guessed-key' as const, key })),
  },
  { weight: 1, arbitrary: headerValue.map((value) => ({ kind: 'twice' as const, value })) },
);

export const bundleCase = (owner: FuzzOwner): fc.Arbitrary<BundleCase> =>
  fc.record({
    method: weighted(
      'POST',
      fc.constantFrom('GET', 'HEAD', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'),
      1,
      9,
    ),
    segment: segmentOf(owner),
    query: weighted(
      '',
      fc.oneof(
        fc.constantFrom('?', '?a=b', '?tenantId=x', '?Status=twilio-approved'),
        anyString.map((text) => `?q=${encodeURIComponent(text.replace(/[\ud800-\udfff]/g, ''))}`),
      ),
      1,
      9,
    ),
    body,
    contentType: weighted(
      'application/x-www-form-urlencoded' as string | null,
      fc.constantFrom(
        null,
        'application/json',
        'text/plain',
        'multipart/form-data; boundary=x',
        'application/x-www-form-urlencoded; charset=latin1',
        'application/octet-stream',
        '',
      ),
      1,
      3,
    ),
    signature,
    origin: weighted(null as string | null, fc.constantFrom(EVIL, 'null'), 1, 4),
    withCookie: weighted(false, fc.constant(true), 1, 4),
  });

const pairsOf = (pairs: unknown): [string, string][] =>
  (Array.isArray(pairs) ? pairs : [pairs]).map((pair): [string, string] =>
    Array.isArray(pair) ? [textOf(pair[0]), textOf(pair[1])] : [textOf(pair), ''],
  );

/** A streamed body of `size` bytes, sent without a Content-Length (chunked). */
const streamOf = (size: number) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (let sent = 0; sent < size; sent += 4096)
        controller.enqueue(new Uint8Array(Math.min(4096, size - sent)).fill(0x61));
      controller.close();
    },
  });

const bodyOf = (
  input: BundleCase,
): { body?: string | Uint8Array | ReadableStream<Uint8Array>; size: number } => {
  const { body } = input;
  switch (body.kind) {
    case 'form': {
      const text = new URLSearchParams(pairsOf(body.pairs)).toString();
      return { body: text, size: Buffer.byteLength(text) };
    }
    case 'text':
      return { body: body.text, size: Buffer.byteLength(body.text) };
    case 'bytes':
      return { body: Uint8Array.from(body.bytes), size: body.bytes.length };
    case 'sized':
      return { body: 'a'.repeat(body.size), size: body.size };
    case 'stream':
      return { body: streamOf(body.size), size: body.size };
    case 'none':
      return { size: 0 };
  }
};

/** What the route must answer: 405 but to POST, then 413 past the limit, else 403 unsigned. */
const expectedStatus = (method: string, size: number) =>
  method !== 'POST' ? 405 : size > CALLBACK_BODY_LIMIT ? 413 : 403;

/**
 * Sends one case (with the owner's cookie if it says so). Nothing is signed with the account's
 * token (the sandbox signs nothing), so nothing may be accepted; every answer is plain text.
 */
export const sendBundleCallback = async (
  baseUrl: string,
  cookie: string,
  input: BundleCase,
): Promise<Answer> => {
  const url = `${bundleCallbackUrl(baseUrl, input.segment)}${input.query}`;
  if (!ROUTE.test(new URL(url).pathname))
    return {
      status: 0,
      label: 'not the route',
      accepted: false,
      malformed: `path of ${clip(url)}`,
    };
  const headers = freshConnection();
  const hasBody = input.method !== 'GET' && input.method !== 'HEAD';
  const { body, size } = hasBody ? bodyOf(input) : { size: 0 };
  if (input.contentType !== null && hasBody) headers.set('content-type', input.contentType);
  if (input.origin) headers.set('origin', input.origin);
  if (input.withCookie) headers.set('cookie', cookie);
  const { signature } = input;
  if (signature.kind === 'value') headers.set('x-twilio-signature', signature.value);
  if (signature.kind === 'twice') {
    headers.append('x-twilio-signature', signature.value);
    headers.append('x-twilio-signature', signature.value);
  }
  if (signature.kind === 'guessed-key') {
    const pairs = input.body.kind === 'form' ? pairsOf(input.body.pairs) : [];
    headers.set('x-twilio-signature', forgedSignature(url, pairs, signature.key));
  }
  try {
    const response = await fetch(url, {
      method: input.method,
      headers,
      ...(body === undefined ? {} : { body }),
      ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    } as RequestInit);
    const { status } = response;
    const text = await response.text();
    const label = `${input.method === 'POST' ? '' : `${input.method} `}${status}`;
    if (isHeaderOverflow(status)) return { status, label, accepted: false, malformed: null };
    const expected = expectedStatus(input.method, size);
    const plain = (response.headers.get('content-type') ?? '').startsWith('text/plain');
    const malformed =
      status === 200
        ? 'accepted without the carrier’s signature'
        : status !== expected
          ? `${status}, expected ${expected}: ${clip(text)}`
          : !plain
            ? `not text/plain: ${clip(text)}`
            : response.headers.getSetCookie().length > 0
              ? 'set a cookie'
              : null;
    return { status, label, accepted: status < 300, malformed };
  } catch (error) {
    return networkFailure(error);
  }
};
