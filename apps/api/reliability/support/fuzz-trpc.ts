import fc from 'fast-check';
import { readEventStream, type SseEvent } from './event-stream.ts';
import {
  type Answer,
  clip,
  freshConnection,
  isHeaderOverflow,
  networkFailure,
  REQUEST_TIMEOUT_MS,
} from './fuzz-answer.ts';
import {
  bodyOf,
  jsonContentType,
  type Payload,
  payloadOf,
  queryValueOf,
  weighted,
} from './fuzz-inputs.ts';
import { isObject, parseJson } from './parse-json.ts';
import type { ProcedureType } from './procedures.ts';

/** A subscription that has sent nothing but `connected` by then is an open (accepted) stream. */
const STREAM_WAIT_MS = 5_000;

/** One fuzzed tRPC call: the payload and how it is put on the wire. */
export interface TrpcCase {
  payload: Payload;
  /** `?batch=1` with the input under "0". */
  batch: boolean;
  /** The input text unencoded in the query string (broken percent-escapes reach the server). */
  rawQuery: boolean;
  contentType: string | null;
  /** GET for a mutation, POST for a query or subscription. */
  wrongMethod: boolean;
}

export const trpcCase = (valid: fc.Arbitrary<unknown> | null): fc.Arbitrary<TrpcCase> =>
  fc.record({
    payload: payloadOf(valid),
    batch: weighted(false, fc.constant(true), 1, 12),
    rawQuery: weighted(false, fc.constant(true), 1, 9),
    contentType: jsonContentType,
    wrongMethod: weighted(false, fc.constant(true), 1, 39),
  });

/** A well-formed call without input, as the typed client sends a query. */
export const plainCall = (): TrpcCase => ({
  payload: { kind: 'value', value: undefined },
  batch: false,
  rawQuery: false,
  contentType: null,
  wrongMethod: false,
});

const batched = (payload: Payload): Payload =>
  payload.kind === 'value' ? { kind: 'value', value: { 0: payload.value } } : payload;

const isKeepAlive = (event: SseEvent) => event.event === 'connected' || event.event === 'ping';

/** The stream's first event that is not `connected` or `ping`; `open` if none came in time. */
const firstEvent = async (response: Response, controller: AbortController) => {
  const { events, timedOut } = await readEventStream(
    response,
    controller,
    STREAM_WAIT_MS,
    (events) => events.some((event) => !isKeepAlive(event)),
  );
  const first = events.find((event) => !isKeepAlive(event));
  if (first) return first;
  return { event: timedOut ? 'open' : 'end', data: '' };
};

const subscriptionAnswer = async (
  response: Response,
  controller: AbortController,
): Promise<Answer> => {
  const { event, data } = await firstEvent(response, controller);
  if (event === 'serialized-error') {
    const parsed = parseJson(data);
    const shape = parsed.ok && isObject(parsed.value) ? parsed.value : null;
    const status = Number((shape?.data as { httpStatus?: unknown } | undefined)?.httpStatus);
    if (!shape || !Number.isInteger(status)) {
      return { status: 200, label: 'SSE bad error', accepted: false, malformed: clip(data) };
    }
    const code = (shape.data as { code?: unknown }).code;
    return { status, label: `SSE ${status} ${String(code)}`, accepted: false, malformed: null };
  }
  if (event === 'message' || event === 'return' || event === 'open') {
    const ok = event !== 'message' || parseJson(data).ok;
    return {
      status: 200,
      label: `SSE ${event}`,
      accepted: true,
      malformed: ok ? null : `event data is not JSON: ${clip(data)}`,
    };
  }
  return { status: 200, label: `SSE ${event}`, accepted: false, malformed: `event ${event}` };
};

/** Judges a tRPC answer (a batch: every envelope), as the protocol promises it. */
export const trpcAnswer = async (response: Response, batch: boolean): Promise<Answer> => {
  const { status } = response;
  const text = await response.text();
  if (isHeaderOverflow(status))
    return { status, label: String(status), accepted: false, malformed: null };
  const parsed = parseJson(text);
  const label = String(status);
  if (!parsed.ok) return { status, label, accepted: false, malformed: `not JSON: ${clip(text)}` };
  const envelopes = batch && Array.isArray(parsed.value) ? parsed.value : [parsed.value];
  const wellFormed = envelopes.every(
    (envelope) => isObject(envelope) && ('result' in envelope || 'error' in envelope),
  );
  const first = envelopes[0];
  const accepted = status < 300 && isObject(first) && 'result' in first;
  const data = isObject(first) && isObject(first.result) ? first.result.data : undefined;
  const tenantId = isObject(data) && typeof data.tenantId === 'string' ? data.tenantId : undefined;
  return {
    status,
    label,
    accepted,
    malformed: wellFormed ? null : `unexpected JSON: ${clip(text)}`,
    ...(tenantId ? { tenantId } : {}),
    ...(accepted ? { data } : {}),
  };
};

/** Sends one case to a procedure (with `cookie` as the Cookie header, if any) and judges it. */
export const sendTrpc = async (
  baseUrl: string,
  path: string,
  type: ProcedureType,
  input: TrpcCase,
  cookie: string | null,
): Promise<Answer> => {
  const payload = input.batch ? batched(input.payload) : input.payload;
  const usesBody = type === 'mutation' ? !input.wrongMethod : input.wrongMethod;
  const headers = freshConnection();
  if (cookie) headers.set('cookie', cookie);
  if (type === 'subscription') headers.set('accept', 'text/event-stream');
  const target = `${baseUrl}/trpc/${path}`;
  const params = input.batch ? ['batch=1'] : [];
  let init: RequestInit;
  if (usesBody) {
    if (input.contentType !== null) headers.set('content-type', input.contentType);
    const body = bodyOf(payload);
    init = { method: 'POST', headers, ...(body === undefined ? {} : { body }) };
  } else {
    const value = input.rawQuery && payload.kind === 'text' ? payload.text : queryValueOf(payload);
    if (value !== undefined) params.push(`input=${value}`);
    init = { method: 'GET', headers };
  }
  const url = params.length > 0 ? `${target}?${params.join('&')}` : target;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
  try {
    const response = await fetch(url, { ...init, signal: controller.signal });
    const contentType = response.headers.get('content-type') ?? '';
    if (contentType.startsWith('text/event-stream')) {
      return await subscriptionAnswer(response, controller);
    }
    return await trpcAnswer(response, input.batch);
  } catch (error) {
    return networkFailure(error);
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
};
