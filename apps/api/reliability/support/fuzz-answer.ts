/** What one fuzzed request came back with, judged against what the protocol promises. */
export interface Answer {
  /** HTTP status; for a subscription the status its first event stands for. */
  status: number;
  label: string;
  accepted: boolean;
  /** Why the answer is not what the protocol promises, or null. */
  malformed: string | null;
  tenantId?: string;
  /** `result.data` of an accepted tRPC call. */
  data?: unknown;
}

export const REQUEST_TIMEOUT_MS = 60_000;

export const clip = (value: string, max = 160) =>
  value.length > max ? `${value.slice(0, max)}…(${value.length} chars)` : value;

/**
 * Every fuzzed request on a connection of its own: under load a reused keep-alive connection
 * can be closed by the server's idle timer just as the next request goes out (ECONNRESET on
 * the client), which would be noise here, not an answer of the server.
 */
export const freshConnection = () => new Headers({ connection: 'close' });

/** Node refuses a request line above its header limit itself, without a body. */
export const isHeaderOverflow = (status: number) => status === 431 || status === 414;

export const networkFailure = (error: unknown): Answer => {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const reason = cause?.code ?? cause?.message ?? (error as Error).message;
  return { status: 0, label: `no answer (${reason})`, accepted: false, malformed: String(reason) };
};
