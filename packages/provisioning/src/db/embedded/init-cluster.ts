import { execFile } from 'node:child_process';
import { chown, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { readOrCreateFile } from '../../files/read-or-create-file.ts';
import { randomToken } from '../../secrets/random.ts';
import { EmbeddedPostgresError } from './embedded-postgres-error.ts';
import { EMBEDDED_POSTGRES_MAJOR, type PostgresBinaries } from './postgres-binaries.ts';
import { isProcessAlive } from './process-alive.ts';
import type { ServerAccount } from './server-account.ts';
import { serverEnvironment } from './watched-postmaster.ts';

export const SUPERUSER = 'postgres';

interface ClusterPlan {
  clusterDir: string;
  /** The superuser's password, beside the cluster (never inside it, never on a command line). */
  passwordFile: string;
  binaries: PostgresBinaries;
  account: ServerAccount;
  durable: boolean;
}

/** `initdb` runs in `<cluster>.initdb-<pid>-<random>`: what a killed first start left is removed. */
const stagingPrefix = (clusterDir: string) => `${basename(clusterDir)}.initdb-`;

const removeAbandonedStaging = async (clusterDir: string) => {
  const prefix = stagingPrefix(clusterDir);
  for (const entry of await readdir(dirname(clusterDir))) {
    const pid = Number(entry.slice(prefix.length).split('-')[0]);
    if (entry.startsWith(prefix) && !isProcessAlive(pid)) {
      await rm(join(dirname(clusterDir), entry), { recursive: true, force: true });
    }
  }
};

/** Refuses a cluster PostgreSQL would refuse too, with what to do instead of its bare words. */
const assertOwnedByServerAccount = async (clusterDir: string, account: ServerAccount) => {
  const owner = (await stat(clusterDir).catch(() => null))?.uid;
  const expected = account.ids?.uid ?? process.getuid?.();
  if (owner === undefined || expected === undefined || owner === expected) return;
  throw new EmbeddedPostgresError(
    `${clusterDir} belongs to the user with uid ${owner}, but PostgreSQL would run as ${account.name} (uid ${expected})${account.ids ? ' because this process is root' : ''}. Start the API as the user that created it, or hand the folder over: chown -R ${expected} ${clusterDir}`,
  );
};

const readMajor = (clusterDir: string) =>
  readFile(join(clusterDir, 'PG_VERSION'), 'utf8').then(
    (text) => text.trim(),
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    },
  );

const readPassword = (passwordFile: string) =>
  readFile(passwordFile, 'utf8').then(
    (text) => text.trim(),
    (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
      throw new EmbeddedPostgresError(
        `${passwordFile} is missing, and without it the cluster beside it cannot be opened. Restore it from where DATA_DIR was copied from or backed up`,
      );
    },
  );

const handOver = async (path: string, account: ServerAccount) => {
  if (account.ids) await chown(path, account.ids.uid, account.ids.gid);
};

const initdb = async (
  { clusterDir, binaries, account, durable }: ClusterPlan,
  password: string,
) => {
  const staging = join(
    dirname(clusterDir),
    `${stagingPrefix(clusterDir)}${process.pid}-${randomToken(6)}`,
  );
  const stagingPasswordFile = `${staging}.password`;
  await mkdir(staging, { mode: 0o700 });
  await writeFile(stagingPasswordFile, password, { mode: 0o600 });
  try {
    await handOver(staging, account);
    await handOver(stagingPasswordFile, account);
    await promisify(execFile)(
      binaries.initdb,
      [
        `--pgdata=${staging}`,
        `--username=${SUPERUSER}`,
        `--pwfile=${stagingPasswordFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        // Unicode-aware lower()/upper() without depending on the system's locales.
        '--locale=C',
        '--locale-provider=builtin',
        '--builtin-locale=C.UTF-8',
        ...(durable ? [] : ['--no-sync']),
      ],
      { ...account.ids, env: serverEnvironment() },
    ).catch((error: Error & { stderr?: string }) => {
      throw new EmbeddedPostgresError(
        `initdb failed: ${error.stderr?.trim() || error.message}. Set DATABASE_URL to use a PostgreSQL server instead`,
      );
    });
    // Replaces an empty folder; fails on a full one: another process finished first.
    await rename(staging, clusterDir).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
    await rm(stagingPasswordFile, { force: true });
  }
};

/**
 * The cluster and its superuser's password, created on first start. initdb works in a folder
 * aside that is renamed into place when complete, so an interrupted first start leaves no half
 * cluster behind and two processes starting together end up with one. Later starts check it
 * was made by the pinned major and can be run by the account PostgreSQL runs as.
 */
export const prepareCluster = async (plan: ClusterPlan): Promise<string> => {
  const { clusterDir, passwordFile, account } = plan;
  await removeAbandonedStaging(clusterDir);
  await assertOwnedByServerAccount(clusterDir, account);
  const existing = await readMajor(clusterDir);
  if (existing === String(EMBEDDED_POSTGRES_MAJOR)) return readPassword(passwordFile);
  if (existing !== null) {
    throw new EmbeddedPostgresError(
      `${clusterDir} holds a PostgreSQL ${existing} cluster, but this version runs PostgreSQL ${EMBEDDED_POSTGRES_MAJOR}. Start the previous version and export the data (pg_dump), then move the folder away, or set DATABASE_URL to a server of your own`,
    );
  }
  const leftovers = await readdir(clusterDir).catch(() => null);
  if (leftovers && leftovers.length > 0) {
    throw new EmbeddedPostgresError(
      `${clusterDir} holds files but no PostgreSQL cluster; move it away so a new one can be created there`,
    );
  }
  const password = (await readOrCreateFile(passwordFile, () => randomToken())).trim();
  await initdb(plan, password);
  return password;
};
