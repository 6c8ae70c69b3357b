import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { purgeExpired, schema } from '../src/index.ts';
import {
  createTestDb,
  describeDatabase,
  startTestProvisioning,
  type TestDb,
} from './support/test-db.ts';

describe(`purging expired rows on ${describeDatabase()}`, () => {
  let testDb: TestDb;
  beforeEach(async () => {
    testDb = await createTestDb();
  });
  afterEach(async () => {
    await testDb.close();
  });

  it('removes expired sessions, day-old idempotency keys, finished login counters, day-old rate counters, dead mail tokens and old mails only', async () => {
    const { db } = testDb;
    const provisioning = await startTestProvisioning(testDb);
    const { tenantId, ownerId } = await provisioning.createTenant(db, {
      studioName: 'Aufräumen',
      ownerEmail: 'purge@example.com',
      password: 'SecurePassword123!',
    });
    await provisioning.stop();
    const session = (tokenHash: string, expires: string) => ({
      tokenHash,
      userId: ownerId,
      tenantId,
      expiresAt: sql`now() + ${sql.raw(`interval '${expires}'`)}`,
    });
    await db
      .insert(schema.sessions)
      .values([session('expired', '-1 minute'), session('live', '1 day')]);
    await db.insert(schema.idempotencyKeys).values([
      {
        scope: 'signup',
        key: 'old',
        requestHash: 'x',
        createdAt: sql`now() - interval '25 hours'`,
      },
      { scope: 'signup', key: 'new', requestHash: 'x' },
    ]);
    await db.insert(schema.loginThrottles).values([
      { key: 'account:old', failures: 3, windowStartedAt: sql`now() - interval '1 hour'` },
      {
        key: 'account:locked',
        failures: 9,
        windowStartedAt: sql`now() - interval '1 hour'`,
        lockedUntil: sql`now() + interval '5 minutes'`,
      },
      { key: 'account:recent', failures: 1 },
    ]);
    await db.insert(schema.rateLimits).values([
      { key: 'signup:old', hits: 4, windowStartedAt: sql`now() - interval '25 hours'` },
      { key: 'signup:recent', hits: 2 },
    ]);

    // The signup's verification token and welcome mail stay; these are the ones to go or stay.
    const token = (
      tokenHash: string,
      age: string,
      state: { consumed?: boolean; expired?: boolean },
    ) => ({
      tenantId,
      userId: ownerId,
      purpose: 'password_reset' as const,
      tokenHash,
      createdAt: sql`now() - ${sql.raw(`interval '${age}'`)}`,
      expiresAt: sql`now() + ${sql.raw(state.expired ? "interval '-1 minute'" : "interval '1 hour'")}`,
      consumedAt: state.consumed ? sql`now()` : null,
    });
    await db
      .insert(schema.accountTokens)
      .values([
        token('used-long-ago', '2 hours', { consumed: true }),
        token('expired-long-ago', '2 hours', { expired: true }),
        token('used-recently', '10 minutes', { consumed: true }),
        token('live-old', '2 hours', {}),
      ]);
    const mail = (messageId: string, status: 'sent' | 'failed' | 'pending', age: string) => ({
      tenantId,
      messageId,
      recipient: 'purge@example.com',
      template: 'password_reset',
      locale: 'de',
      status,
      createdAt: sql`now() - ${sql.raw(`interval '${age}'`)}`,
    });
    await db
      .insert(schema.outboxMails)
      .values([
        mail('<sent-old>', 'sent', '8 days'),
        mail('<sent-new>', 'sent', '6 days'),
        mail('<failed-old>', 'failed', '31 days'),
        mail('<failed-new>', 'failed', '8 days'),
        mail('<pending-old>', 'pending', '40 days'),
      ]);

    expect(await purgeExpired(db)).toEqual({
      sessions: 1,
      idempotencyKeys: 1,
      loginThrottles: 1,
      rateLimits: 1,
      accountTokens: 2,
      outboxMails: 2,
    });
    expect(
      (await db.select().from(schema.accountTokens))
        .map((t) => t.tokenHash)
        .filter((h) => !/^[0-9a-f]{64}$/.test(h))
        .sort(),
    ).toEqual(['live-old', 'used-recently']);
    expect(
      (await db.select().from(schema.outboxMails))
        .map((m) => m.messageId)
        // The signup's own mail has a random id (which may well start with "<f").
        .filter((id) => !/^<[0-9a-f-]{36}@/.test(id))
        .sort(),
    ).toEqual(['<failed-new>', '<pending-old>', '<sent-new>']);
    expect((await db.select().from(schema.rateLimits)).map((r) => r.key)).toEqual([
      'signup:recent',
    ]);
    expect((await db.select().from(schema.sessions)).map((s) => s.tokenHash)).toEqual(['live']);
    expect((await db.select().from(schema.idempotencyKeys)).map((k) => k.key)).toEqual(['new']);
    expect((await db.select().from(schema.loginThrottles)).map((t) => t.key).sort()).toEqual([
      'account:locked',
      'account:recent',
    ]);
  });
});
