import { loadOrCreateKeyFile, parseKeyring } from '@pilar/provisioning';
import type { Config } from '../config.ts';

/** `SECRET_KEY` if set; else, on the embedded database only, a key generated once into `DATA_DIR`. */
export const loadKeyring = async ({
  secretKey,
  databaseUrl,
  dataDir,
}: Pick<Config, 'secretKey' | 'databaseUrl' | 'dataDir'>) => {
  if (secretKey) return parseKeyring(secretKey);
  if (databaseUrl) {
    throw new Error(
      'SECRET_KEY is required with DATABASE_URL: every API instance must encrypt with the same key',
    );
  }
  return parseKeyring(await loadOrCreateKeyFile(dataDir));
};
