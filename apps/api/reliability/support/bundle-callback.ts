import { createHmac, randomBytes } from 'node:crypto';

/** The carrier's review callback of one studio: `POST /webhooks/twilio/bundles/:tenantId`. */
export const bundleCallbackUrl = (baseUrl: string, segment: string) =>
  `${baseUrl}/webhooks/twilio/bundles/${segment}`;

const sid = (prefix: string) => `${prefix}${randomBytes(16).toString('hex')}`;

/** The form fields of Twilio's status callback for a regulatory bundle (an approval). */
export const bundleParams = (): [string, string][] => [
  ['AccountSid', sid('AC')],
  ['BundleSid', sid('BU')],
  ['Status', 'twilio-approved'],
  ['FailureReason', ''],
];

/**
 * A signature of Twilio's shape (base64 HMAC-SHA1 over the URL and the sorted fields) made with
 * a key that is not the account's auth token: what someone without the token can make.
 */
export const forgedSignature = (
  url: string,
  params: [string, string][],
  key = 'not-the-auth-token',
) => {
  const signed = [...params]
    .sort(([a], [b]) => a.localeCompare(b))
    .reduce((text, [name, value]) => `${text}${name}${value}`, url);
  return createHmac('sha1', key).update(signed).digest('base64');
};

export interface CallbackAnswer {
  status: number;
  text: string;
  contentType: string;
  setsCookie: boolean;
}

/** Posts one callback (form fields by default) and reads the whole answer. */
export const postBundleCallback = async (
  url: string,
  {
    method = 'POST',
    body,
    headers = {},
  }: { method?: string; body?: string | Uint8Array | FormData; headers?: Record<string, string> },
): Promise<CallbackAnswer> => {
  const sent = new Headers(headers);
  if (typeof body === 'string' && !sent.has('content-type'))
    sent.set('content-type', 'application/x-www-form-urlencoded');
  const response = await fetch(url, {
    method,
    headers: sent,
    ...(body === undefined ? {} : { body }),
  });
  return {
    status: response.status,
    text: await response.text(),
    contentType: response.headers.get('content-type') ?? '',
    setsCookie: response.headers.getSetCookie().length > 0,
  };
};

/** The route's refusal of everything not signed by the carrier. */
export const isSignatureRefusal = (answer: CallbackAnswer) =>
  answer.status === 403 &&
  answer.text === 'Forbidden' &&
  answer.contentType.startsWith('text/plain') &&
  !answer.setsCookie;
