import { type SectionSave, writeSection } from '../contracts/settings-sections.ts';
import type { Queryable } from '../db/types.ts';
import { withinTransaction } from '../db/within-transaction.ts';
import { SettingsVersionConflictError } from '../errors.ts';
import { recordSettingsChange } from './record-change.ts';
import { getTenantConfig, updateTenantConfig } from './update-tenant-config.ts';

/** Who saves: from the owner's session, which also names the studio for the agent prompt. */
export interface Editor {
  tenantId: string;
  userId: string;
  studioName: string;
}

/**
 * Saves one section on top of the version the owner started from. If anyone saved in the
 * meantime the save is refused with the current version — never a silent overwrite.
 */
export const saveSettingsSection = (db: Queryable, editor: Editor, save: SectionSave) =>
  withinTransaction(db, async (tx) => {
    const current = await getTenantConfig(tx, editor.tenantId);
    if (current.version !== save.expectedVersion) {
      throw new SettingsVersionConflictError(current.version);
    }
    const updated = await updateTenantConfig(
      tx,
      editor.tenantId,
      writeSection(current.config, save),
      {
        expectedVersion: save.expectedVersion,
        updatedById: editor.userId,
      },
    );
    await recordSettingsChange(tx, {
      tenantId: editor.tenantId,
      studioName: editor.studioName,
      version: updated.version,
      section: save.section,
      config: updated.config,
      changedById: editor.userId,
    });
    return updated;
  });
