import {
  chown,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  stat,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLUSTER_FOLDER, PASSWORD_FILE } from '@pilar/provisioning/embedded';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Account, startServerProcess } from './support/server-process.ts';
import { postJson } from './support/test-server.ts';
import { waitFor } from './support/wait-for.ts';

interface ProcessEntry {
  pid: number;
  args: string[];
}

/** Every process whose command line names `path`: the postmaster and its watchdog shell. */
const processesNaming = async (path: string) => {
  const found: ProcessEntry[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const args = (await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '')).split('\0');
    if (args.includes(path)) found.push({ pid: Number(entry), args });
  }
  return found;
};

const isPostmaster = ({ args: [command] }: ProcessEntry) => !!command?.endsWith('/postgres');

const postmastersOf = async (path: string) =>
  (await processesNaming(path)).filter(isPostmaster).map(({ pid }) => pid);

const signup = (email: string) => ({
  studioName: 'Eingebettet Fit',
  ownerEmail: email,
  password: 'GeheimesPasswort-42',
});

describe.runIf(process.platform === 'linux')('the embedded PostgreSQL server', () => {
  let dataDir: string;
  let clusterDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pilar-embedded-'));
    clusterDir = join(dataDir, CLUSTER_FOLDER);
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('is created on first start, stopped with the API and reused with its data after', async () => {
    // Everything PostgreSQL logs reaches the output at trace level: none of it names the password.
    const first = await startServerProcess({ DATA_DIR: dataDir, LOG_LEVEL: 'trace' });
    expect((await stat(join(clusterDir, 'PG_VERSION'))).isFile()).toBe(true);
    expect((await stat(join(dataDir, PASSWORD_FILE))).mode & 0o777).toBe(0o600);
    expect(await postmastersOf(clusterDir)).toHaveLength(1);
    expect(
      (await postJson(`${first.baseUrl}/api/tenant/create`, signup('a@example.com'))).status,
    ).toBe(201);
    expect(await first.stop()).toBe(0);
    expect(await processesNaming(clusterDir)).toEqual([]);

    const second = await startServerProcess({ DATA_DIR: dataDir, LOG_LEVEL: 'trace' });
    try {
      const again = await postJson(`${second.baseUrl}/api/tenant/create`, signup('a@example.com'));
      expect(again.status).toBe(409);
    } finally {
      // Ctrl-C in a terminal: the API shuts down in order and stops its database last.
      expect(await second.stop('SIGINT')).toBe(0);
    }
    expect(await processesNaming(clusterDir)).toEqual([]);
    expect(second.output()).toContain('database system is shut down');
    const password = (await readFile(join(dataDir, PASSWORD_FILE), 'utf8')).trim();
    for (const output of [first.output(), second.output()]) {
      expect(output).toContain('embedded PostgreSQL started on 127.0.0.1:');
      expect(output).not.toContain(password);
    }
  });

  it('stops when the API process is killed with SIGKILL, and starts again over its stale files', async () => {
    const first = await startServerProcess({ DATA_DIR: dataDir });
    expect(
      (await postJson(`${first.baseUrl}/api/tenant/create`, signup('k@example.com'))).status,
    ).toBe(201);
    expect(await first.stop('SIGKILL')).toBeNull();
    await waitFor('PostgreSQL to stop after its API process died', async () =>
      (await processesNaming(clusterDir)).length === 0 ? true : undefined,
    );

    const second = await startServerProcess({ DATA_DIR: dataDir });
    try {
      const again = await postJson(`${second.baseUrl}/api/tenant/create`, signup('k@example.com'));
      expect(again.status).toBe(409);
    } finally {
      await second.stop();
    }
  });

  it('stops a server left running when its watchdog was killed too, then starts its own', async () => {
    const first = await startServerProcess({ DATA_DIR: dataDir });
    const watchdogs = (await processesNaming(clusterDir)).filter((entry) => !isPostmaster(entry));
    expect(watchdogs.length).toBeGreaterThan(0);
    const [abandoned] = await postmastersOf(clusterDir);
    // The watchdog first: killed after the API, it would still stop the server in time.
    for (const { pid } of watchdogs) process.kill(pid, 'SIGKILL');
    await first.stop('SIGKILL');
    expect(await postmastersOf(clusterDir)).toEqual([abandoned]);

    const second = await startServerProcess({ DATA_DIR: dataDir });
    try {
      expect(second.output()).toContain('embedded PostgreSQL started');
      expect(await postmastersOf(clusterDir)).not.toContainEqual(abandoned);
    } finally {
      await second.stop();
    }
  });

  it('starts over a postmaster.pid naming a live process that is not its server, or nothing', async () => {
    const first = await startServerProcess({ DATA_DIR: dataDir });
    await first.stop();
    const pidFile = join(clusterDir, 'postmaster.pid');
    // What a crash leaves when the pid has since gone to another process: here, this test's.
    await writeFile(pidFile, `${process.pid}\n${clusterDir}\n`);
    const second = await startServerProcess({ DATA_DIR: dataDir });
    await second.stop();
    expect(second.output()).toContain('embedded PostgreSQL started');
    // A crash at the very moment PostgreSQL created the file leaves it empty.
    await writeFile(pidFile, '');
    const minuteAgo = new Date(Date.now() - 60_000);
    await utimes(pidFile, minuteAgo, minuteAgo);
    const third = await startServerProcess({ DATA_DIR: dataDir });
    await third.stop();
    expect(third.output()).toContain('embedded PostgreSQL started');
  });

  it('gives two API processes started at once on a fresh DATA_DIR one server', async () => {
    const both = await Promise.all([
      startServerProcess({ DATA_DIR: dataDir }),
      startServerProcess({ DATA_DIR: dataDir }),
    ]);
    try {
      expect(await postmastersOf(clusterDir)).toHaveLength(1);
      const owners = both.filter((server) =>
        server.output().includes('embedded PostgreSQL started'),
      );
      expect(owners).toHaveLength(1);
    } finally {
      await Promise.all(both.map((server) => server.stop()));
    }
    expect(await processesNaming(clusterDir)).toEqual([]);
  });

  it('lets a second API process on the same DATA_DIR join the running server', async () => {
    const owner = await startServerProcess({ DATA_DIR: dataDir });
    const sibling = await startServerProcess({ DATA_DIR: dataDir });
    try {
      expect(sibling.output()).toContain('joined the embedded PostgreSQL another process runs');
      const created = await postJson(
        `${sibling.baseUrl}/api/tenant/create`,
        signup('s@example.com'),
      );
      expect(created.status).toBe(201);
      const duplicate = await postJson(
        `${owner.baseUrl}/api/tenant/create`,
        signup('s@example.com'),
      );
      expect(duplicate.status).toBe(409);
      expect(await postmastersOf(clusterDir)).toHaveLength(1);
    } finally {
      expect(await sibling.stop()).toBe(0);
      // The server outlives the process that only joined it.
      expect(await postmastersOf(clusterDir)).toHaveLength(1);
      expect(await owner.stop()).toBe(0);
    }
    expect(await processesNaming(clusterDir)).toEqual([]);
  });

  it('ends a process that joined when the server’s owner stops, so a supervisor restarts it', async () => {
    const owner = await startServerProcess({ DATA_DIR: dataDir });
    const sibling = await startServerProcess({ DATA_DIR: dataDir });
    expect(await owner.stop()).toBe(0);
    expect(await sibling.exited).toBe(1);
    expect(sibling.output()).toContain(
      'the embedded PostgreSQL this process joined has stopped with the process that started it',
    );
    const restarted = await startServerProcess({ DATA_DIR: dataDir });
    await restarted.stop();
    expect(restarted.output()).toContain('embedded PostgreSQL started');
  });

  it('names an earlier version’s PGlite folder, leaves it untouched and starts', async () => {
    const retired = join(dataDir, 'pglite');
    await mkdir(retired);
    await writeFile(join(retired, 'PG_VERSION'), '17\n');
    const server = await startServerProcess({ DATA_DIR: dataDir });
    await server.stop();
    expect(server.output()).toContain(`${retired} holds a database of an earlier version (PGlite)`);
    expect(await readFile(join(retired, 'PG_VERSION'), 'utf8')).toBe('17\n');
  });

  it.runIf(process.getuid?.() === 0)(
    'runs the same for an API process that is not root',
    async () => {
      const account: Account = { uid: 65_534, gid: 65_534 };
      await chown(dataDir, account.uid, account.gid);
      const server = await startServerProcess({ DATA_DIR: dataDir }, account);
      try {
        expect(
          (await postJson(`${server.baseUrl}/api/tenant/create`, signup('n@example.com'))).status,
        ).toBe(201);
        expect((await stat(clusterDir)).uid).toBe(account.uid);
        expect((await stat(join(dataDir, PASSWORD_FILE))).uid).toBe(account.uid);
      } finally {
        expect(await server.stop()).toBe(0);
      }
      expect(await processesNaming(clusterDir)).toEqual([]);
    },
  );
});
