import { countOrphanRows } from '@pilar/provisioning/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BatchResult, RUNS, runBatch, sample } from './support/fuzz-batch.ts';
import { bundleCase, sendBundleCallback } from './support/fuzz-bundle-callback.ts';
import { healthCase, probeHealth } from './support/fuzz-health.ts';
import { multipartCase, sendMultipart } from './support/fuzz-multipart.ts';
import { fuzzProcedure } from './support/fuzz-procedure.ts';
import { restCase, sendRest } from './support/fuzz-rest-signup.ts';
import { signupRows, uploadRows } from './support/fuzz-row-effects.ts';
import { sessionCookieHeader } from './support/fuzz-session-cookie.ts';
import { tallyAnswers } from './support/fuzz-tally.ts';
import { type FuzzTarget, startFuzzTarget } from './support/fuzz-target.ts';
import { plainCall, sendTrpc } from './support/fuzz-trpc.ts';
import { sendWebhook, webhookCase } from './support/fuzz-webhook.ts';
import { recordProof } from './support/ledger.ts';
import {
  countPhoneWakeUps,
  phoneLifecycleOf,
  waitForPhoneAtRest,
  withEmailVerified,
} from './support/phone-lifecycle.ts';
import { type ProcedureType, routerProcedures } from './support/procedures.ts';
import { snapshotAll } from './support/row-snapshots.ts';

/**
 * Fuzzing: every tRPC procedure (taken from the router itself, so a new one is fuzzed without
 * touching this file) and every REST route gets RUNS generated inputs — junk of every type,
 * huge strings, control characters, mixed scripts, near-valid objects, malformed JSON and
 * non-UTF-8 bodies; the form upload also as near-valid multipart forms and broken multipart
 * bodies. The promise: no 5xx, well-formed answers, and no row from a rejected input.
 */

const PROCEDURES = routerProcedures();

/** No 5xx, no malformed answer, no unexplained row, nothing unexpected in the server's log. */
const expectClean = ({ tries, findings }: BatchResult) => {
  expect(tries).toBeGreaterThanOrEqual(RUNS);
  expect(findings).toEqual({ lost: 0, malformed: 0, failures: [], serverLog: [] });
};

