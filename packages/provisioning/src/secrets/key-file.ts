import { join } from 'node:path';
import { readOrCreateFile } from '../files/read-or-create-file.ts';
import { generateKeySpec } from './keyring.ts';

export const SECRET_KEY_FILE = 'secret.key';

/** The embedded setup's key: created once beside (not inside) the database. */
export const loadOrCreateKeyFile = async (dataDir: string): Promise<string> =>
  (await readOrCreateFile(join(dataDir, SECRET_KEY_FILE), () => `${generateKeySpec()}\n`)).trim();
