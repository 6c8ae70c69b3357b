import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeySpec, schema } from '@pilar/provisioning';
import { createTestDb, describeDatabase, type TestDb } from '@pilar/provisioning/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeIn, linkToken, mailTo } from '../test/support/mail.ts';
import { type ServerProcess, startServerProcess } from '../test/support/server-process.ts';
import { WIZARD_CONSENT } from '../test/support/signup-consent.ts';
import { startSmtpInbox } from '../test/support/smtp-inbox.ts';
import { startTestServer, type TestServer } from '../test/support/test-server.ts';
import { CookieJar, createTestClient, errorOf } from '../test/support/trpc-client.ts';
import { recordProof } from './support/ledger.ts';

const ROUNDS = Number(process.env.RELIABILITY_MAIL_KILL_ROUNDS ?? 6);
const SIGNUPS_PER_ROUND = 8;
const GUESSES = 100;
const FORGED_TOKENS = 1_000;
const TIMED_REQUESTS = 200;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

describe(`mail outbox under kill -9 (${describeDatabase()})`, () => {
  let testDb: TestDb;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pilar-mail-kill-'));
    testDb = await createTestDb();
  });
  afterAll(async () => {
    await testDb.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('delivers every committed mail although the server is killed between commit and delivery', async ({
    task,
  }) => {
    // A slow provider keeps deliveries in flight for a while after their commits.
    const inbox = await startSmtpInbox({ delayMs: 700 });
    const env = {
      DATA_DIR: dataDir,
      SECRET_KEY: generateKeySpec(),
      DATABASE_URL: testDb.url,
      SMTP_URL: inbox.url,
    };
    let server: ServerProcess | undefined;
    let kills = 0;
    try {
      for (let round = 0; round < ROUNDS; round++) {
        server = await startServerProcess(env);
        const signups = Array.from({ length: SIGNUPS_PER_ROUND }, (_, index) =>
          createTestClient(server?.baseUrl ?? '', new CookieJar()).client.signup.create.mutate({
            studioName: `Post ${round}-${index}`,
            ownerEmail: `post-${round}-${index}@example.com`,
            password: 'SicheresPasswort!',
            consent: WIZARD_CONSENT,
          }),
        );
        // Killed at a random moment: while signups commit, or after, with deliveries in flight.
        await Promise.race([
          Promise.allSettled(signups),
          new Promise((resolve) => setTimeout(resolve, 1500)),
        ]);
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 600));
        await server.stop('SIGKILL');
        kills++;
        await Promise.allSettled(signups);
      }
      server = await startServerProcess(env);
      const owners = await testDb.db
        .select({ email: schema.tenantUsers.email })
        .from(schema.tenantUsers);
      // A delivery cut off mid-send is retried once its job expires (90 s) and pg-boss notices.
      const deadline = Date.now() + 240_000;
      const delivered = () => new Set(inbox.accepted.flatMap((mail) => mail.to));
      while (Date.now() < deadline && owners.some(({ email }) => !delivered().has(email))) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const lost = owners.filter(({ email }) => !delivered().has(email)).length;
      const resent =
        inbox.accepted.length - new Set(inbox.accepted.map((mail) => mail.messageId)).size;
      const ids = new Map<string, Set<string>>();
      for (const mail of inbox.accepted) {
        for (const to of mail.to) ids.set(to, (ids.get(to) ?? new Set()).add(mail.messageId));
      }
      const twoIds = [...ids.values()].filter((messageIds) => messageIds.size > 1).length;
      recordProof(task, {
        check: `kill -9 between commit and delivery, ${ROUNDS} rounds × ${SIGNUPS_PER_ROUND} signups`,
        tries: kills,
        outcome: `${owners.length - lost}/${owners.length} committed welcome mails delivered; ${resent} re-sent after a crash with the same Message-ID, ${twoIds} with a second one`,
        lost: lost + twoIds,
      });
      expect(owners.length).toBeGreaterThan(0);
      expect(lost).toBe(0);
      expect(twoIds).toBe(0);
    } finally {
      await server?.stop('SIGKILL');
      await inbox.close();
    }
  });
});