describe(`fuzzing every tRPC procedure and REST route (${RUNS} inputs each)`, () => {
  let target: FuzzTarget;
  beforeAll(async () => {
    target = await startFuzzTarget();
  });
  afterAll(async () => {
    await target?.server.close();
  });

  it('finds the procedures in the router', ({ task }) => {
    const byType = (type: ProcedureType) => PROCEDURES.filter((p) => p.type === type).length;
    recordProof(task, {
      check: 'fuzz: procedures taken from appRouter',
      tries: PROCEDURES.length,
      outcome: `${byType('query')} queries, ${byType('mutation')} mutations, ${byType('subscription')} subscriptions`,
      lost: 0,
    });
    console.log(PROCEDURES.map(({ path, type }) => `${path} (${type})`).join(', '));
    expect(PROCEDURES.length).toBeGreaterThan(0);
    expect(target.owner.verifyToken).not.toBe('');
  });

  for (const { path, type } of PROCEDURES) {
    it(`fuzz tRPC ${path} (${type})`, async ({ task }) => {
      expectClean(await fuzzProcedure(target, task, path, type));
    });
  }

  it('fuzz tRPC channels.submitPhoneVerification as multipart form uploads', async ({ task }) => {
    const { server, owner } = target;
    const hadLifecycle = (await phoneLifecycleOf(server, owner.tenantId)) !== null;
    const wakeUps = countPhoneWakeUps(server);
    // The owner's address counts as confirmed for the batch: valid forms reach the database.
    const result = await withEmailVerified(server, owner.ownerId, () =>
      runBatch(target, task, {
        check: 'fuzz tRPC channels.submitPhoneVerification (multipart)',
        ...sample(multipartCase, 'multipart:submitPhoneVerification'),
        send: (input) => sendMultipart(server.baseUrl, owner.cookie, input),
        expected: (tally) => uploadRows(tally.accepted, hadLifecycle),
        settled: () => waitForPhoneAtRest(server, owner.tenantId),
      }),
    ).finally(() => wakeUps.stop());
    expectClean(result);
    const accepted = Number(/(\d+) accepted/.exec(task.meta.proofs?.at(-1)?.outcome ?? '')?.[1]);
    const strays = wakeUps.woken.filter((tenantId) => tenantId !== owner.tenantId);
    // Each accepted form woke its studio's phone work once; no refusal did.
    recordProof(task, {
      check: 'fuzz multipart: phone work woken per accepted form',
      tries: wakeUps.woken.length,
      outcome: `${wakeUps.woken.length} wake-ups for ${accepted} accepted, ${strays.length} of other studios`,
      lost: Math.abs(wakeUps.woken.length - accepted) + strays.length,
    });
    expect({ wakeUps: wakeUps.woken.length, strays }).toEqual({ wakeUps: accepted, strays: [] });
  });

  it('fuzz REST POST /api/tenant/create', async ({ task }) => {
    const result = await runBatch(target, task, {
      check: 'fuzz REST POST /api/tenant/create',
      ...sample(restCase(target.owner), 'rest:tenant-create'),
      send: (input) => sendRest(target.server.baseUrl, input),
      expected: (tally) => signupRows(tally.tenantIds.size, 0),
    });
    expectClean(result);
  });

  it('fuzz REST GET /webhooks/whatsapp/:tenantId', async ({ task }) => {
    const { server, owner } = target;
    const result = await runBatch(target, task, {
      check: 'fuzz REST GET /webhooks/whatsapp/:tenantId',
      ...sample(webhookCase(owner), 'rest:whatsapp-webhook'),
      send: (input) => sendWebhook(server.baseUrl, owner.verifyToken, input),
      expected: () => ({}),
    });
    expectClean(result);
  });

  it('fuzz REST POST /webhooks/twilio/bundles/:tenantId', async ({ task }) => {
    const { server, owner } = target;
    const lifecycles = async () => {
      const { channel_lifecycles: rows = [], verification_documents: documents = [] } =
        await snapshotAll(server);
      return JSON.stringify({ rows, documents });
    };
    const before = await lifecycles();
    const wakeUps = countPhoneWakeUps(server);
    const result = await runBatch(target, task, {
      check: 'fuzz REST POST /webhooks/twilio/bundles/:tenantId',
      ...sample(bundleCase(owner), 'rest:twilio-bundle-callback'),
      send: (input) => sendBundleCallback(server.baseUrl, owner.cookie, input),
      expected: () => ({}),
    }).finally(() => wakeUps.stop());
    expectClean(result);
    const unchanged = (await lifecycles()) === before;
    recordProof(task, {
      check: 'fuzz bundle callback: lifecycles, documents, wake-ups',
      tries: result.tries,
      outcome: `${unchanged ? 'lifecycles and documents unchanged' : 'lifecycles CHANGED'}, ${wakeUps.woken.length} wake-ups`,
      lost: (unchanged ? 0 : 1) + wakeUps.woken.length,
    });
    expect({ unchanged, wakeUps: wakeUps.woken }).toEqual({ unchanged: true, wakeUps: [] });
  });

  it('fuzz the session cookie of owner procedures', async ({ task }) => {
    const queries = PROCEDURES.filter((p) => p.type === 'query').map((p) => p.path);
    const cases = fc.tuple(fc.constantFrom(...queries), sessionCookieHeader(target.owner));
    const result = await runBatch(target, task, {
      check: `fuzz session cookie (${queries.length} queries)`,
      ...sample(cases, 'cookie'),
      send: ([path, cookie]) => sendTrpc(target.server.baseUrl, path, 'query', plainCall(), cookie),
      expected: () => ({}),
    });
    expectClean(result);
  });

  it('answers /health and /metrics whatever the query string', async ({ task }) => {
    const { server } = target;
    const { inputs } = sample(healthCase, 'health', 100);
    const tally = await tallyAnswers(inputs, (input) => probeHealth(server.baseUrl, input));
    const orphans = await countOrphanRows(server.testDb.db);
    recordProof(task, {
      check: 'fuzz /health and /metrics; orphan rows after fuzzing',
      tries: tally.tries,
      outcome: `${tally.statuses()}; ${orphans} orphan rows`,
      lost: tally.serverErrors + orphans,
    });
    expect({ errors: tally.serverErrors, orphans, failures: tally.failures }).toEqual({
      errors: 0,
      orphans: 0,
      failures: [],
    });
  });
});
