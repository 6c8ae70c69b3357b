import { appRouter } from '../../src/router/root.ts';
import { readEventStream, type SseEvent } from './event-stream.ts';
import { parseJson } from './parse-json.ts';

export type ProcedureType = 'query' | 'mutation' | 'subscription';

type ProcedureRecord = Record<string, { _def: { type: ProcedureType } }>;

/** Every procedure of the router with its type, read from the router itself (sorted by path). */
export const routerProcedures = (): { path: string; type: ProcedureType }[] =>
  Object.entries(appRouter._def.procedures as unknown as ProcedureRecord)
    .map(([path, procedure]) => ({ path, type: procedure._def.type }))
    .sort((a, b) => a.path.localeCompare(b.path));

export const procedurePaths = () => routerProcedures().map(({ path }) => path);

export const mutationPaths = () =>
  routerProcedures()
    .filter(({ type }) => type === 'mutation')
    .map(({ path }) => path);

/** What one raw call over the wire came back with, as a browser or script would see it. */
export interface WireResult {
  /** The HTTP status, or for a subscription the status its error event names (200 if none). */
  status: number;
  /** Everything the server sent (the whole body, or the stream up to where reading stopped). */
  text: string;
  /** `result.data` of a query or mutation. */
  data?: unknown;
  /** The tRPC error (`error` of a response, or the stream's `serialized-error` event). */
  error?: { message: string; data?: { httpStatus?: number; code?: string } };
  /** The stream's data events (subscriptions only). */
  events?: SseEvent[];
  /** The stream neither completed nor failed within the time allowed (subscriptions only). */
  timedOut?: boolean;
}

const isStreamEnd = (events: SseEvent[]) => {
  const last = events.at(-1)?.event;
  return last === 'serialized-error' || last === 'return';
};

const subscriptionResult = async (
  response: Response,
  controller: AbortController,
  timeoutMs: number,
  enough: (events: SseEvent[]) => boolean,
): Promise<WireResult> => {
  const { text, events, timedOut } = await readEventStream(
    response,
    controller,
    timeoutMs,
    (events) => isStreamEnd(events) || enough(events),
  );
  const failure = events.find((event) => event.event === 'serialized-error');
  const error = failure ? (JSON.parse(failure.data) as WireResult['error']) : undefined;
  return {
    status: error?.data?.httpStatus ?? response.status,
    text,
    error,
    events: events.filter((event) => event.event === 'message'),
    timedOut,
  };
};

/** The headers given, with the page's origin (the server's own) unless they name one. */
const fromPage = (baseUrl: string, headers: Record<string, string>) => {
  const sent = new Headers(headers);
  if (!sent.has('origin')) sent.set('origin', baseUrl);
  return sent;
};

interface Envelope {
  result?: { data?: unknown };
  error?: WireResult['error'];
}

const envelopeOf = (text: string) => {
  const parsed = parseJson(text);
  return parsed.ok ? (parsed.value as Envelope | null) : undefined;
};

export interface CallOptions {
  /** How long a stream is read at most (then `timedOut`). */
  streamTimeoutMs?: number;
  /**
   * Enough of a stream read (besides its end): for a stream that never ends by itself, e.g.
   * its first data event. Then it is closed, and not `timedOut`.
   */
  streamUntil?: (events: SseEvent[]) => boolean;
}

/** Until the first data event: what a stream that never ends by itself says now. */
export const firstDataEvent = (events: SseEvent[]) =>
  events.some((event) => event.event === 'message');

const clipped = (text: string, max = 60) =>
  text.length > max ? `${text.slice(0, max)}…(${text.length} chars)` : text;

/** An input as text for a label: JSON, or a form's fields with each file's name, type and size. */
export const describeInput = (input: unknown) => {
  if (!(input instanceof FormData)) return JSON.stringify(input) ?? '';
  const fields = [...input.entries()].map(([name, value]) =>
    typeof value === 'string'
      ? `${name}=${clipped(value)}`
      : `${name}=File(${clipped(value.name)}, ${value.type || 'no type'}, ${value.size} B)`,
  );
  return `FormData{${fields.join(', ')}}`;
};

/**
 * Calls one procedure the way the web app's links do (query: GET with `?input=`, mutation:
 * POST with a JSON body, subscription: GET as `text/event-stream`), with the headers given —
 * a session cookie or none — and returns what came back, untyped. A `FormData` input goes as
 * the browser posts a form upload: multipart (fetch sets the boundary), naming the page's
 * origin — the server's own, unless the headers given name another `origin`.
 */
export const callProcedure = async (
  baseUrl: string,
  path: string,
  type: ProcedureType,
  input: unknown,
  headers: Record<string, string> = {},
  { streamTimeoutMs = 5_000, streamUntil = () => false }: CallOptions = {},
): Promise<WireResult> => {
  const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const url = `${baseUrl}/trpc/${path}`;
  if (type === 'subscription') {
    const controller = new AbortController();
    const response = await fetch(`${url}${query}`, {
      headers: { accept: 'text/event-stream', ...headers },
      signal: controller.signal,
    });
    if (!response.headers.get('content-type')?.startsWith('text/event-stream')) {
      const text = await response.text();
      return { status: response.status, text, error: envelopeOf(text)?.error };
    }
    return subscriptionResult(response, controller, streamTimeoutMs, streamUntil);
  }
  const response =
    type === 'query'
      ? await fetch(`${url}${query}`, { headers })
      : input instanceof FormData
        ? await fetch(url, { method: 'POST', headers: fromPage(baseUrl, headers), body: input })
        : await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...headers },
            body: input === undefined ? '' : JSON.stringify(input),
          });
  const text = await response.text();
  const body = envelopeOf(text);
  return { status: response.status, text, data: body?.result?.data, error: body?.error };
};
