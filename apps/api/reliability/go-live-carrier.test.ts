import { randomBytes } from 'node:crypto';
import { schema } from '@pilar/provisioning';
import { describeDatabase } from '@pilar/provisioning/testing';
import { startTwilioFake, type TwilioFake } from '@pilar/provisioning/testing/twilio-fake';
import { eq } from 'drizzle-orm';
import twilio from 'twilio';
import { afterEach, describe, expect, it } from 'vitest';
import {
  detailsForm,
  settledLifecycle,
  signUpVerified,
  waitForPhoneStage,
} from '../test/support/go-live.ts';
import { startTestServer, type TestServer } from '../test/support/test-server.ts';
import { twilioServerOptions } from '../test/support/twilio-studio.ts';
import { waitFor } from '../test/support/wait-for.ts';
import { recordProof } from './support/ledger.ts';

const FORGED_CALLBACKS = Number(process.env.RELIABILITY_FORGED_CALLBACKS ?? 1000);
const DOWN_SECONDS = Number(process.env.RELIABILITY_CARRIER_DOWN_SECONDS ?? 60);

const post = (url: string, body: string, signature?: string) =>
  fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(signature === undefined ? {} : { 'x-twilio-signature': signature }),
    },
    body,
  });

describe(`the carrier's callbacks and outages (${describeDatabase()})`, () => {
  let server: TestServer;
  let fake: TwilioFake;
  afterEach(async () => {
    await server?.close();
    await fake?.close();
  });

  it(`refuses ${FORGED_CALLBACKS} forged review callbacks and changes nothing`, async ({
    task,
  }) => {
    fake = await startTwilioFake({ review: { outcome: 'approve', afterMs: 600_000 } });
    server = await startTestServer({
      ...twilioServerOptions(fake),
      phone: { reviewPollSeconds: 600 },
    });
    const { client, tenantId } = await signUpVerified(server);
    await client.channels.submitPhoneVerification.mutate(detailsForm());
    const bundle = await waitFor('the bundle in review', async () =>
      fake.state.bundles.find((candidate) => candidate.status === 'in-review'),
    );
    const url = `${server.baseUrl}/webhooks/twilio/bundles/${tenantId}`;
    const lifecycle = () =>
      server.testDb.db
        .select()
        .from(schema.channelLifecycles)
        .where(eq(schema.channelLifecycles.tenantId, tenantId));
    // Settled: nothing but the forgeries may touch it from here on.
    const before = [await settledLifecycle(server, tenantId)];
    const callsBefore = fake.calls.length;
    const approved = {
      AccountSid: fake.accountSid,
      BundleSid: bundle.sid,
      Status: 'twilio-approved',
    };
    const valid = twilio.getExpectedTwilioSignature(fake.authToken, url, approved);
    // Each forgery is one of: no signature, random bytes, another token's, the right token over
    // another URL, a valid signature replayed with changed fields, or an empty header.
    const forgeries = [
      () => ({ body: new URLSearchParams(approved).toString(), signature: undefined }),
      () => ({
        body: new URLSearchParams(approved).toString(),
        signature: randomBytes(20).toString('base64'),
      }),
      () => ({
        body: new URLSearchParams(approved).toString(),
        signature: twilio.getExpectedTwilioSignature(
          randomBytes(16).toString('hex'),
          url,
          approved,
        ),
      }),
      () => ({
        body: new URLSearchParams(approved).toString(),
        signature: twilio.getExpectedTwilioSignature(fake.authToken, `${url}?x=1`, approved),
      }),
      () => ({
        body: new URLSearchParams({ ...approved, Status: 'twilio-rejected' }).toString(),
        signature: valid,
      }),
      () => ({ body: new URLSearchParams(approved).toString(), signature: '' }),
    ];
    const statuses = new Map<number, number>();
    for (let i = 0; i < FORGED_CALLBACKS; i++) {
      const forged = forgeries[i % forgeries.length]?.();
      if (!forged) continue;
      const { status } = await post(url, forged.body, forged.signature);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    const after = await lifecycle();
    const changed = JSON.stringify(after) === JSON.stringify(before) ? 0 : 1;
    const carrierCalls = fake.calls.length - callsBefore;
    recordProof(task, {
      check:
        'forged Twilio review callbacks (unsigned, random, wrong token, wrong URL, replayed with changed fields)',
      tries: FORGED_CALLBACKS,
      outcome: `${statuses.get(403) ?? 0}× 403; lifecycle ${changed ? 'CHANGED' : 'unchanged'}; ${carrierCalls} carrier calls caused`,
      lost: FORGED_CALLBACKS - (statuses.get(403) ?? 0) + changed + carrierCalls,
    });
    expect(statuses).toEqual(new Map([[403, FORGED_CALLBACKS]]));
    expect(after).toEqual(before);
    expect(carrierCalls).toBe(0);
    // The genuine callback still works.
    fake.finishReviews();
    await waitForPhoneStage(client, 'active');
  });

  it(`backs off while Twilio is down for ${DOWN_SECONDS} s, tells the owner meanwhile, then goes live`, async ({
    task,
  }) => {
    fake = await startTwilioFake();
    // The production backoff: 5 s, doubling.
    server = await startTestServer({
      ...twilioServerOptions(fake),
      phone: { retryDelaySeconds: 5 },
    });
    const { client } = await signUpVerified(server);
    fake.setDown(true);
    const downSince = Date.now();
    await client.channels.submitPhoneVerification.mutate(detailsForm());
    const told = await waitFor('the outage on the checklist', async () => {
      const phone = (await client.golive.status.query()).items.find((item) => item.id === 'phone');
      return phone?.id === 'phone' && phone.problem?.retryable ? phone : undefined;
    });
    await new Promise((resolve) =>
      setTimeout(resolve, DOWN_SECONDS * 1000 - (Date.now() - downSince)),
    );
    const triedWhileDown = fake.calls.length;
    fake.setDown(false);
    const upSince = Date.now();
    const active = await waitForPhoneStage(client, 'active', 15 * 60_000);
    const secondsToLive = (Date.now() - upSince) / 1000;
    // 5 s doubling: 5, 10, 20, 40 … — a handful of tries in a minute, not one per sweep.
    const expectedMaxTries = Math.ceil(Math.log2(DOWN_SECONDS / 5 + 1)) + 2;
    recordProof(task, {
      check: `Twilio answering 503 for ${DOWN_SECONDS} s while a studio goes live`,
      tries: triedWhileDown,
      outcome: `${triedWhileDown} requests while down (backoff), the owner shown "${told.problem?.code}", live ${secondsToLive.toFixed(1)} s after recovery, ${fake.purchases()} purchase`,
      lost:
        (active.stage === 'active' ? 0 : 1) +
        Math.abs(fake.purchases() - 1) +
        (triedWhileDown > expectedMaxTries ? 1 : 0),
    });
    expect(told).toMatchObject({ state: 'pending', actor: 'us' });
    expect(triedWhileDown).toBeLessThanOrEqual(expectedMaxTries);
    expect(triedWhileDown).toBeGreaterThanOrEqual(2);
    expect(active.problem).toBeNull();
    expect(fake.purchases()).toBe(1);
  });
});
