import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { EmbeddedPostgresError } from './embedded-postgres-error.ts';
import { freeLoopbackPort } from './free-port.ts';
import { prepareCluster, SUPERUSER } from './init-cluster.ts';
import { findPostgresBinaries } from './postgres-binaries.ts';
import { findRunningPostmaster, type RunningPostmaster } from './running-postmaster.ts';
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
  /** Every line PostgreSQL logs, and the launcher's own notes while it waits. */
  onLog?: (line: string) => void;
}

export interface EmbeddedPostgres {
  /** A postgres:// URL with the superuser's password: never log it. */
  url: string;
  port: number;
  clusterDir: string;
  /** False when another process on the same `DATA_DIR` started the server and owns it. */
  owned: boolean;
  /** Settles when the server has ended: one this process started, or the one it joined. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

const POLL_MS = 10;
const JOINED_CHECK_MS = 1000;
const PROGRESS_EVERY_MS = 10_000;
/** Launches lost to another process (folder or port taken) before giving up. */
const MAX_LOST_RACES = 10;

const connectionUrl = (password: string, port: number) =>
  `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;

/** Why a server that ended during start-up ended: another one won the folder or the port. */
const lostRace = (log: string) =>
  /lock file "postmaster\.pid" already exists|pre-existing shared memory block|could not bind|Address already in use/i.test(
    log,
  );

/** Settles when the server another process owns is gone (stopped, or replaced by another). */
const watchJoined = (clusterDir: string, joined: RunningPostmaster) =>
  new Promise<number | null>((resolve) => {
    const timer = setInterval(async () => {
      const running = await findRunningPostmaster(clusterDir);
      if (running?.pid === joined.pid && running.status !== 'stopping') return;
      clearInterval(timer);
      resolve(null);
    }, JOINED_CHECK_MS);
    timer.unref();
  });

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
  maxConnections = 200,
  onLog = () => {},
}: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> => {
  const root = resolve(dataDir);
  const clusterDir = join(root, CLUSTER_FOLDER);
  const binaries = await findPostgresBinaries();
  const account = await serverAccount();
  await mkdir(root, { recursive: true });
  await assertReachable(account, { dataDir: root, binary: binaries.postgres });
  const password = await prepareCluster({
    clusterDir,
    passwordFile: join(root, PASSWORD_FILE),
    binaries,
    account,
    durable,
  });

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

  const serverAt = (port: number, exited: Promise<number | null>, own?: WatchedPostmaster) => ({
    url: connectionUrl(password, port),
    port,
    clusterDir,
    owned: own !== undefined,
    exited,
    stop: own ? own.stop : async () => {},
  });

  // Crash recovery replays the write-ahead log before a server is ready, which may take long:
  // as long as a live postmaster reports it is starting, waiting goes on, with a note now and then.
  const started = Date.now();
  let noted = started;
  const noteWaiting = (what: string) => {
    if (Date.now() - noted < PROGRESS_EVERY_MS) return;
    noted = Date.now();
    onLog(`${what} for ${Math.round((noted - started) / 1000)} s`);
  };

  /** Starts our own server; null when another process's server won the folder or the port. */
  const launch = async (): Promise<(WatchedPostmaster & { port: number }) | null> => {
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
    while (!ended) {
      const running = await findRunningPostmaster(clusterDir);
      if (running?.status === 'ready' && running.port === port) return { ...server, port };
      noteWaiting('waiting for PostgreSQL to start (crash recovery can take a while)');
      await sleep(POLL_MS);
    }
    if (lostRace(server.recentLog())) return null;
    throw new EmbeddedPostgresError(
      `PostgreSQL did not start in ${clusterDir}:\n${server.recentLog()}`,
    );
  };

  for (let lost = 0; lost < MAX_LOST_RACES; ) {
    const running = await findRunningPostmaster(clusterDir);
    if (running?.orphaned) {
      // Left behind by a process whose watchdog was killed too: stop it, then start our own.
      try {
        process.kill(running.pid, 'SIGINT');
      } catch {
        // Gone already.
      }
    } else if (running?.status === 'ready') {
      return serverAt(running.port, watchJoined(clusterDir, running));
    } else if (running) {
      noteWaiting(`waiting for the server another process runs (${running.status})`);
    } else {
      const launched = await launch();
      if (launched) return serverAt(launched.port, launched.exited, launched);
      lost++;
    }
    await sleep(POLL_MS);
  }
  throw new EmbeddedPostgresError(
    `could not start or join the server in ${clusterDir}: other processes kept taking it`,
  );
};
