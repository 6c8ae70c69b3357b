import type { IncomingMessage, ServerResponse } from 'node:http';
import { decodeComponent } from '../http/decode.ts';
import { BadRequestBodyError, readBody, sendText } from '../http/json.ts';
import type { AppDependencies } from '../trpc/context.ts';

const PATH = /^\/webhooks\/twilio\/bundles\/([^/]+)$/;
/** Twilio's status callbacks are a few hundred bytes of form fields. */
const MAX_BODY_BYTES = 16 * 1024;

export const isBundleCallbackPath = (path: string) => PATH.test(path);

const plain = (res: ServerResponse, status: number, text: string) =>
  sendText(res, status, text, 'text/plain; charset=utf-8');

/**
 * `POST /webhooks/twilio/bundles/:tenantId`: the carrier reports a change of a studio's review.
 * Only a request signed with the account's auth token over `PUBLIC_URL` + path counts; it
 * wakes the studio's phone work, which reads the review itself (the callback's fields are not
 * trusted with more than that). Everything else gets 403 and changes nothing.
 */
export const handleBundleCallback = async (
  deps: AppDependencies,
  req: IncomingMessage,
  res: ServerResponse,
) => {
  if (req.method !== 'POST') return plain(res, 405, 'Method not allowed');
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  const tenantId = decodeComponent(path.match(PATH)?.[1] ?? '') ?? '';
  let body: Buffer;
  try {
    body = await readBody(req, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BadRequestBodyError) return plain(res, error.status, error.message);
    throw error;
  }
  const params = Object.fromEntries(new URLSearchParams(body.toString('utf8')));
  const signature = req.headers['x-twilio-signature'];
  const signed = deps.services.providers.phone.isSignedCallback({
    url: `${deps.outbox.publicUrl()}${req.url ?? ''}`,
    params,
    signature: typeof signature === 'string' ? signature : undefined,
  });
  if (!signed) return plain(res, 403, 'Forbidden');
  // Signed but about nothing under review (a late or repeated report): acknowledged all the same.
  await deps.phoneGoLive.wake(tenantId);
  return plain(res, 200, 'OK');
};
