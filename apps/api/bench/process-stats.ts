// CPU time and peak memory of the processes of a benchmark, read from /proc without asking them
// (Linux only; elsewhere the figures stay unknown).
import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';

const ticksPerSecond = () => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100; // Linux's USER_HZ nearly everywhere; elsewhere /proc is missing anyway
  }
};
const MS_PER_TICK = 1000 / ticksPerSecond();

interface ThreadStat {
  parent: number;
  cpuMs: number;
  nice: number;
}

/** Parent, utime + stime and nice of one /proc stat line; the command name may contain spaces. */
const parseStat = (line: string): ThreadStat => {
  const fields = line.slice(line.lastIndexOf(')') + 2).split(' ');
  return {
    parent: Number(fields[1]),
    cpuMs: (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK,
    nice: Number(fields[16]),
  };
};

const statOf = (path: string) =>
  readFile(path, 'utf8').then(parseStat, () => ({ parent: 0, cpuMs: 0, nice: 0 }));

/** The process that started `pid` (0 when it cannot be read). */
export const parentPidOf = async (pid: number) => (await statOf(`/proc/${pid}/stat`)).parent;

export interface ServerCpu {
  main: number;
  /** Threads running below the main thread's priority: the password hashing pool. */
  hashing: number;
  other: number;
}

/** The server process's CPU so far, by thread role; NaN where /proc cannot tell. */
export const serverCpu = async (pid: number): Promise<ServerCpu> => {
  const tasks = await readdir(`/proc/${pid}/task`).catch(() => [] as string[]);
  if (tasks.length === 0) return { main: Number.NaN, hashing: Number.NaN, other: Number.NaN };
  const main = await statOf(`/proc/${pid}/task/${pid}/stat`);
  const split = { main: main.cpuMs, hashing: 0, other: 0 };
  for (const task of tasks.filter((task) => task !== String(pid))) {
    const { cpuMs, nice } = await statOf(`/proc/${pid}/task/${task}/stat`);
    if (nice > main.nice) split.hashing += cpuMs;
    else split.other += cpuMs;
  }
  return split;
};

/** CPU so far of each process that can be read here (e.g. local PostgreSQL backends). */
export const processesCpu = async (pids: number[]) => {
  const times = new Map<number, number>();
  for (const pid of pids) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
    if (stat !== null) times.set(pid, parseStat(stat).cpuMs);
  }
  return times;
};

/** CPU between two readings of `processesCpu`; a process that started in between counts whole. */
export const processesCpuSince = (before: Map<number, number>, after: Map<number, number>) =>
  after.size === 0
    ? Number.NaN
    : [...after].reduce((sum, [pid, ms]) => sum + ms - (before.get(pid) ?? 0), 0);

/** This process's own CPU (the load generator). */
export const ownCpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** The kernel's high-water mark of a process's resident memory, in MB. */
export const peakRssMbOf = async (pid: number) => {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  return Number(status.match(/^VmHWM:\s+(\d+) kB$/m)?.[1] ?? Number.NaN) / 1024;
};

/** A process and every process it started (directly or not), e.g. a postmaster's backends. */
export const processTree = async (root: number) => {
  const parents = new Map<number, number>();
  for (const entry of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(entry)) continue;
    parents.set(Number(entry), await parentPidOf(Number(entry)));
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) {
    for (const [pid, parent] of parents) if (parent === tree[i]) tree.push(pid);
  }
  return tree;
};

/** Proportional set size (shared pages split among their users) of processes together, in MB. */
export const pssMbOf = async (pids: number[]) => {
  let kb = 0;
  for (const pid of pids) {
    const rollup = await readFile(`/proc/${pid}/smaps_rollup`, 'utf8').catch(() => '');
    kb += Number(rollup.match(/^Pss:\s+(\d+) kB$/m)?.[1] ?? 0);
  }
  return kb > 0 ? kb / 1024 : Number.NaN;
};
