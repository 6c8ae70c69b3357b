// The first `pnpm start` of a fresh clone: build included, embedded database created from
// nothing, until /health answers. The install before it is timed apart (from pnpm's store).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { freeLoopbackPort } from '@pilar/provisioning/embedded';

const REPOSITORY = fileURLToPath(new URL('../../..', import.meta.url));
const START_TIMEOUT_MS = 180_000;

const secondsSince = (started: number) => (performance.now() - started) / 1000;

export const measureColdStart = async () => {
  const clone = await mkdtemp(join(tmpdir(), 'pilar-cold-'));
  // Like any checkout folder (mkdtemp's is closed): a root server's database runs as nobody.
  await chmod(clone, 0o755);
  try {
    execFileSync('git', ['clone', '--quiet', REPOSITORY, clone]);
    const installing = performance.now();
    execFileSync('pnpm', ['install', '--frozen-lockfile', '--offline'], {
      cwd: clone,
      stdio: 'ignore',
    });
    const installSeconds = secondsSince(installing);
    const port = await freeLoopbackPort();
    const starting = performance.now();
    const child = spawn('pnpm', ['start'], {
      cwd: clone,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: '' },
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let errors = '';
    child.stderr.on('data', (chunk) => {
      errors += chunk;
    });
    let running = true;
    const exited = new Promise((resolve) => child.once('exit', resolve)).then(() => {
      running = false;
    });
    try {
      while (running && performance.now() - starting < START_TIMEOUT_MS) {
        const healthy = await fetch(`http://127.0.0.1:${port}/health`).then(
          (response) => response.ok,
          () => false,
        );
        if (healthy) return { installSeconds, startSeconds: secondsSince(starting) };
        await sleep(50);
      }
      throw new Error(`pnpm start of a fresh clone did not answer /health:\n${errors}`);
    } finally {
      // The whole group: pnpm, turbo's child and the server, which stops its database.
      if (running) process.kill(-(child.pid ?? 0), 'SIGTERM');
      await exited;
      const pidFile = join(clone, 'apps/api/.data/postgres/postmaster.pid');
      for (let i = 0; i < 200 && existsSync(pidFile); i++) await sleep(50);
    }
  } finally {
    await rm(clone, { recursive: true, force: true });
  }
};
