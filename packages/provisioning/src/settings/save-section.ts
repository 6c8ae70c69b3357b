import { type SectionSave, writeSection } from '../contracts/settings-sections.ts';
import type { Queryable } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import { commitSettingsVersion } from './commit-settings-version.ts';
import { readStoredSettings } from './get-tenant-config.ts';

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
export const saveSettingsSection = async (db: Queryable, editor: Editor, save: SectionSave) => {
  // As stored: the merged document is validated (and completed) once, by the commit.
  const current = await readStoredSettings(db, editor.tenantId);
  if (current.version !== save.expectedVersion) {
    throw new DomainError('VERSION_CONFLICT', { currentVersion: current.version });
  }
  return commitSettingsVersion(db, {
    tenantId: editor.tenantId,
    studioName: editor.studioName,
    config: writeSection(current.config, save),
    expectedVersion: save.expectedVersion,
    section: save.section,
    changedById: editor.userId,
  });
};
