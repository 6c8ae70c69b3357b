import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assertEmailVerified, schema, verifyEmailCode } from '../src/index.ts';
import { openMailContent } from '../src/mail/outbox.ts';
import {
  createTestDb,
  describeDatabase,
  startTestProvisioning,
  type TestDb,
} from './support/test-db.ts';

describe(`the verified-address check for going live (${describeDatabase()})`, () => {
  let testDb: TestDb;
  beforeEach(async () => {
    testDb = await createTestDb();
  });
  afterEach(async () => {
    await testDb.close();
  });

  it('refuses until the owner confirmed the address, then lets through', async () => {
    const provisioning = await startTestProvisioning(testDb);
    const { tenantId, ownerId } = await provisioning.createTenant(testDb.db, {
      studioName: 'Live-Studio',
      ownerEmail: 'live@example.com',
      password: 'SecurePassword123!',
    });
    await provisioning.stop();
    await expect(assertEmailVerified(testDb.db, ownerId)).rejects.toMatchObject({
      code: 'EMAIL_NOT_VERIFIED',
    });

    // The welcome mail as the outbox holds it: sealed, its code readable only with the key.
    const [mail] = await testDb.db
      .select()
      .from(schema.outboxMails)
      .where(eq(schema.outboxMails.tenantId, tenantId));
    expect(mail?.status).toBe('pending');
    const content = openMailContent(provisioning.services.keyring, {
      id: mail?.id ?? '',
      content: mail?.content ?? (null as never),
    });
    if (content.template !== 'verify_email') throw new Error(`unexpected ${content.template}`);
    expect(content.welcome).toBe(true);
    await verifyEmailCode(
      testDb.db,
      provisioning.services.keyring,
      { userId: ownerId, tenantId },
      content.code,
    );
    await expect(assertEmailVerified(testDb.db, ownerId)).resolves.toBeUndefined();
  });
});
