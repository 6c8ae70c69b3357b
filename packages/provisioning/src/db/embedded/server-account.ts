import { chmod, readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { EmbeddedPostgresError } from './embedded-postgres-error.ts';

/**
 * The operating-system account PostgreSQL runs as. PostgreSQL refuses to run as root, so a
 * root process starts it as `nobody`; any other user runs it as itself.
 */
export interface ServerAccount {
  name: string;
  /** Set only when it differs from this process's own account. */
  ids?: { uid: number; gid: number };
}

const UNPRIVILEGED_USER = 'nobody';

const lookUpUser = async (name: string) => {
  const passwd = await readFile('/etc/passwd', 'utf8').catch(() => '');
  for (const line of passwd.split('\n')) {
    const [user, , uid, gid] = line.split(':');
    if (user === name && uid && gid) return { uid: Number(uid), gid: Number(gid) };
  }
  throw new EmbeddedPostgresError(
    `PostgreSQL cannot run as root and there is no user "${name}" to run it as; run the server as a normal user or set DATABASE_URL`,
  );
};

export const serverAccount = async (): Promise<ServerAccount> =>
  process.getuid?.() === 0
    ? { name: UNPRIVILEGED_USER, ids: await lookUpUser(UNPRIVILEGED_USER) }
    : { name: 'this process’s user' };

const SEARCHABLE_BY_OTHERS = 0o001;

/**
 * A root process hands the data folder to another account, which must be able to reach it and
 * the binaries. The data folder is this process's own, so it is made searchable (not
 * readable); any other folder on the way that is closed is named with what to do.
 */
export const assertReachable = async (
  account: ServerAccount,
  paths: { dataDir: string; binary: string },
) => {
  const { ids } = account;
  if (!ids) return;
  const dataDir = resolve(paths.dataDir);
  const dataDirStat = await stat(dataDir);
  if (!(dataDirStat.mode & SEARCHABLE_BY_OTHERS)) {
    await chmod(dataDir, (dataDirStat.mode & 0o7777) | SEARCHABLE_BY_OTHERS);
  }
  for (const path of [dataDir, resolve(paths.binary)]) {
    for (let folder = dirname(path); ; folder = dirname(folder)) {
      const { mode, uid } = await stat(folder);
      if (!(mode & SEARCHABLE_BY_OTHERS) && uid !== ids.uid) {
        throw new EmbeddedPostgresError(
          `PostgreSQL runs as "${account.name}" because this process is root, and cannot reach ${path}: ${folder} is closed to other users (mode ${(mode & 0o777).toString(8)}). Allow it with \`chmod o+x ${folder}\`, run the server as a normal user, or set DATABASE_URL`,
        );
      }
      if (folder === dirname(folder)) break;
    }
  }
};
