import { revealChannelSecrets } from '@pilar/provisioning';
import { describeDatabase } from '@pilar/provisioning/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkToken, mailTo } from '../test/support/mail.ts';
import { postJson, startTestServer, type TestServer } from '../test/support/test-server.ts';
import { createTestClient } from '../test/support/trpc-client.ts';
import { recordProof } from './support/ledger.ts';

const STUDIOS = 5;

describe(`database dump (${describeDatabase()})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('contains none of the generated secrets, mailed tokens or passwords in plaintext', async ({
    task,
  }) => {
    const studios = await Promise.all(
      Array.from({ length: STUDIOS }, async (_, i) => {
        const password = `Dump-Passwort-${i}-${crypto.randomUUID()}`;
        const created = await postJson(`${server.baseUrl}/api/tenant/create`, {
          studioName: `Dump-Studio ${i}`,
          ownerEmail: `dump${i}@example.com`,
          password,
        });
        expect(created.status).toBe(201);
        return { tenantId: created.body.tenantId as string, password };
      }),
    );
    const secrets: string[] = [];
    for (const [i, { tenantId, password }] of studios.entries()) {
      // The mailed links' tokens: the welcome's verification and a password reset.
      const email = `dump${i}@example.com`;
      await createTestClient(server.baseUrl).client.account.requestPasswordReset.mutate({ email });
      secrets.push(
        linkToken(await mailTo(server, email, /Willkommen/), '/verify-email'),
        linkToken(await mailTo(server, email, /zurücksetzen/), '/reset-password'),
      );
      const revealed = await revealChannelSecrets(
        server.testDb.db,
        server.deps.services.keyring,
        tenantId,
      );
      secrets.push(
        password,
        ...revealed.sipPasswords.map((sip) => sip.password),
        ...revealed.whatsApp.flatMap((wa) => [wa.accessToken, wa.webhookVerifyToken]),
      );
    }
    const dump = await server.testDb.dump();
    const found = secrets.filter((secret) => dump.includes(Buffer.from(secret)));
    // The dump does hold the data: studio names are stored in clear text.
    const namesPresent = studios.every((_, i) => dump.includes(Buffer.from(`Dump-Studio ${i}`)));
    recordProof(task, {
      check: `full database dump searched for secrets and mailed tokens (${describeDatabase()})`,
      tries: secrets.length,
      outcome: `${found.length} of ${secrets.length} secrets and passwords found in ${(dump.length / 1e6).toFixed(1)} MB`,
      lost: found.length + (namesPresent ? 0 : 1),
    });
    expect(namesPresent).toBe(true);
    expect(secrets).toHaveLength(STUDIOS * 6);
    expect(found).toEqual([]);
  });
});
