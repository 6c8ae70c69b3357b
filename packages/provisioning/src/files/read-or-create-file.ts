import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { randomToken } from '../secrets/random.ts';

/**
 * The contents of a small file readable only by its owner, created with `create()` when it
 * does not exist yet. The new file appears whole or not at all (written aside, then linked),
 * so processes starting together all read the same complete contents.
 */
export const readOrCreateFile = async (path: string, create: () => string): Promise<string> => {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dirname(path), { recursive: true });
  const aside = `${path}.${randomToken(6)}.tmp`;
  await writeFile(aside, create(), { mode: 0o600 });
  try {
    await link(aside, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await rm(aside, { force: true });
  }
  return readFile(path, 'utf8');
};
