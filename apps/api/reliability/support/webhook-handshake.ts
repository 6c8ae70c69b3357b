import { revealChannelSecrets } from '@pilar/provisioning';
import type { TestServer } from '../../test/support/test-server.ts';

/** The tenant's WhatsApp verify token as stored (decrypted past the API). */
export const storedVerifyToken = async (server: TestServer, tenantId: string) =>
  (await revealChannelSecrets(server.testDb.db, server.deps.services.keyring, tenantId)).whatsApp[0]
    ?.webhookVerifyToken ?? '';

/** Meta's subscription handshake for a tenant's webhook: the challenge comes back if accepted. */
export const webhookHandshake = async (
  server: TestServer,
  tenantId: string,
  token: string,
  challenge = '4711',
) => {
  const response = await fetch(
    `${server.baseUrl}/webhooks/whatsapp/${tenantId}?hub.mode=subscribe&hub.verify_token=${encodeURIComponent(token)}&hub.challenge=${challenge}`,
  );
  return { status: response.status, text: await response.text() };
};
