import { CarrierError } from '../phone-carrier.ts';

/** Twilio's answer to a refused request, as the SDK's RestException (or its RFC 9457 sibling) has it. */
export interface TwilioRefusal {
  status: number;
  code?: number;
  message?: string;
}

export const isTwilioRefusal = (error: unknown): error is TwilioRefusal =>
  error instanceof Error &&
  typeof (error as { status?: unknown }).status === 'number' &&
  !(error instanceof CarrierError);

/** What Twilio answered: the refusal itself, or the cause a mapped CarrierError keeps of it. */
const refusalOf = (error: unknown): TwilioRefusal | undefined => {
  if (error instanceof CarrierError) {
    const cause = error.cause as Partial<TwilioRefusal> | undefined;
    return typeof cause?.status === 'number' ? (cause as TwilioRefusal) : undefined;
  }
  return isTwilioRefusal(error) ? error : undefined;
};

/** Twilio's error code of a refusal (21649, 20404 …), if it is one. */
export const twilioErrorCode = (error: unknown): number | undefined => {
  const code = refusalOf(error)?.code;
  return typeof code === 'number' ? code : undefined;
};

const httpStatus = (error: unknown) => refusalOf(error)?.status;

/** A 404: the resource is gone (deleted before, or never there). */
export const isNotFound = (error: unknown) =>
  httpStatus(error) === 404 || twilioErrorCode(error) === 20404;

/** A refusal of the request itself (4xx other than 429): not worth repeating unchanged. */
export const isClientRefusal = (error: unknown) => {
  const status = httpStatus(error);
  return status !== undefined && status >= 400 && status < 500 && status !== 429;
};

const TIMEOUT_CODES = new Set([
  'ECONNABORTED',
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
]);
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'ERR_NETWORK',
  'ERR_SOCKET_CLOSED',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);

/** The error codes along an error's cause chain (axios and fetch put the socket's code there). */
const networkCodes = (error: unknown): string[] => {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const { code, name } = current as { code?: unknown; name?: unknown };
    if (typeof code === 'string') codes.push(code);
    if (name === 'TimeoutError' || name === 'AbortError') codes.push('ETIMEDOUT');
    current = (current as { cause?: unknown }).cause;
  }
  return codes;
};

/** Removes the secrets (the auth token, a SIP password) from a text that leaves the adapter. */
const redact = (text: string, secrets: readonly string[]) =>
  secrets.reduce(
    (result, secret) => (secret.length >= 4 ? result.split(secret).join('[redacted]') : result),
    text,
  );

export interface ErrorContext {
  /** The sub-step whose call failed, named in the message. */
  step: string;
  /** Never in a message: the auth token, the SIP password. */
  secrets: readonly string[];
}

/**
 * Twilio's refusal, a network failure or a timeout as a CarrierError: `twilio:<code>` for a
 * refusal with Twilio's code, `twilio:http_<status>` for a 5xx or one without, `timeout`,
 * `unreachable`. Retryable: 5xx, 429, network
 * failures and timeouts; other 4xx are not. The message holds Twilio's words and the step, never
 * a secret; the cause is kept only for Twilio's refusals (a network error's request config holds
 * the Authorization header).
 */
export const toCarrierError = (error: unknown, { step, secrets }: ErrorContext): CarrierError => {
  if (error instanceof CarrierError) return error;
  if (isTwilioRefusal(error)) {
    const { status, code } = error;
    const said = typeof error.message === 'string' && error.message ? error.message : undefined;
    const message = redact(
      `Twilio refused ${step} (HTTP ${status}${code ? `, error ${code}` : ''})${said ? `: ${said}` : ''}`,
      secrets,
    );
    // Twilio's codes for its own failures (20500, 20503 …) say no more than the status does.
    const named = code && status < 500 ? `twilio:${code}` : `twilio:http_${status}`;
    return new CarrierError(named, message, {
      retryable: status >= 500 || status === 429,
      cause: { status, code },
    });
  }
  const codes = networkCodes(error);
  if (codes.some((code) => TIMEOUT_CODES.has(code))) {
    return new CarrierError('timeout', `Twilio did not answer ${step} in time`, {
      retryable: true,
    });
  }
  const unreachable = codes.find((code) => UNREACHABLE_CODES.has(code));
  if (unreachable) {
    return new CarrierError(
      'unreachable',
      `Twilio could not be reached for ${step} (${unreachable})`,
      {
        retryable: true,
      },
    );
  }
  // The SDK's own checks or an unexpected answer: a change is needed, not another try.
  const said = error instanceof Error ? error.message : String(error);
  return new CarrierError('twilio:unexpected', redact(`${step} failed: ${said}`, secrets), {
    retryable: false,
  });
};
