import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { PostgresBinaries } from './postgres-binaries.ts';
import { WATCHDOG_NAME } from './running-postmaster.ts';
import type { ServerAccount } from './server-account.ts';

/**
 * A shell between this process and PostgreSQL that holds the read end of a pipe from us. The
 * pipe closes when we stop it or when this process dies in any way, `kill -9` included; the
 * shell then asks PostgreSQL for a fast shutdown (SIGINT, repeated until it is gone: a signal
 * that arrives before PostgreSQL installed its handlers would be lost) and waits for it. It also
 * ends when PostgreSQL ends by itself, so its exit is the server's. It ignores TERM and HUP, so
 * a stop signal sent to everything at once still leaves it to shut PostgreSQL down in order.
 */
const WATCHDOG = `
trap '' HUP TERM
exec 3<&0
"$@" </dev/null 3<&- &
server=$!
{ read -r _ <&3; while kill -INT "$server" 2>/dev/null; do sleep 1; done; } &
watcher=$!
wait "$server"
status=$?
kill -KILL "$watcher" 2>/dev/null
exit "$status"
`;

/** What PostgreSQL gets of our environment: no secrets of the API (it runs as another user). */
export const serverEnvironment = () => ({
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  LC_ALL: 'C',
  ...(process.env.TZ ? { TZ: process.env.TZ } : {}),
});

const RECENT_LINES = 30;

export interface WatchedPostmaster {
  /** Settles with the exit code when PostgreSQL has ended. */
  exited: Promise<number | null>;
  /** The server's latest log lines, for saying why it ended. */
  recentLog(): string;
  /** Fast shutdown: open transactions are rolled back, clients disconnected. */
  stop(): Promise<void>;
}

export const spawnWatchedPostmaster = ({
  binaries,
  account,
  clusterDir,
  settings,
  onLog,
}: {
  binaries: PostgresBinaries;
  account: ServerAccount;
  clusterDir: string;
  settings: Record<string, string | number>;
  onLog: (line: string) => void;
}): WatchedPostmaster => {
  const options = Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]);
  const child = spawn(
    '/bin/sh',
    ['-c', WATCHDOG, WATCHDOG_NAME, binaries.postgres, '-D', clusterDir, ...options],
    // Its own process group: a Ctrl-C in the terminal reaches the API, which shuts down in
    // order and stops the database last, instead of reaching the database first.
    {
      stdio: ['pipe', 'ignore', 'pipe'],
      detached: true,
      env: serverEnvironment(),
      ...account.ids,
    },
  );
  // The pipe only ever closes; if the shell is gone already, there is nothing to tell it.
  child.stdin.on('error', () => {});
  const recent: string[] = [];
  createInterface({ input: child.stderr }).on('line', (line) => {
    recent.push(line);
    if (recent.length > RECENT_LINES) recent.shift();
    onLog(line);
  });
  const exited = new Promise<number | null>((resolve) => {
    child.once('close', (code) => resolve(code));
    child.once('error', (error) => {
      recent.push(error.message);
      resolve(null);
    });
  });
  return {
    exited,
    recentLog: () => recent.join('\n'),
    stop: async () => {
      child.stdin.end();
      await exited;
    },
  };
};
