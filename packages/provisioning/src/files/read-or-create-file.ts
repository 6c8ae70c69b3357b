import { link, mkdir, open, readFile, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { randomToken } from '../secrets/random.ts';

const explainUnreadable = (path: string, error: NodeJS.ErrnoException) =>
  error.code === 'EACCES'
    ? new Error(
        `cannot read ${path}: it belongs to another user (was DATA_DIR created by root?). Start as that user, or hand DATA_DIR over with chown -R`,
      )
    : error;

const read = (path: string) =>
  readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw explainUnreadable(path, error);
  });

/** Written and flushed to disk before anyone can see it: a key that is lost is all secrets lost. */
const writeDurably = async (path: string, contents: string, flag: 'w' | 'wx') => {
  const file = await open(path, flag, 0o600);
  try {
    await file.writeFile(contents);
    await file.sync();
  } finally {
    await file.close();
  }
};

const syncFolder = async (folder: string) => {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
};

const isLinkUnsupported = (error: NodeJS.ErrnoException) =>
  error.code === 'EPERM' || error.code === 'ENOTSUP' || error.code === 'ENOSYS';

/**
 * The contents of a small file readable only by its owner, created with `create()` when it
 * does not exist yet. The new file appears whole or not at all (written aside, then linked),
 * so processes starting together all read the same complete contents.
 */
export const readOrCreateFile = async (path: string, create: () => string): Promise<string> => {
  try {
    return await read(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dirname(path), { recursive: true });
  const aside = `${path}.${randomToken(6)}.tmp`;
  await writeDurably(aside, create(), 'w');
  try {
    await link(aside, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (isLinkUnsupported(error as NodeJS.ErrnoException)) {
      // A file system without hard links: exclusive creation, which is not atomic for readers.
      await writeDurably(path, await read(aside), 'wx').catch((failure) => {
        if ((failure as NodeJS.ErrnoException).code !== 'EEXIST') throw failure;
      });
    } else if (code !== 'EEXIST') {
      throw error;
    }
  } finally {
    await rm(aside, { force: true });
  }
  await syncFolder(dirname(path));
  return read(path);
};
