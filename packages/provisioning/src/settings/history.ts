import { and, desc, eq } from 'drizzle-orm';
import type { Queryable } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import { settingsHistory, tenantUsers } from '../schema/index.ts';
import { commitSettingsVersion } from './commit-settings-version.ts';
import type { Editor } from './save-section.ts';

export const listSettingsHistory = (db: Queryable, tenantId: string, limit = 50) =>
  db
    .select({
      version: settingsHistory.version,
      section: settingsHistory.section,
      restoredFromVersion: settingsHistory.restoredFromVersion,
      changedAt: settingsHistory.changedAt,
      changedBy: tenantUsers.email,
    })
    .from(settingsHistory)
    .leftJoin(tenantUsers, eq(tenantUsers.id, settingsHistory.changedById))
    .where(eq(settingsHistory.tenantId, tenantId))
    .orderBy(desc(settingsHistory.version))
    .limit(limit);

/** Makes an earlier version current again, as a new version (history is never rewritten). */
export const restoreSettingsVersion = async (
  db: Queryable,
  editor: Editor,
  { version, expectedVersion }: { version: number; expectedVersion: number },
) => {
  const [earlier] = await db
    .select({ config: settingsHistory.config })
    .from(settingsHistory)
    .where(
      and(eq(settingsHistory.tenantId, editor.tenantId), eq(settingsHistory.version, version)),
    );
  if (!earlier) throw new DomainError('SETTINGS_VERSION_NOT_FOUND', { version });
  return commitSettingsVersion(db, {
    tenantId: editor.tenantId,
    studioName: editor.studioName,
    config: earlier.config,
    expectedVersion,
    section: 'restore',
    changedById: editor.userId,
    restoredFromVersion: version,
  });
};
