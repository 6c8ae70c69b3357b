import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeySpec, schema } from '@pilar/provisioning';
import { createTestDb, describeDatabase, type TestDb } from '@pilar/provisioning/testing';
import { startTwilioFake, type TwilioFake } from '@pilar/provisioning/testing/twilio-fake';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detailsForm } from '../test/support/go-live.ts';
import { type ServerProcess, startServerProcess } from '../test/support/server-process.ts';
import { WIZARD_CONSENT } from '../test/support/signup-consent.ts';
import { createTestClient } from '../test/support/trpc-client.ts';
import { waitFor } from '../test/support/wait-for.ts';
import { recordProof } from './support/ledger.ts';
import { berlinInventory, TWILIO_SUB_STEPS } from './support/twilio-sub-steps.ts';

const KILLS_PER_STEP = Number(process.env.RELIABILITY_KILLS_PER_STEP ?? 10);

describe(`kill -9 at every sub-step of going live on Twilio (${describeDatabase()})`, () => {
  let testDb: TestDb;
  let dataDir: string;
  let fake: TwilioFake;
  let env: Record<string, string>;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pilar-golive-kill-'));
    testDb = await createTestDb();
    fake = await startTwilioFake({
      inventory: berlinInventory(KILLS_PER_STEP * TWILIO_SUB_STEPS.length + 20),
    });
    env = {
      DATA_DIR: dataDir,
      SECRET_KEY: generateKeySpec(),
      DATABASE_URL: testDb.url,
      PHONE_PROVIDER: 'twilio',
      TWILIO_ACCOUNT_SID: fake.accountSid,
      TWILIO_AUTH_TOKEN: fake.authToken,
      TWILIO_API_BASE_URL: fake.baseUrl,
      VOICE_AGENT_SIP_URI: 'sip:agent@voice.pilar.test',
      OPERATOR_EMAIL: 'betrieb@pilar.test',
      PHONE_REVIEW_POLL_SECONDS: '0.2',
      LOG_LEVEL: 'warn',
    };
  });
  afterAll(async () => {
    await fake?.close();
    await testDb?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it(`buys one number and one trunk per studio after ${KILLS_PER_STEP} kills per sub-step`, async ({
    task,
  }) => {
    const studios: { tenantId: string; step: string }[] = [];
    const killExitCodes: (number | null)[] = [];
    let notResumed = 0;
    let server: ServerProcess = await startServerProcess(env);
    try {
      for (let round = 0; round < KILLS_PER_STEP; round++) {
        for (const step of TWILIO_SUB_STEPS) {
          const index = studios.length;
          const { client } = createTestClient(server.baseUrl);
          const { tenantId } = await client.signup.create.mutate({
            studioName: `Absturz ${index}`,
            ownerEmail: `absturz${index}@example.com`,
            password: 'SicheresPasswort!',
            consent: WIZARD_CONSENT,
          });
          studios.push({ tenantId, step: step.name });
          await testDb.db
            .update(schema.tenantUsers)
            .set({ emailVerifiedAt: sql`now()` })
            .where(eq(schema.tenantUsers.tenantId, tenantId));
          // Killed right after the fake answered the sub-step's request: the answer may or may
          // not have been recorded.
          let seen = 0;
          const current = server;
          const killed = new Promise<number | null>((resolve) => {
            const stop = fake.onAnswered((call) => {
              if (!step.matches(call) || ++seen !== step.occurrence) return;
              stop();
              resolve(current.stop('SIGKILL'));
            });
          });
          await client.channels.submitPhoneVerification.mutate(detailsForm());
          killExitCodes.push(await killed);
          server = await startServerProcess(env);
          const active = await waitFor(
            `studio ${index} to go live after a kill at ${step.name}`,
            async () => {
              const [lifecycle] = await testDb.db
                .select({ stage: schema.channelLifecycles.stage })
                .from(schema.channelLifecycles)
                .where(eq(schema.channelLifecycles.tenantId, tenantId));
              return lifecycle?.stage === 'active' ? lifecycle : undefined;
            },
            60_000,
          ).catch(() => undefined);
          if (!active) notResumed++;
        }
      }
    } finally {
      await server.stop();
    }
    const phones = await testDb.db
      .select({ number: schema.phoneNumbers.number, status: schema.phoneNumbers.status })
      .from(schema.phoneNumbers);
    const bought = fake.state.numbers.map((number) => number.phoneNumber).sort();
    const active = phones.filter((phone) => phone.status === 'ACTIVE').map((phone) => phone.number);
    const extraPurchases = fake.purchases() - studios.length;
    const extraTrunks = fake.trunksCreated() - studios.length;
    recordProof(task, {
      check: `kill -9 of the server after each Twilio sub-step of going live, ${KILLS_PER_STEP}× per sub-step (${describeDatabase()})`,
      tries: killExitCodes.length,
      outcome: `${active.length}/${studios.length} numbers ACTIVE; ${fake.purchases()} purchases and ${fake.trunksCreated()} trunks at the fake for ${studios.length} studios`,
      lost:
        studios.length -
        active.length +
        Math.abs(extraPurchases) +
        Math.abs(extraTrunks) +
        notResumed,
    });
    expect(killExitCodes).toHaveLength(KILLS_PER_STEP * TWILIO_SUB_STEPS.length);
    expect(killExitCodes.filter((code) => code !== null)).toEqual([]);
    expect(notResumed).toBe(0);
    expect(fake.purchases()).toBe(studios.length);
    expect(fake.trunksCreated()).toBe(studios.length);
    expect(active.sort()).toEqual(bought);
    // Every trunk carries exactly its studio's number, the voice agent and one credential list.
    for (const trunk of fake.state.trunks) {
      expect(trunk.phoneNumberSids).toHaveLength(1);
      expect(trunk.originationUrls).toHaveLength(1);
      expect(trunk.credentialListSids).toHaveLength(1);
    }
  }, 1_800_000); // 160 restarts: about 9 minutes here, more on a loaded machine
});
