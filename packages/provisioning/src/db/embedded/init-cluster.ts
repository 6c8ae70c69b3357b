import { execFile } from 'node:child_process';
import { chown, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { randomToken } from '../../secrets/random.ts';
import { EmbeddedPostgresError } from './embedded-postgres-error.ts';
import { EMBEDDED_POSTGRES_MAJOR, type PostgresBinaries } from './postgres-binaries.ts';
import type { ServerAccount } from './server-account.ts';

export const SUPERUSER = 'postgres';

const readMajor = (clusterDir: string) =>
  readFile(`${clusterDir}/PG_VERSION`, 'utf8').then(
    (text) => text.trim(),
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw new EmbeddedPostgresError(
        `cannot read ${clusterDir} (${error.code}): it belongs to another user — a server started as root runs PostgreSQL as nobody. Start the API as the user that created it, or hand the folder over with chown -R`,
      );
    },
  );

const handOver = async (path: string, account: ServerAccount) => {
  if (account.ids) await chown(path, account.ids.uid, account.ids.gid);
};

/**
 * Creates the cluster on first start. initdb works in a folder aside that is renamed into place
 * when complete, so an interrupted first start leaves no half cluster behind and two processes
 * starting together end up with one. Later starts check it was made by the pinned major.
 */
export const initClusterOnce = async ({
  clusterDir,
  binaries,
  account,
  password,
  durable,
}: {
  clusterDir: string;
  binaries: PostgresBinaries;
  account: ServerAccount;
  password: string;
  durable: boolean;
}) => {
  const existing = await readMajor(clusterDir);
  if (existing === String(EMBEDDED_POSTGRES_MAJOR)) return;
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
  const staging = `${clusterDir}.initdb-${randomToken(6)}`;
  const passwordFile = `${staging}.password`;
  await mkdir(staging, { mode: 0o700 });
  await writeFile(passwordFile, password, { mode: 0o600 });
  try {
    await handOver(staging, account);
    await handOver(passwordFile, account);
    await promisify(execFile)(
      binaries.initdb,
      [
        `--pgdata=${staging}`,
        `--username=${SUPERUSER}`,
        `--pwfile=${passwordFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        // Unicode-aware lower()/upper() without depending on the system's locales.
        '--locale=C',
        '--locale-provider=builtin',
        '--builtin-locale=C.UTF-8',
        ...(durable ? [] : ['--no-sync']),
      ],
      { ...account.ids, env: { ...process.env, LC_ALL: 'C' } },
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
    await rm(passwordFile, { force: true });
  }
};
