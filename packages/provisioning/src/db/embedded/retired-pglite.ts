import { stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Where versions before the embedded PostgreSQL server kept their database (PGlite). */
export const RETIRED_PGLITE_FOLDER = 'pglite';

/**
 * The folder of an earlier version's PGlite database in `DATA_DIR`, if there is one. It is never
 * read nor touched: start-up names it so an operator knows the data there is not served.
 */
export const findRetiredPgliteData = async (dataDir: string): Promise<string | null> => {
  const folder = join(dataDir, RETIRED_PGLITE_FOLDER);
  const found = await stat(folder).then(
    (entry) => entry.isDirectory(),
    () => false,
  );
  return found ? folder : null;
};
