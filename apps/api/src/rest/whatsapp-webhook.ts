import type { IncomingMessage, ServerResponse } from 'node:http';
import { verifyWhatsAppWebhook } from '@pilar/provisioning';
import { decodeComponent } from '../http/decode.ts';
import { sendJson, sendText } from '../http/json.ts';
import type { AppDependencies } from '../trpc/context.ts';

const PATH = /^\/webhooks\/whatsapp\/([^/]+)$/;

export const isWhatsAppWebhookPath = (path: string) => PATH.test(path);

/** `GET /webhooks/whatsapp/:tenantId`: Meta's subscription handshake (challenge or 403). */
export const handleWhatsAppWebhook = async (
  deps: AppDependencies,
  req: IncomingMessage,
  res: ServerResponse,
) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const tenantId = decodeComponent(url.pathname.match(PATH)?.[1] ?? '') ?? '';
  if (req.method !== 'GET') {
    return sendJson(res, 405, { success: false, error: 'Method not allowed' }, { allow: 'GET' });
  }
  const challenge = await verifyWhatsAppWebhook(deps.db, deps.services.keyring, tenantId, {
    mode: url.searchParams.get('hub.mode'),
    verifyToken: url.searchParams.get('hub.verify_token'),
    challenge: url.searchParams.get('hub.challenge'),
  });
  if (challenge === null) return sendText(res, 403, 'Forbidden', 'text/plain; charset=utf-8');
  return sendText(res, 200, challenge, 'text/plain; charset=utf-8');
};
