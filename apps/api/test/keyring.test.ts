import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeySpec, parseKeyring } from '@pilar/provisioning';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadKeyring } from '../src/start/keyring.ts';

describe('the secret key a server process starts with', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pilar-keyring-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('is SECRET_KEY when set, with or without DATABASE_URL', async () => {
    const secretKey = `${generateKeySpec('k2')},${generateKeySpec('k1')}`;
    for (const databaseUrl of [undefined, 'postgres://app@db.internal/pilar']) {
      const keyring = await loadKeyring({ secretKey, databaseUrl, dataDir });
      expect(keyring.current.id).toBe('k2');
      expect([...keyring.byId.keys()]).toEqual(['k2', 'k1']);
    }
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('is required with DATABASE_URL', async () => {
    await expect(
      loadKeyring({ secretKey: undefined, databaseUrl: 'postgres://app@db/pilar', dataDir }),
    ).rejects.toThrow(
      'SECRET_KEY is required with DATABASE_URL: every API instance must encrypt with the same key',
    );
  });

  it('refuses a malformed SECRET_KEY', async () => {
    await expect(
      loadKeyring({ secretKey: 'short', databaseUrl: undefined, dataDir }),
    ).rejects.toThrow('must be 32 bytes');
  });

  it('is the key file in DATA_DIR on the embedded database, generated on first start', async () => {
    const keyring = await loadKeyring({ secretKey: undefined, databaseUrl: undefined, dataDir });
    const stored = await readFile(join(dataDir, 'secret.key'), 'utf8');
    expect(keyring).toEqual(parseKeyring(stored.trim()));
  });
});
