import { PASSWORD_MAX_BYTES } from '@pilar/provisioning';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WIZARD_CONSENT } from '../test/support/signup-consent.ts';
import { postForText, startTestServer, type TestServer } from '../test/support/test-server.ts';
import { recordProof } from './support/ledger.ts';
import { BOUNDARY_PAIRS, passwordPairs } from './support/password-pairs.ts';

const PAIRS = 120;
const SEED = 20261126;
const ACCOUNT_FAILURES = 4;

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

describe('passwords', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      throttlePolicy: {
        accountFailures: ACCOUNT_FAILURES,
        addressFailures: 1_000_000,
        windowSeconds: 900,
        lockSeconds: 60,
        maxLockSeconds: 900,
      },
    });
  });
  afterAll(async () => {
    await server.close();
  });

  const post = async (path: string, body: unknown) =>
    (await postForText(`${server.baseUrl}/trpc/${path}`, body)).status;

  it('no two distinct accepted passwords verify against each other’s hash', async ({ task }) => {
    const pairs = [
      ...BOUNDARY_PAIRS,
      ...fc.sample(passwordPairs(), { numRuns: PAIRS, seed: SEED }),
    ];
    let crossMatches = 0;
    let ownRejected = 0;
    for (const [index, [p1, p2]] of pairs.entries()) {
      const email = `passwort${index}@example.com`;
      expect(
        await post('signup.create', {
          studioName: `P ${index}`,
          ownerEmail: email,
          password: p1,
          consent: WIZARD_CONSENT,
        }),
      ).toBe(200);
      if ((await post('auth.login', { email, password: p2 })) !== 401) crossMatches++;
      if ((await post('auth.login', { email, password: p1 })) !== 200) ownRejected++;
    }
    // Longer than bcrypt reads: refused outright instead of silently cut to 72 bytes.
    const tooLong = ['a'.repeat(PASSWORD_MAX_BYTES + 1), `${'a'.repeat(PASSWORD_MAX_BYTES - 1)}ü`];
    const tooLongStatuses = await Promise.all(
      tooLong.map((password, i) =>
        post('signup.create', {
          studioName: 'Lang',
          ownerEmail: `lang${i}@example.com`,
          password,
          consent: WIZARD_CONSENT,
        }),
      ),
    );
    expect(tooLong.every((password) => bytes(password) > PASSWORD_MAX_BYTES)).toBe(true);
    recordProof(task, {
      check: 'distinct accepted passwords cross-checked at login (72-byte trap)',
      tries: pairs.length,
      outcome: `${crossMatches} cross matches, ${ownRejected} own passwords refused, >72-byte passwords → ${tooLongStatuses.join('/')} (seed ${SEED})`,
      lost: crossMatches + ownRejected,
    });
    expect(crossMatches).toBe(0);
    expect(ownRejected).toBe(0);
    expect(tooLongStatuses).toEqual([400, 400]);
  });

  it('locks an account after the configured number of failed logins', async ({ task }) => {
    const email = 'sperre@example.com';
    const password = 'SicheresPasswort!';
    expect(
      await post('signup.create', {
        studioName: 'Sperre',
        ownerEmail: email,
        password,
        consent: WIZARD_CONSENT,
      }),
    ).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < ACCOUNT_FAILURES + 2; i++) {
      statuses.push(await post('auth.login', { email, password: `falsch-${i}-falsch` }));
    }
    const rightPasswordWhileLocked = await post('auth.login', { email, password });
    const engagedAt = statuses.indexOf(429) + 1;
    recordProof(task, {
      check: `login throttle (configured: ${ACCOUNT_FAILURES} failures per account)`,
      tries: statuses.length + 1,
      outcome: `${statuses.join(' ')}; locked from failure ${engagedAt}; right password while locked → ${rightPasswordWhileLocked}`,
      lost: (engagedAt === ACCOUNT_FAILURES ? 0 : 1) + (rightPasswordWhileLocked === 429 ? 0 : 1),
    });
    expect(statuses.slice(0, ACCOUNT_FAILURES - 1).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(ACCOUNT_FAILURES - 1).every((status) => status === 429)).toBe(true);
    expect(rightPasswordWhileLocked).toBe(429);
  });
});
