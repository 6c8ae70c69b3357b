import {
  createSmtpSender,
  generateKeySpec,
  parseKeyring,
  revealChannelSecrets,
  schema,
} from '@pilar/provisioning';
import { createTestServices, TEST_ENGINE_OPTIONS } from '@pilar/provisioning/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.ts';
import { startRuntime } from '../src/runtime.ts';
import {
  postJson,
  startTestServer,
  TEST_PHONE_OPTIONS,
  type TestServer,
} from './support/test-server.ts';

describe('secret key rotation', () => {
  let server: TestServer;
  afterEach(async () => {
    await server.close();
  });

  it('re-encrypts every stored secret under the new key when a server starts with it', async () => {
    server = await startTestServer();
    const created = await postJson(`${server.baseUrl}/api/tenant/create`, {
      studioName: 'Rotations-Studio',
      ownerEmail: 'rotation@example.com',
      password: 'SicheresPasswort!',
    });
    expect(created.status).toBe(201);
    const tenantId = created.body.tenantId as string;
    const old = server.deps.services.keyring;
    const before = await revealChannelSecrets(server.testDb.db, old, tenantId);

    // SECRET_KEY="v2:<new>,<old id>:<old>": the new key is current, the old one still listed.
    const rotated = parseKeyring(
      `${generateKeySpec('v2')},${old.current.id}:${old.current.key.toString('base64')}`,
    );
    const restarted = await startRuntime(server.testDb, {
      logger: createLogger('silent'),
      services: createTestServices({ keyring: rotated }),
      config: server.deps.config,
      engine: TEST_ENGINE_OPTIONS,
      phone: TEST_PHONE_OPTIONS,
      hashThreads: 1,
      mail: { ...server.mail, sender: createSmtpSender(server.mails?.smtpUrl ?? '') },
    });
    await restarted.stop();

    const [phone] = await server.testDb.db.select().from(schema.phoneNumbers);
    const [channel] = await server.testDb.db.select().from(schema.whatsAppChannels);
    expect([
      phone?.sipCredentials.password.kid,
      channel?.waCloudApiConfig.accessToken.kid,
      channel?.waCloudApiConfig.webhookVerifyToken.kid,
    ]).toEqual(['v2', 'v2', 'v2']);
    const newKeyOnly = parseKeyring(`v2:${rotated.current.key.toString('base64')}`);
    expect(await revealChannelSecrets(server.testDb.db, newKeyOnly, tenantId)).toEqual(before);
  });
});
