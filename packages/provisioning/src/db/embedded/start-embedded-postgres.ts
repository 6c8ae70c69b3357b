import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { readOrCreateFile } from '../../files/read-or-create-file.ts';
import { randomToken } from '../../secrets/random.ts';
import { EmbeddedPostgresError } from './embedded-postgres-error.ts';
import { freeLoopbackPort } from './free-port.ts';
import { initClusterOnce, SUPERUSER } from './init-cluster.ts';
import { findPostgresBinaries } from './postgres-binaries.ts';
import { findRunningPostmaster } from './running-postmaster.ts';
import { assertReachable, serverAccount } from './server-account.ts';
import { spawnWatchedPostmaster, type WatchedPostmaster } from './watched-postmaster.ts';

/** Inside `DATA_DIR`: the cluster, and the superuser's password beside it. */
export const CLUSTER_FOLDER = 'postgres';
export const PASSWORD_FILE = 'postgres.password';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  /** False for tests: no fsync, no synchronous commit, no full-page writes. */
  durable?: boolean;
  maxConnections?: number;
  /** Every line PostgreSQL logs. */
  onLog?: (line: string) => void;
}

export interface EmbeddedPostgres {
  /** A postgres:// URL with the superuser's password: never log it. */
  url: string;
  port: number;
  clusterDir: string;
  /** False when another process on the same `DATA_DIR` started the server and owns it. */
  owned: boolean;
  /** Settles when a server this process owns has ended (never for one it does not own). */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 30_000;
const POLL_MS = 10;

const connectionUrl = (password: string, port: number) =>
  `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;

/** Why a server that ended during start-up ended: another one won the folder or the port. */
const lostRace = (log: string) =>
  /lock file "postmaster\.pid" already exists|could not bind|Address already in use/i.test(log);

/**
 * Starts (or joins) the PostgreSQL server of `DATA_DIR`: created on first start, reused after.
 * It listens on a free loopback port with password authentication, so it never clashes with
 * another PostgreSQL on the machine. A server this process starts is stopped by `stop()` and,
 * through a watchdog, whenever this process ends, `kill -9` included. A second process on the
 * same folder connects to the running server instead of starting another.
 */
export const startEmbeddedPostgres = async ({
  dataDir,
  durable = true,
  maxConnections = 100,
  onLog = () => {},
}: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> => {
  const root = resolve(dataDir);
  const clusterDir = join(root, CLUSTER_FOLDER);
  const binaries = await findPostgresBinaries();
  const account = await serverAccount();
  await mkdir(root, { recursive: true });
  await assertReachable(account, { dataDir: root, binary: binaries.postgres });
  const password = (await readOrCreateFile(join(root, PASSWORD_FILE), () => randomToken())).trim();
  await initClusterOnce({ clusterDir, binaries, account, password, durable });

  const settings = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: '',
    cluster_name: 'pilar',
    max_connections: maxConnections,
    // Statement errors go back to their client; the server's own log keeps its life events.
    log_min_messages: 'log',
    log_min_error_statement: 'panic',
    ...(durable ? {} : { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' }),
  };

  /** The server on `port`, with its watchdog when this process started it. */
  const serverAt = (port: number, own: WatchedPostmaster | null): EmbeddedPostgres => ({
    url: connectionUrl(password, port),
    port,
    clusterDir,
    owned: own !== null,
    exited: own ? own.exited : new Promise(() => {}),
    stop: own ? own.stop : async () => {},
  });

  /** Starts our own server; null when another process's server won the folder or the port. */
  const launch = async (): Promise<{ server: WatchedPostmaster; port: number } | null> => {
    const port = await freeLoopbackPort();
    const server = spawnWatchedPostmaster({
      binaries,
      account,
      clusterDir,
      settings: { ...settings, port },
      onLog,
    });
    let ended = false;
    void server.exited.then(() => {
      ended = true;
    });
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (!ended) {
      const running = await findRunningPostmaster(clusterDir);
      if (running?.ready && running.port === port) return { server, port };
      if (Date.now() > deadline) {
        await server.stop();
        throw new EmbeddedPostgresError(`PostgreSQL took over 30 s to start in ${clusterDir}`);
      }
      await sleep(POLL_MS);
    }
    if (lostRace(server.recentLog())) return null;
    throw new EmbeddedPostgresError(
      `PostgreSQL did not start in ${clusterDir}:\n${server.recentLog()}`,
    );
  };

  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const running = await findRunningPostmaster(clusterDir);
    if (running?.orphaned) {
      // Left behind by a process whose watchdog was killed too: stop it, then start our own.
      process.kill(running.pid, 'SIGINT');
    } else if (running?.ready) {
      return serverAt(running.port, null);
    } else if (!running) {
      const launched = await launch();
      if (launched) return serverAt(launched.port, launched.server);
    }
    // Starting, stopping, or just lost a race: look again.
    await sleep(POLL_MS);
  }
  throw new EmbeddedPostgresError(`could not start or join the server in ${clusterDir} in 30 s`);
};
