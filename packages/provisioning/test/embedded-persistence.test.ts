import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb, createTenant, EmailTakenError, getTenant } from '../src/index.ts';
import { startTestProvisioning } from './support/test-db.ts';

describe('embedded database in a data folder', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pilar-data-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps tenants across a restart and migrates an existing folder without loss', async () => {
    const signup = {
      studioName: 'Beständig',
      ownerEmail: 'b@example.com',
      password: 'SecurePassword123!',
    };
    const first = await createDb({ driver: 'pglite', dataDir });
    let provisioning = await startTestProvisioning(first);
    const { tenantId } = await createTenant(first.db, signup, provisioning.provisioner);
    await provisioning.stop();
    await first.close();

    const second = await createDb({ driver: 'pglite', dataDir });
    provisioning = await startTestProvisioning(second);
    try {
      expect((await getTenant(second.db, tenantId)).name).toBe('Beständig');
      await expect(createTenant(second.db, signup, provisioning.provisioner)).rejects.toThrow(
        EmailTakenError,
      );
    } finally {
      await provisioning.stop();
      await second.close();
    }
  });
});
