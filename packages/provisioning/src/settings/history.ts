import { and, desc, eq } from 'drizzle-orm';
import type { Queryable } from '../db/types.ts';
import { withinTransaction } from '../db/within-transaction.ts';
import { SettingsVersionNotFoundError } from '../errors.ts';
import { settingsHistory, tenantUsers } from '../schema/index.ts';
import { recordSettingsChange } from './record-change.ts';
import type { Editor } from './save-section.ts';
import { updateTenantConfig } from './update-tenant-config.ts';

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
export const restoreSettingsVersion = (
  db: Queryable,
  editor: Editor,
  { version, expectedVersion }: { version: number; expectedVersion: number },
) =>
  withinTransaction(db, async (tx) => {
    const [earlier] = await tx
      .select({ config: settingsHistory.config })
      .from(settingsHistory)
      .where(
        and(eq(settingsHistory.tenantId, editor.tenantId), eq(settingsHistory.version, version)),
      );
    if (!earlier) throw new SettingsVersionNotFoundError(version);
    const updated = await updateTenantConfig(tx, editor.tenantId, earlier.config, {
      expectedVersion,
      updatedById: editor.userId,
    });
    await recordSettingsChange(tx, {
      tenantId: editor.tenantId,
      studioName: editor.studioName,
      version: updated.version,
      section: 'restore',
      config: updated.config,
      changedById: editor.userId,
      restoredFromVersion: version,
    });
    return updated;
  });
