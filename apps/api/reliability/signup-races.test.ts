import { randomUUID } from 'node:crypto';
import { schema } from '@pilar/provisioning';
import {
  countAll,
  countOrphanRows,
  countTenantRows,
  describeDatabase,
} from '@pilar/provisioning/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { WIZARD_CONSENT } from '../test/support/signup-consent.ts';
import { postForText, startTestServer, type TestServer } from '../test/support/test-server.ts';
import { recordProof } from './support/ledger.ts';
import { statusTally } from './support/status-tally.ts';

const SAME_EMAIL_SIGNUPS = 1000;
const IDEMPOTENT_REPEATS = 50;

describe(`sign-up races (${describeDatabase()})`, () => {
  let server: TestServer;
  afterEach(async () => {
    await server.close();
  });

  it(`${SAME_EMAIL_SIGNUPS} concurrent sign-ups with one e-mail create exactly one tenant`, async ({
    task,
  }) => {
    server = await startTestServer({ restWaitTimeoutMs: 120_000 });
    // Half through tRPC, half through the REST contract, all at once.
    const answers = await Promise.all(
      Array.from({ length: SAME_EMAIL_SIGNUPS }, async (_, i) => {
        const body = {
          studioName: `Wettlauf ${i}`,
          ownerEmail: i % 3 === 0 ? 'WETTLAUF@example.com' : 'wettlauf@example.com',
          password: 'SicheresPasswort!',
        };
        return i % 2 === 0
          ? postForText(`${server.baseUrl}/trpc/signup.create`, {
              ...body,
              consent: WIZARD_CONSENT,
            })
          : postForText(`${server.baseUrl}/api/tenant/create`, body);
      }),
    );
    const statuses = answers.map((answer) => answer.status);
    const created = answers.filter((answer) => answer.status < 300);
    const refused = answers.filter(
      (answer) => answer.status === 409 && answer.text.includes('Email already exists'),
    );
    const serverErrors = statuses.filter((status) => status >= 500).length;
    const { db } = server.testDb;
    const rows = await countAll(db);
    const orphans = await countOrphanRows(db);
    const tenants = await db.select().from(schema.tenants);
    // Every row of every tenant table belongs to the one tenant that won.
    const winner = tenants[0]?.id ?? '00000000-0000-4000-8000-000000000000';
    const winnerRows = await countTenantRows(db, winner);
    const strayRows = Object.entries(rows).reduce(
      (sum, [table, n]) => sum + n - (winnerRows[table] ?? 0),
      0,
    );
    recordProof(task, {
      check: `${SAME_EMAIL_SIGNUPS} concurrent sign-ups, one e-mail (PostgreSQL)`,
      tries: SAME_EMAIL_SIGNUPS,
      outcome: `${tenants.length} tenant, ${refused.length} × 409 "Email already exists" (${statusTally(statuses)}), ${orphans} orphan rows`,
      lost: serverErrors + orphans + Math.abs(tenants.length - 1) + strayRows,
    });
    expect(created).toHaveLength(1);
    expect(refused).toHaveLength(SAME_EMAIL_SIGNUPS - 1);
    expect(serverErrors).toBe(0);
    expect(tenants).toHaveLength(1);
    expect(orphans).toBe(0);
    expect(strayRows).toBe(0);
  });

  it(`${IDEMPOTENT_REPEATS} identical requests with one idempotency key create one tenant`, async ({
    task,
  }) => {
    server = await startTestServer();
    const body = {
      studioName: 'Einmal-Studio',
      ownerEmail: 'einmal@example.com',
      password: 'SicheresPasswort!',
    };
    const restKey = randomUUID();
    const rest = await Promise.all(
      Array.from({ length: IDEMPOTENT_REPEATS }, () =>
        postForText(`${server.baseUrl}/api/tenant/create`, body, { 'idempotency-key': restKey }),
      ),
    );
    const trpcKey = randomUUID();
    const trpcBody = {
      ...body,
      consent: WIZARD_CONSENT,
      ownerEmail: 'zweimal@example.com',
      idempotencyKey: trpcKey,
    };
    const trpc = await Promise.all(
      Array.from({ length: IDEMPOTENT_REPEATS }, () =>
        postForText(`${server.baseUrl}/trpc/signup.create`, trpcBody),
      ),
    );
    const tenants = await server.testDb.db.select().from(schema.tenants);
    const distinctBodies =
      new Set(rest.map((r) => r.text)).size + new Set(trpc.map((r) => r.text)).size;
    const failures = [...rest, ...trpc].filter((answer) => answer.status >= 300).length;
    recordProof(task, {
      check: `${IDEMPOTENT_REPEATS} parallel identical requests, one key (REST and tRPC)`,
      tries: 2 * IDEMPOTENT_REPEATS,
      outcome: `${tenants.length} tenants for 2 keys, ${distinctBodies} distinct bodies, ${failures} refusals`,
      lost: Math.abs(tenants.length - 2) + (distinctBodies - 2) + failures,
    });
    expect(rest.every((answer) => answer.status === 201)).toBe(true);
    expect(trpc.every((answer) => answer.status === 200)).toBe(true);
    expect(distinctBodies).toBe(2);
    expect(tenants).toHaveLength(2);

    // The same key with another body is refused clearly.
    const reused = await postForText(
      `${server.baseUrl}/api/tenant/create`,
      { ...body, studioName: 'Anders' },
      { 'idempotency-key': restKey },
    );
    expect(reused.status).toBe(422);
  });
});
