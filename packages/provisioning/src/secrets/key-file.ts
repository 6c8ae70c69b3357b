import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateKeySpec } from './keyring.ts';

export const SECRET_KEY_FILE = 'secret.key';

/**
 * The embedded setup's key: created once beside (not inside) the database, readable only by
 * its owner. `flag: 'wx'` makes two processes starting together agree on one key.
 */
export const loadOrCreateKeyFile = async (dataDir: string): Promise<string> => {
  await mkdir(dataDir, { recursive: true });
  const path = join(dataDir, SECRET_KEY_FILE);
  if (!existsSync(path)) {
    try {
      await writeFile(path, `${generateKeySpec()}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return (await readFile(path, 'utf8')).trim();
};
