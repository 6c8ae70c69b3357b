import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** Names the watchdog shell in the process table, so its postmaster can tell it is owned. */
export const WATCHDOG_NAME = 'pilar-postgres-watchdog';

export interface RunningPostmaster {
  pid: number;
  port: number;
  ready: boolean;
  /** Its watchdog is gone (killed along with the API process): nobody will ever stop it. */
  orphaned: boolean;
}

const commandLine = async (pid: number): Promise<string[] | null> => {
  try {
    const raw = await readFile(`/proc/${pid}/cmdline`, 'utf8');
    return raw.split('\0').filter(Boolean);
  } catch {
    // No /proc (macOS): ask ps. A process that does not exist makes ps fail.
    try {
      const { stdout } = await promisify(execFile)('ps', ['-o', 'args=', '-p', String(pid)]);
      return stdout.trim().split(/\s+/);
    } catch {
      return null;
    }
  }
};

const parentPid = async (pid: number): Promise<number | null> => {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Field 4, after the parenthesised command name (which may itself hold spaces).
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
};

const isPostmasterOf = (args: string[] | null, clusterDir: string) =>
  !!args?.some((arg) => arg.endsWith('postgres')) && args.includes(clusterDir);

/**
 * The server `postmaster.pid` in the cluster names, if it really runs: the file outlives a
 * crash, and its pid may since belong to another process. A file naming anything but a live
 * postmaster of this very folder is stale and is removed, so PostgreSQL can start.
 */
export const findRunningPostmaster = async (
  clusterDir: string,
): Promise<RunningPostmaster | null> => {
  const file = join(clusterDir, 'postmaster.pid');
  let lines: string[];
  try {
    lines = (await readFile(file, 'utf8')).split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  // An empty or partial file is one a postmaster is writing right now: not stale.
  if (!Number.isInteger(pid) || pid <= 0) return null;
  if (!isPostmasterOf(await commandLine(pid), clusterDir)) {
    await rm(file, { force: true });
    return null;
  }
  const parent = await parentPid(pid);
  const orphaned =
    parent !== null && !(await commandLine(parent))?.some((arg) => arg === WATCHDOG_NAME);
  return { pid, port: Number(lines[3]), ready: lines[7]?.trim() === 'ready', orphaned };
};
