import { execFile } from 'node:child_process';
import { readFile, readlink, realpath, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { isProcessAlive } from './process-alive.ts';

/** Names the watchdog shell in the process table, so its postmaster can tell it is owned. */
export const WATCHDOG_NAME = 'pilar-postgres-watchdog';

export interface RunningPostmaster {
  pid: number;
  port: number;
  /** `starting` (crash recovery included), `ready`, `stopping` … as PostgreSQL writes it. */
  status: string;
  /** Its watchdog is gone (killed along with the API process): nobody will ever stop it. */
  orphaned: boolean;
}

/** A postmaster writes an empty file first and fills it at once; empty for longer is a crash. */
const EMPTY_FILE_GRACE_MS = 5000;

const ps = async (pid: number, field: 'args' | 'ppid') => {
  try {
    const { stdout } = await promisify(execFile)('ps', ['-o', `${field}=`, '-p', String(pid)]);
    return stdout.trim() || null;
  } catch {
    return null; // no such process
  }
};

/**
 * Whether `pid` is a postmaster serving `clusterDir`. On Linux by its working directory (a
 * postmaster changes into its data folder), so another spelling of the path cannot fool it;
 * elsewhere by its command line.
 */
const isPostmasterOf = async (pid: number, clusterDir: string) => {
  const cwd = await readlink(`/proc/${pid}/cwd`).catch(() => null);
  if (cwd !== null) {
    const exe = await readlink(`/proc/${pid}/exe`).catch(() => '');
    return exe.endsWith('/postgres') && cwd === (await realpath(clusterDir));
  }
  const args = await ps(pid, 'args');
  return !!args?.includes('/postgres ') && args.includes(` -D ${clusterDir} `);
};

const parentPid = async (pid: number) => {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  // Field 4, after the parenthesised command name (which may itself hold spaces).
  if (stat !== null) return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  return Number(await ps(pid, 'ppid'));
};

const isWatchdog = async (pid: number) => {
  const args = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => ps(pid, 'args'));
  return !!args?.includes(WATCHDOG_NAME);
};

const isOrphaned = async (pid: number) => {
  const parent = await parentPid(pid);
  // A parent that cannot be told is not proof of abandonment: never stop a server on a guess.
  return Number.isInteger(parent) && parent > 0 && !(await isWatchdog(parent));
};

/** Removes the file only if it still says what was judged stale (another may have replaced it). */
const removeIfUnchanged = async (file: string, judged: string) => {
  if ((await readFile(file, 'utf8').catch(() => null)) === judged) await rm(file, { force: true });
};

/**
 * The server `postmaster.pid` in the cluster names, if it really runs: the file outlives a
 * crash, and its pid may since belong to another process. A file naming anything but a live
 * postmaster of this very folder is stale and is removed, so PostgreSQL can start.
 */
export const findRunningPostmaster = async (
  clusterDir: string,
): Promise<RunningPostmaster | null> => {
  const file = join(clusterDir, 'postmaster.pid');
  const contents = await readFile(file, 'utf8').catch(() => null);
  if (contents === null) return null;
  const lines = contents.split('\n');
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0) {
    const age = Date.now() - ((await stat(file).catch(() => null))?.mtimeMs ?? Date.now());
    if (age > EMPTY_FILE_GRACE_MS) await removeIfUnchanged(file, contents);
    return null;
  }
  if (!isProcessAlive(pid) || !(await isPostmasterOf(pid, clusterDir))) {
    await removeIfUnchanged(file, contents);
    return null;
  }
  return {
    pid,
    port: Number(lines[3]),
    status: lines[7]?.trim() ?? 'starting',
    orphaned: await isOrphaned(pid),
  };
};
