import fc from 'fast-check';
import {
  type Answer,
  clip,
  freshConnection,
  networkFailure,
  REQUEST_TIMEOUT_MS,
} from './fuzz-answer.ts';
import {
  bodyOf,
  headerValue,
  jsonContentType,
  type Payload,
  payloadOf,
  weighted,
} from './fuzz-inputs.ts';
import type { FuzzOwner } from './fuzz-target.ts';
import { signupForm } from './fuzz-valid-inputs.ts';
import { isObject, parseJson } from './parse-json.ts';

/** One fuzzed request to POST /api/tenant/create. */
export interface RestCase {
  method: string;
  contentType: string | null;
  origin: 'none' | 'same' | 'foreign';
  idempotencyKey: string | null;
  payload: Payload;
  /** Sent chunked, without Content-Length, so only the streamed size check can stop it. */
  streamed: boolean;
}

export const restCase = (owner: FuzzOwner): fc.Arbitrary<RestCase> =>
  fc.record({
    method: weighted(
      'POST',
      fc.constantFrom('GET', 'HEAD', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'),
      1,
      15,
    ),
    contentType: jsonContentType,
    origin: fc.oneof(
      { weight: 12, arbitrary: fc.constant('none' as const) },
      { weight: 7, arbitrary: fc.constant('same' as const) },
      { weight: 1, arbitrary: fc.constant('foreign' as const) },
    ),
    idempotencyKey: fc.oneof(
      { weight: 1, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: headerValue },
    ),
    payload: payloadOf(signupForm(owner)),
    streamed: weighted(false, fc.constant(true), 1, 9),
  });

const withoutBody = (method: string) => method === 'GET' || method === 'HEAD';

const chunked = (bytes: Uint8Array) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (let at = 0; at < bytes.length; at += 4096)
        controller.enqueue(bytes.slice(at, at + 4096));
      controller.close();
    },
  });

const requestOf = (baseUrl: string, input: RestCase) => {
  const headers = freshConnection();
  if (input.contentType !== null) headers.set('content-type', input.contentType);
  if (input.origin === 'same') headers.set('origin', baseUrl);
  if (input.origin === 'foreign') headers.set('origin', 'https://evil.example');
  if (input.idempotencyKey !== null) headers.set('idempotency-key', input.idempotencyKey);
  const init: RequestInit & { duplex?: 'half' } = { method: input.method, headers };
  const body = withoutBody(input.method) ? undefined : bodyOf(input.payload);
  if (body !== undefined) {
    const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
    if (input.streamed) {
      init.body = chunked(bytes);
      init.duplex = 'half';
    } else {
      init.body = bytes;
    }
  }
  return init;
};

/** Sends one case and judges the answer against the REST contract. */
export const sendRest = async (baseUrl: string, input: RestCase): Promise<Answer> => {
  const init = requestOf(baseUrl, input);
  try {
    const response = await fetch(`${baseUrl}/api/tenant/create`, {
      ...init,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const { status } = response;
    const text = await response.text();
    const accepted = status >= 200 && status < 300 && !withoutBody(input.method);
    const label = `${input.method === 'POST' ? '' : `${input.method} `}${status}`;
    if (input.method === 'HEAD') return { status, label, accepted, malformed: null };
    const parsed = parseJson(text);
    if (!parsed.ok || !isObject(parsed.value)) {
      return { status, label, accepted, malformed: `not a JSON object: ${clip(text)}` };
    }
    const answer = parsed.value;
    const tenantId = typeof answer.tenantId === 'string' ? answer.tenantId : undefined;
    const wellFormed =
      input.method === 'GET'
        ? status === 200
        : typeof answer.success === 'boolean' &&
          answer.success === (status === 201) &&
          (status !== 201 || (tenantId !== undefined && answer.status === 'ready')) &&
          (answer.success || typeof answer.error === 'string');
    return {
      status,
      label,
      accepted,
      malformed: wellFormed ? null : `unexpected answer: ${clip(text)}`,
      ...(status === 201 && tenantId ? { tenantId } : {}),
    };
  } catch (error) {
    return networkFailure(error);
  }
};
