import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertTenantIsolation,
  createSession,
  inspectTenantIsolation,
  schema,
  TENANT_ROLE,
  TenantIsolationError,
  tenantScope,
  tenantTableNames,
} from '../src/index.ts';
import { countAll } from './support/tenant-rows.ts';
import {
  createTestDb,
  describeDatabase,
  startTestProvisioning,
  type TestDb,
  type TestProvisioning,
} from './support/test-db.ts';

const signup = (i: number) => ({
  studioName: `Studio ${i}`,
  ownerEmail: `owner${i}@example.com`,
  password: `Passwort-${i}-sicher`,
});

describe(`row-level security on ${describeDatabase()}`, () => {
  let testDb: TestDb;
  let provisioning: TestProvisioning;
  let a: string;
  let b: string;
  beforeAll(async () => {
    testDb = await createTestDb();
    provisioning = await startTestProvisioning(testDb);
    a = (await provisioning.createTenant(testDb.db, signup(1))).tenantId;
    b = (await provisioning.createTenant(testDb.db, signup(2))).tenantId;
    for (const tenantId of [a, b]) {
      const [owner] = await testDb.db
        .select()
        .from(schema.tenantUsers)
        .where(eq(schema.tenantUsers.tenantId, tenantId));
      await createSession(testDb.db, { id: owner?.id as string, tenantId });
      // A phone on its way live, with its document under review.
      const [lifecycle] = await testDb.db
        .insert(schema.channelLifecycles)
        .values({ tenantId, channel: 'phone', stage: 'in_review' })
        .returning();
      await testDb.db.insert(schema.verificationDocuments).values({
        tenantId,
        lifecycleId: lifecycle?.id as string,
        fileName: 'gewerbeanmeldung.pdf',
        contentType: 'application/pdf',
        sizeBytes: 1,
        sealedContent: '{}',
      });
    }
  });
  afterAll(async () => {
    await provisioning.stop();
    await testDb.close();
  });

  it('is forced with a policy on every tenant table, and tenant work runs as a role that cannot bypass it', async () => {
    const report = await inspectTenantIsolation(testDb.db);
    expect(report.tables.map((table) => table.name)).toEqual(tenantTableNames());
    expect(report.tables).toHaveLength(19);
    for (const table of report.tables) {
      expect(table, table.name).toMatchObject({ enabled: true, forced: true, policies: 1 });
    }
    expect(report.tenantRole).toEqual({ role: TENANT_ROLE, bypasses: false });
    expect(report.serviceRole.bypasses).toBe(true);
  });

  it('shows a tenant scope only its own rows in every tenant table, even without a tenant filter', async () => {
    const everything = await countAll(testDb.db);
    const scoped = await tenantScope(
      testDb.db,
      a,
    )(async (tx) => {
      const counts: Record<string, { mine: number; others: number }> = {};
      for (const name of tenantTableNames()) {
        const column = name === 'tenants' ? 'id' : 'tenant_id';
        const [row] = await tx.execute<{ mine: number; others: number }>(
          sql`select count(*) filter (where ${sql.identifier(column)} = ${a})::int as mine,
            count(*) filter (where ${sql.identifier(column)} <> ${a})::int as others
            from ${sql.identifier(name)}`,
        );
        counts[name] = row as { mine: number; others: number };
      }
      return counts;
    });
    for (const [name, { mine, others }] of Object.entries(scoped)) {
      expect(others, `${name}: another tenant's rows visible`).toBe(0);
      if (!['conversations', 'workout_plans', 'invitations'].includes(name)) {
        expect(mine, `${name}: own rows`).toBeGreaterThan(0);
        // The other tenant's rows exist; only the scope hides them.
        expect(everything[name], `${name}: all rows`).toBeGreaterThan(mine);
      }
    }
  });

  it('refuses to write another tenant’s rows from a tenant scope', async () => {
    const inB = tenantScope(testDb.db, b);
    await expect(
      inB((tx) => tx.insert(schema.conversations).values({ tenantId: a, channel: 'VOICE' })),
    ).rejects.toThrow();
    const updated = await inB((tx) =>
      tx
        .update(schema.tenants)
        .set({ name: 'übernommen' })
        .where(eq(schema.tenants.id, a))
        .returning(),
    );
    expect(updated).toHaveLength(0);
    const deleted = await inB((tx) =>
      tx.delete(schema.sessions).where(eq(schema.sessions.tenantId, a)).returning(),
    );
    expect(deleted).toHaveLength(0);
    const [tenantA] = await testDb.db.select().from(schema.tenants).where(eq(schema.tenants.id, a));
    expect(tenantA?.name).toBe('Studio 1');
  });

  it('shows nothing to a scope whose tenant does not exist', async () => {
    const counts = await tenantScope(
      testDb.db,
      '00000000-0000-4000-8000-000000000000',
    )(async (tx) => tx.select().from(schema.tenantUsers));
    expect(counts).toHaveLength(0);
  });

  it('refuses to start when a tenant table lost forced row-level security', async () => {
    await testDb.db.execute(sql`alter table conversations no force row level security`);
    try {
      const refusal = await assertTenantIsolation(testDb.db).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(TenantIsolationError);
      expect((refusal as TenantIsolationError).problems).toEqual([
        'table "conversations" lacks forced row-level security with a policy',
      ]);
    } finally {
      await testDb.db.execute(sql`alter table conversations force row level security`);
    }
    await expect(assertTenantIsolation(testDb.db)).resolves.toBeUndefined();
  });
});
