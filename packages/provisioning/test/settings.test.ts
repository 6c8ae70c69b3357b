import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createTenant,
  DEFAULT_TENANT_CONFIG,
  getTenantConfig,
  InvalidInputError,
  SettingsVersionConflictError,
  TenantNotFoundError,
  tenantConfigSchema,
  updateTenantConfig,
} from '../src/index.ts';
import {
  createTestDb,
  describeDriver,
  startTestProvisioning,
  type TestDb,
} from './support/test-db.ts';

describe(`updateTenantConfig on ${describeDriver()}`, () => {
  let testDb: TestDb;
  let tenantId: string;
  beforeEach(async () => {
    testDb = await createTestDb();
    const provisioning = await startTestProvisioning(testDb);
    ({ tenantId } = await createTenant(
      testDb.db,
      { studioName: 'Kraftwerk', ownerEmail: 'k@example.com', password: 'SecurePassword123!' },
      provisioning.provisioner,
    ));
    await provisioning.stop();
  });
  afterEach(async () => {
    await testDb.close();
  });

  const changed = tenantConfigSchema.parse({
    ...DEFAULT_TENANT_CONFIG,
    studioRules: ['Sei pünktlich'],
  });

  it('writes a valid document and bumps the version', async () => {
    const { db } = testDb;
    expect(await updateTenantConfig(db, tenantId, changed, { expectedVersion: 1 })).toEqual({
      version: 2,
      config: changed,
    });
    expect(await getTenantConfig(db, tenantId)).toEqual({ version: 2, config: changed });
  });

  it('refuses a write based on a stale version and keeps the newer document', async () => {
    const { db } = testDb;
    await updateTenantConfig(db, tenantId, changed, { expectedVersion: 1 });
    const stale = updateTenantConfig(db, tenantId, DEFAULT_TENANT_CONFIG, { expectedVersion: 1 });
    await expect(stale).rejects.toThrow(SettingsVersionConflictError);
    expect((await getTenantConfig(db, tenantId)).config).toEqual(changed);
  });

  it('lets exactly one of two concurrent writes on the same version win', async () => {
    const { db } = testDb;
    const outcomes = await Promise.allSettled([
      updateTenantConfig(db, tenantId, changed, { expectedVersion: 1 }),
      updateTenantConfig(db, tenantId, { ...changed, currency: 'CHF' }, { expectedVersion: 1 }),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(
      outcomes.filter(
        (o) => o.status === 'rejected' && o.reason instanceof SettingsVersionConflictError,
      ),
    ).toHaveLength(1);
    expect((await getTenantConfig(db, tenantId)).version).toBe(2);
  });

  it('refuses an invalid document with field paths', async () => {
    const { db } = testDb;
    const failure = await updateTenantConfig(db, tenantId, {
      ...DEFAULT_TENANT_CONFIG,
      whatsapp: { ...DEFAULT_TENANT_CONFIG.whatsapp, maxMessageLength: 10_000 },
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(InvalidInputError);
    expect((failure as InvalidInputError).issues[0]?.path).toBe('whatsapp.maxMessageLength');
  });

  it('reports an unknown tenant', async () => {
    await expect(
      updateTenantConfig(testDb.db, '00000000-0000-4000-8000-000000000000', DEFAULT_TENANT_CONFIG),
    ).rejects.toThrow(TenantNotFoundError);
  });
});
