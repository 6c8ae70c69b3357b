import fc from 'fast-check';
import {
  type Answer,
  clip,
  freshConnection,
  isHeaderOverflow,
  networkFailure,
  REQUEST_TIMEOUT_MS,
} from './fuzz-answer.ts';
import { anyString, hugeString, nearValid, textOf, weighted } from './fuzz-inputs.ts';
import type { FuzzOwner } from './fuzz-target.ts';
import { parseJson } from './parse-json.ts';

/** One fuzzed request to the WhatsApp webhook handshake, GET /webhooks/whatsapp/:tenantId. */
export interface WebhookCase {
  method: string;
  segment: string;
  params: unknown;
  encodeQuery: boolean;
}

/** Mostly the owner's tenant id and a near-valid handshake; broken ids and junk parameters. */
export const webhookCase = (owner: FuzzOwner): fc.Arbitrary<WebhookCase> => {
  const handshake = [
    ['hub.mode', 'subscribe'],
    ['hub.verify_token', owner.verifyToken],
    ['hub.challenge', '1158201444'],
  ];
  const segment = fc.oneof(
    { weight: 6, arbitrary: fc.constant(owner.tenantId) },
    { weight: 1, arbitrary: fc.uuid() },
    {
      weight: 3,
      arbitrary: anyString.map((text) => encodeURIComponent(text.replace(/[\ud800-\udfff]/g, ''))),
    },
    { weight: 3, arbitrary: anyString },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '%',
        '%E0%A4%A',
        '%ZZ',
        '%00',
        '%2F',
        '%2e%2e',
        '..',
        '',
        owner.tenantId.toUpperCase(),
        `${owner.tenantId}%00`,
        `%20${owner.tenantId}`,
        `${owner.tenantId}/extra`,
        encodeURIComponent(owner.tenantId),
      ),
    },
  );
  const params = fc.oneof(
    { weight: 6, arbitrary: nearValid(fc.constant(handshake)) },
    { weight: 2, arbitrary: fc.constant(handshake) },
    {
      weight: 3,
      arbitrary: fc.array(
        fc.tuple(
          fc.oneof(fc.constantFrom('hub.mode', 'hub.verify_token', 'hub.challenge'), anyString),
          fc.oneof(anyString, fc.constant(owner.verifyToken), hugeString),
        ),
        { maxLength: 5 },
      ),
    },
  );
  return fc.record({
    method: weighted('GET', fc.constantFrom('HEAD', 'POST', 'DELETE', 'OPTIONS'), 1, 12),
    segment,
    params,
    encodeQuery: weighted(true, fc.constant(false), 1, 2),
  });
};

const webhookUrl = (baseUrl: string, { segment, params, encodeQuery }: WebhookCase) => {
  const pairs = (Array.isArray(params) ? params : [params]).map((pair): [string, string] =>
    Array.isArray(pair) ? [textOf(pair[0]), textOf(pair[1])] : [textOf(pair), ''],
  );
  const query = encodeQuery
    ? new URLSearchParams(pairs).toString()
    : pairs.map(([key, value]) => `${key}=${value}`).join('&');
  return `${baseUrl}/webhooks/whatsapp/${segment}${query ? `?${query}` : ''}`;
};

/** Sends one case; only `verifyToken` may get the challenge back, and exactly the challenge. */
export const sendWebhook = async (
  baseUrl: string,
  verifyToken: string,
  input: WebhookCase,
): Promise<Answer> => {
  const url = webhookUrl(baseUrl, input);
  const headers = freshConnection();
  if (input.method === 'POST') headers.set('content-type', 'application/json');
  try {
    const response = await fetch(url, {
      method: input.method,
      headers,
      ...(input.method === 'POST' ? { body: '{}' } : {}),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const { status } = response;
    const text = await response.text();
    const label = `${input.method === 'GET' ? '' : `${input.method} `}${status}`;
    const contentType = response.headers.get('content-type') ?? '';
    if (status === 200) {
      const sent = new URL(url).searchParams;
      const rightful =
        sent.get('hub.mode') === 'subscribe' && sent.get('hub.verify_token') === verifyToken;
      const malformed = !rightful
        ? 'challenge echoed without the verify token'
        : text !== sent.get('hub.challenge')
          ? `echo ${clip(text)} is not the challenge`
          : null;
      return { status, label, accepted: true, malformed };
    }
    if (
      isHeaderOverflow(status) ||
      input.method === 'HEAD' ||
      contentType.startsWith('text/plain')
    ) {
      return { status, label, accepted: false, malformed: null };
    }
    const wellFormed = parseJson(text).ok;
    return {
      status,
      label,
      accepted: false,
      malformed: wellFormed ? null : `not JSON: ${clip(text)}`,
    };
  } catch (error) {
    return networkFailure(error);
  }
};
