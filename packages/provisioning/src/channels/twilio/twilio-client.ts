import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';

export type TwilioClient = ReturnType<typeof twilio>;

export interface TwilioConnection {
  accountSid: string;
  authToken: string;
  /**
   * Where Twilio's hosts are reached instead (a local fake, a contract mock):
   * `https://<label>.twilio.com/<path>` becomes `<apiBaseUrl>/<label>/<path>`.
   */
  apiBaseUrl?: string;
  /** How long one request may take, in milliseconds. */
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 20_000;

const TWILIO_HOST = /^([a-z0-9-]+)(?:\.[a-z0-9-]+)*\.twilio\.com$/i;

/**
 * The URL to call for one of Twilio's: unchanged without a base URL, else under the base URL
 * with the host's first label (api, numbers, numbers-upload, trunking; an edge or region in the
 * host name is dropped) as the first path segment.
 */
export const rewriteTwilioUrl = (url: string, apiBaseUrl: string | undefined): string => {
  if (!apiBaseUrl) return url;
  const parsed = new URL(url);
  const label = TWILIO_HOST.exec(parsed.hostname)?.[1];
  if (!label) return url;
  return `${apiBaseUrl.replace(/\/+$/, '')}/${label.toLowerCase()}${parsed.pathname}${parsed.search}`;
};

/** The SDK's HTTP client with the base-URL rewrite and a timeout on every request. */
class RewritingRequestClient extends twilio.RequestClient {
  readonly #apiBaseUrl: string | undefined;
  readonly #timeoutMs: number;

  constructor(apiBaseUrl: string | undefined, timeoutMs: number) {
    // No retries inside the SDK: the lifecycle retries, with its own backoff, what is retryable.
    super({ timeout: timeoutMs, autoRetry: false });
    this.#apiBaseUrl = apiBaseUrl;
    this.#timeoutMs = timeoutMs;
  }

  override request<TData>(options: RequestClient.RequestOptions<TData>) {
    return super.request<TData>({
      ...options,
      uri: rewriteTwilioUrl(options.uri, this.#apiBaseUrl),
      timeout: options.timeout ?? this.#timeoutMs,
    });
  }
}

/** The official SDK's client for the account, through the rewriting HTTP client. */
export const createTwilioClient = ({
  accountSid,
  authToken,
  apiBaseUrl,
  timeoutMs = DEFAULT_TIMEOUT_MS,
}: TwilioConnection): TwilioClient =>
  twilio(accountSid, authToken, {
    httpClient: new RewritingRequestClient(apiBaseUrl, timeoutMs),
  });
