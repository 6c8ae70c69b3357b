import { randomUUID } from 'node:crypto';
import { revealChannelSecrets } from '@pilar/provisioning';
import { createSandboxProviders } from '@pilar/provisioning/sandbox';
import { describeDatabase } from '@pilar/provisioning/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfBytes } from '../test/support/go-live.ts';
import { codeIn, linkToken, mailTo } from '../test/support/mail.ts';
import { postJson, startTestServer, type TestServer } from '../test/support/test-server.ts';
import { createTestClient } from '../test/support/trpc-client.ts';
import { recordProof } from './support/ledger.ts';
import { businessForm, pdfFile, waitForPhoneAtRest } from './support/phone-lifecycle.ts';

const STUDIOS = 5;
/** Per studio: the password, two mailed tokens, SIP and WhatsApp secrets, the document twice. */
const SECRETS_PER_STUDIO = 8;

describe(`database dump (${describeDatabase()})`, () => {
  let server: TestServer;
  /** The carrier takes no submission until the dump is taken: the documents are held, sealed. */
  let carrierTakes: () => void = () => {};
  const submissionsTaken = new Promise<void>((resolve) => {
    carrierTakes = resolve;
  });
  beforeAll(async () => {
    server = await startTestServer({
      services: {
        providers: createSandboxProviders({
          reviewSeconds: 0,
          beforeSubStep: () => submissionsTaken,
        }),
      },
    });
  });
  afterAll(async () => {
    // Then the reviews end (the documents are deleted) before the server closes.
    carrierTakes();
    for (const tenantId of tenantIds) await waitForPhoneAtRest(server, tenantId).catch(() => {});
    await server.close();
  });
  const tenantIds: string[] = [];

  it('contains none of the generated secrets, mailed tokens, passwords or business documents in plaintext', async ({
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
        tenantIds.push(created.body.tenantId as string);
        return { tenantId: created.body.tenantId as string, password };
      }),
    );
    const secrets: string[] = [];
    for (const [i, { tenantId, password }] of studios.entries()) {
      // The mailed links' tokens: the welcome's verification and a password reset.
      const email = `dump${i}@example.com`;
      await createTestClient(server.baseUrl).client.account.requestPasswordReset.mutate({ email });
      const welcome = await mailTo(server, email, /Willkommen/);
      secrets.push(
        linkToken(welcome, '/verify-email'),
        linkToken(await mailTo(server, email, /zurücksetzen/), '/reset-password'),
      );
      // The phone's business document, with words of its own: neither they nor the file as
      // base64 (what is sealed) may be found.
      const { client } = createTestClient(server.baseUrl);
      await client.auth.login.mutate({ email, password });
      await client.account.verifyEmailCode.mutate({ code: codeIn(welcome) });
      const words = `Geheime Gewerbeanmeldung ${randomUUID()}`;
      const document = Buffer.concat([pdfBytes(), Buffer.from(`% ${words}\n%%EOF\n`)]);
      await client.channels.submitPhoneVerification.mutate(
        businessForm(undefined, pdfFile(`dump-gewerbe-${i}.pdf`, document)),
      );
      secrets.push(words, document.toString('base64'));
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
    // The dump does hold the data: studio names are stored in clear text, and so are the names
    // of the documents held for the review.
    const namesPresent = studios.every(
      (_, i) =>
        dump.includes(Buffer.from(`Dump-Studio ${i}`)) &&
        dump.includes(Buffer.from(`dump-gewerbe-${i}.pdf`)),
    );
    recordProof(task, {
      check: `full database dump searched for secrets, mailed tokens, documents (${describeDatabase()})`,
      tries: secrets.length,
      outcome: `${found.length} of ${secrets.length} secrets, passwords and document contents found in ${(dump.length / 1e6).toFixed(1)} MB`,
      lost: found.length + (namesPresent ? 0 : 1),
    });
    expect(namesPresent).toBe(true);
    expect(secrets).toHaveLength(STUDIOS * SECRETS_PER_STUDIO);
    expect(found).toEqual([]);
  });
});