describe('codes and tokens', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      resetLimits: {
        perAccount: { limit: 1_000_000, windowSeconds: 3600 },
        perClient: { limit: 1_000_000, windowSeconds: 3600 },
      },
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it(`locks a 6-digit code after 5 wrong guesses, of ${GUESSES} sent at once`, async ({ task }) => {
    const { client } = createTestClient(server.baseUrl);
    await client.signup.create.mutate({
      studioName: 'Rate-Studio',
      ownerEmail: 'rate@example.com',
      password: 'SicheresPasswort!',
      consent: WIZARD_CONSENT,
    });
    const code = codeIn(await mailTo(server, 'rate@example.com'));
    const guesses = Array.from({ length: GUESSES }, (_, index) =>
      String((Number(code) + 1 + index) % 1_000_000).padStart(6, '0'),
    );
    const answers = await Promise.all(
      guesses.map((guess) =>
        client.account.verifyEmailCode.mutate({ code: guess }).then(
          () => 'ACCEPTED',
          (error: unknown) => (error as { data?: { domainCode?: string } }).data?.domainCode,
        ),
      ),
    );
    const tally = (name: string) => answers.filter((answer) => answer === name).length;
    const rightOneAfter = await errorOf(client.account.verifyEmailCode.mutate({ code }));
    recordProof(task, {
      check: `6-digit code brute force, ${GUESSES} parallel guesses`,
      tries: GUESSES + 1,
      outcome: `${tally('CODE_INVALID')} counted wrong, then ${tally('CODE_EXPIRED')} refused as used up; the right code after: ${rightOneAfter.data?.domainCode}`,
      lost: tally('ACCEPTED') + (tally('CODE_INVALID') === 4 ? 0 : 1),
    });
    expect(tally('CODE_INVALID')).toBe(4);
    expect(tally('CODE_EXPIRED')).toBe(GUESSES - 4);
    expect(rightOneAfter.data?.domainCode).toBe('CODE_EXPIRED');
    expect((await client.auth.me.query())?.user.emailVerified).toBe(false);
  });

  it(`accepts none of ${FORGED_TOKENS} forged link tokens`, async ({ task }) => {
    const { client } = createTestClient(server.baseUrl);
    await client.signup.create.mutate({
      studioName: 'Fälscher-Studio',
      ownerEmail: 'echt@example.com',
      password: 'SicheresPasswort!',
      consent: WIZARD_CONSENT,
    });
    const real = linkToken(await mailTo(server, 'echt@example.com'), '/verify-email');
    // Random tokens of the real shape, and the real one with one character changed.
    const forged = Array.from({ length: FORGED_TOKENS }, (_, index) => {
      if (index % 10 !== 0) return randomBytes(32).toString('base64url');
      const at = index % real.length;
      return real.slice(0, at) + (real[at] === 'A' ? 'B' : 'A') + real.slice(at + 1);
    });
    const anonymous = createTestClient(server.baseUrl, new CookieJar()).client;
    let accepted = 0;
    const refusals = new Map<string, number>();
    for (const [index, token] of forged.entries()) {
      const attempt =
        index % 2 === 0
          ? anonymous.account.verifyEmail.mutate({ token })
          : anonymous.account.resetPassword.mutate({ token, password: 'Neues-Passwort-2026' });
      await attempt.then(
        () => {
          accepted++;
        },
        (error: unknown) => {
          const code = (error as { data?: { domainCode?: string } }).data?.domainCode ?? 'other';
          refusals.set(code, (refusals.get(code) ?? 0) + 1);
        },
      );
    }
    recordProof(task, {
      check: `${FORGED_TOKENS} forged verification and reset tokens`,
      tries: FORGED_TOKENS,
      outcome: `${accepted} accepted; refused: ${[...refusals].map(([code, n]) => `${n} ${code}`).join(', ')}`,
      lost: accepted,
    });
    expect(accepted).toBe(0);
    expect(refusals.get('TOKEN_INVALID')).toBe(FORGED_TOKENS);
    expect(await anonymous.account.verifyEmail.mutate({ token: real })).toMatchObject({
      kind: 'verified',
    });
  });

  it('answers reset requests for known and unknown addresses in comparable time', async ({
    task,
  }) => {
    const { client } = createTestClient(server.baseUrl);
    await client.signup.create.mutate({
      studioName: 'Zeit-Studio',
      ownerEmail: 'bekannt@example.com',
      password: 'SicheresPasswort!',
      consent: WIZARD_CONSENT,
    });
    const anonymous = createTestClient(server.baseUrl, new CookieJar()).client;
    const timings = { known: [] as number[], unknown: [] as number[] };
    const bodies = new Set<string>();
    for (let request = 0; request < TIMED_REQUESTS * 2; request++) {
      // Alternating, so drift on the machine affects both alike.
      const kind = request % 2 === 0 ? 'known' : 'unknown';
      const email = kind === 'known' ? 'bekannt@example.com' : `unbekannt-${request}@example.com`;
      const started = performance.now();
      const answer = await anonymous.account.requestPasswordReset.mutate({ email });
      timings[kind].push(performance.now() - started);
      bodies.add(JSON.stringify(answer));
    }
    const known = median(timings.known);
    const unknown = median(timings.unknown);
    recordProof(task, {
      check: `password-reset request timing, ${TIMED_REQUESTS} known vs ${TIMED_REQUESTS} unknown addresses`,
      tries: TIMED_REQUESTS * 2,
      outcome: `median known ${known.toFixed(2)} ms, unknown ${unknown.toFixed(2)} ms; ${bodies.size} distinct answer`,
      lost: bodies.size - 1,
    });
    expect(bodies.size).toBe(1);
  });
});
