import { and, eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type Editor,
  getTenantConfig,
  isDomainError,
  listSettingsHistory,
  restoreSettingsVersion,
  saveSettingsSection,
  schema,
} from '../src/index.ts';
import {
  createTestDb,
  describeDatabase,
  startTestProvisioning,
  type TestDb,
} from './support/test-db.ts';

describe(`settings sections and history on ${describeDatabase()}`, () => {
  let testDb: TestDb;
  let editor: Editor;
  beforeEach(async () => {
    testDb = await createTestDb();
    const provisioning = await startTestProvisioning(testDb);
    const { tenantId, ownerId } = await provisioning.createTenant(testDb.db, {
      studioName: 'Sektion Sport',
      ownerEmail: 's@example.com',
      password: 'SecurePassword123!',
    });
    await provisioning.stop();
    editor = { tenantId, userId: ownerId, studioName: 'Sektion Sport' };
  });
  afterEach(async () => {
    await testDb.close();
  });

  const systemPrompt = async () => {
    const [row] = await testDb.db
      .select({ transcript: schema.conversations.transcript })
      .from(schema.conversations)
      .where(
        and(
          eq(schema.conversations.tenantId, editor.tenantId),
          sql`${schema.conversations.metadata} ->> 'type' = 'system_initialization'`,
        ),
      );
    return String(row?.transcript.systemPrompt);
  };

  it('saves one section, keeps the others, records history and re-renders the agent prompt', async () => {
    const { db } = testDb;
    expect(await systemPrompt()).toContain('- Name: Sektion Sport');
    const saved = await saveSettingsSection(db, editor, {
      section: 'personality',
      value: { tone: 'calm', style: 'casual', formality: 'formal' },
      expectedVersion: 1,
    });
    expect(saved.version).toBe(2);
    expect(saved.config.personality).toEqual({
      tone: 'calm',
      style: 'casual',
      formality: 'formal',
    });
    expect(saved.config.studioRules).toHaveLength(8);
    expect(await systemPrompt()).toContain('verwendest die Sie-Form');

    await saveSettingsSection(db, editor, {
      section: 'businessHours',
      value: {
        hours: {
          ...saved.config.businessHours,
          sunday: { ...saved.config.businessHours.sunday, closed: true },
        },
        closingDays: [{ date: '2026-12-24', label: 'Heiligabend' }],
      },
      expectedVersion: 2,
    });
    const history = await listSettingsHistory(db, editor.tenantId);
    expect(history.map((entry) => [entry.version, entry.section, entry.changedBy])).toEqual([
      [3, 'businessHours', 's@example.com'],
      [2, 'personality', 's@example.com'],
      [1, 'initial', 's@example.com'],
    ]);
    expect(await systemPrompt()).toContain('- 24.12.2026: Heiligabend (geschlossen)');
  });

  it('refuses a save based on a stale version, and exactly one of two concurrent saves wins', async () => {
    const { db } = testDb;
    const outcomes = await Promise.allSettled([
      saveSettingsSection(db, editor, { section: 'studioRules', value: ['A'], expectedVersion: 1 }),
      saveSettingsSection(db, editor, { section: 'studioRules', value: ['B'], expectedVersion: 1 }),
    ]);
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const conflicts = outcomes.filter(
      (o) => o.status === 'rejected' && isDomainError(o.reason, 'VERSION_CONFLICT'),
    );
    expect([won.length, conflicts.length]).toEqual([1, 1]);
    const current = await getTenantConfig(db, editor.tenantId);
    expect(current.version).toBe(2);
    expect((await listSettingsHistory(db, editor.tenantId)).map((entry) => entry.version)).toEqual([
      2, 1,
    ]);
  });

  it('restores an earlier version as a new version', async () => {
    const { db } = testDb;
    await saveSettingsSection(db, editor, {
      section: 'studioRules',
      value: ['Nur eine Regel'],
      expectedVersion: 1,
    });
    const restored = await restoreSettingsVersion(db, editor, { version: 1, expectedVersion: 2 });
    expect(restored.version).toBe(3);
    expect(restored.config.studioRules).toHaveLength(8);
    const [latest] = await listSettingsHistory(db, editor.tenantId);
    expect(latest).toMatchObject({ version: 3, section: 'restore', restoredFromVersion: 1 });
    await expect(
      restoreSettingsVersion(db, editor, { version: 1, expectedVersion: 2 }),
    ).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
    await expect(
      restoreSettingsVersion(db, editor, { version: 99, expectedVersion: 3 }),
    ).rejects.toMatchObject({ code: 'SETTINGS_VERSION_NOT_FOUND' });
  });
});
