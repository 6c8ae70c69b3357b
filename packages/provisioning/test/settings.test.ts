import { and, eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  commitSettingsVersion,
  DEFAULT_TENANT_CONFIG,
  type DomainError,
  getTenantConfig,
  isDomainError,
  tenantConfigSchema,
} from '../src/index.ts';
import * as schema from '../src/schema/index.ts';
import {
  createTestDb,
  describeDatabase,
  startTestProvisioning,
  type TestDb,
} from './support/test-db.ts';

describe(`commitSettingsVersion on ${describeDatabase()}`, () => {
  let testDb: TestDb;
  let tenantId: string;
  beforeEach(async () => {
    testDb = await createTestDb();
    const provisioning = await startTestProvisioning(testDb);
    ({ tenantId } = await provisioning.createTenant(testDb.db, {
      studioName: 'Kraftwerk',
      ownerEmail: 'k@example.com',
      password: 'SecurePassword123!',
    }));
    await provisioning.stop();
  });
  afterEach(async () => {
    await testDb.close();
  });

  const changed = tenantConfigSchema.parse({
    ...DEFAULT_TENANT_CONFIG,
    studioRules: ['Sei pünktlich'],
  });
  const commit = (config: unknown, expectedVersion: number, id = tenantId) =>
    commitSettingsVersion(testDb.db, {
      tenantId: id,
      studioName: 'Kraftwerk',
      config: config as typeof changed,
      expectedVersion,
      section: 'studioRules',
      changedById: null,
    });
  const historyVersions = async () =>
    (
      await testDb.db
        .select({ version: schema.settingsHistory.version })
        .from(schema.settingsHistory)
        .where(eq(schema.settingsHistory.tenantId, tenantId))
    )
      .map((row) => row.version)
      .sort();
  const agentProfile = async () => {
    const [profile] = await testDb.db
      .select({
        transcript: schema.conversations.transcript,
        metadata: schema.conversations.metadata,
      })
      .from(schema.conversations)
      .where(
        and(
          eq(schema.conversations.tenantId, tenantId),
          eq(sql`${schema.conversations.metadata} ->> 'type'`, 'system_initialization'),
        ),
      );
    return profile;
  };

  it('writes a valid document, bumps the version, records it and re-renders the agent prompt', async () => {
    expect(await commit(changed, 1)).toEqual({ version: 2, config: changed });
    expect(await getTenantConfig(testDb.db, tenantId)).toEqual({ version: 2, config: changed });
    expect(await historyVersions()).toEqual([1, 2]);
    const profile = await agentProfile();
    expect(profile?.transcript.systemPrompt).toContain('1. Sei pünktlich');
    expect(profile?.metadata.config).toEqual(changed);
  });

  it('refuses a write based on a stale version and keeps the newer document, history and prompt', async () => {
    await commit(changed, 1);
    const profile = await agentProfile();
    await expect(commit(DEFAULT_TENANT_CONFIG, 1)).rejects.toMatchObject({
      code: 'VERSION_CONFLICT',
    });
    expect((await getTenantConfig(testDb.db, tenantId)).config).toEqual(changed);
    expect(await historyVersions()).toEqual([1, 2]);
    expect(await agentProfile()).toEqual(profile);
  });

  it('lets exactly one of two concurrent writes on the same version win', async () => {
    const outcomes = await Promise.allSettled([
      commit(changed, 1),
      commit({ ...changed, currency: 'CHF' }, 1),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(
      outcomes.filter(
        (o) => o.status === 'rejected' && isDomainError(o.reason, 'VERSION_CONFLICT'),
      ),
    ).toHaveLength(1);
    expect((await getTenantConfig(testDb.db, tenantId)).version).toBe(2);
    expect(await historyVersions()).toEqual([1, 2]);
  });

  it('refuses an invalid document with field paths', async () => {
    const failure = await commit(
      {
        ...DEFAULT_TENANT_CONFIG,
        whatsapp: { ...DEFAULT_TENANT_CONFIG.whatsapp, maxMessageLength: 10_000 },
      },
      1,
    ).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'INVALID_INPUT' });
    expect((failure as DomainError<'INVALID_INPUT'>).data.issues[0]?.path).toBe(
      'whatsapp.maxMessageLength',
    );
  });

  it('reports an unknown tenant', async () => {
    await expect(
      commit(DEFAULT_TENANT_CONFIG, 1, '00000000-0000-4000-8000-000000000000'),
    ).rejects.toMatchObject({ code: 'TENANT_NOT_FOUND' });
  });
});
