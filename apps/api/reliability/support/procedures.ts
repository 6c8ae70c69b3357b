import { appRouter } from '../../src/router/root.ts';

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

export interface SseEvent {
  event: string;
  data: string;
  id?: string;
}

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

/** Complete events of a `text/event-stream` body (an unfinished last block is left out). */
export const parseEventStream = (text: string): SseEvent[] =>
  text
    .split(/\r?\n\r?\n/)
    .slice(0, -1)
    .map((block) => {
      const event: SseEvent = { event: 'message', data: '' };
      const data: string[] = [];
      for (const line of block.split(/\r?\n/)) {
        const separator = line.indexOf(':');
        if (separator <= 0) continue;
        const field = line.slice(0, separator);
        const value = line.slice(separator + 1).replace(/^ /, '');
        if (field === 'event') event.event = value;
        else if (field === 'data') data.push(value);
        else if (field === 'id') event.id = value;
      }
      event.data = data.join('\n');
      return event;
    })
    .filter((event) => event.data !== '' || event.event !== 'message');

const readEventStream = async (
  response: Response,
  controller: AbortController,
  timeoutMs: number,
): Promise<WireResult> => {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      const last = parseEventStream(text).at(-1)?.event;
      if (last === 'serialized-error' || last === 'return') break;
    }
  } catch (error) {
    if (!timedOut) throw error;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  const all = parseEventStream(text);
  const failure = all.find((event) => event.event === 'serialized-error');
  const error = failure ? (JSON.parse(failure.data) as WireResult['error']) : undefined;
  return {
    status: error?.data?.httpStatus ?? response.status,
    text,
    error,
    events: all.filter((event) => event.event === 'message'),
    timedOut,
  };
};

/**
 * Calls one procedure the way the web app's links do (query: GET with `?input=`, mutation:
 * POST with a JSON body, subscription: GET as `text/event-stream`), with the headers given —
 * a session cookie or none — and returns what came back, untyped.
 */
export const callProcedure = async (
  baseUrl: string,
  path: string,
  type: ProcedureType,
  input: unknown,
  headers: Record<string, string> = {},
  { streamTimeoutMs = 5_000 } = {},
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
      return { status: response.status, text, error: parseJson(text)?.error };
    }
    return readEventStream(response, controller, streamTimeoutMs);
  }
  const response =
    type === 'query'
      ? await fetch(`${url}${query}`, { headers })
      : await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: input === undefined ? '' : JSON.stringify(input),
        });
  const text = await response.text();
  const body = parseJson(text);
  return { status: response.status, text, data: body?.result?.data, error: body?.error };
};

const parseJson = (
  text: string,
): { result?: { data?: unknown }; error?: WireResult['error'] } | undefined => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};
