import type { TaskMeta } from 'vitest';

/** One line of the reliability table: what was tried, how often, what came of it, what was lost. */
export interface Proof {
  check: string;
  tries: number;
  outcome: string;
  /** Rows, updates, runs or secrets lost, duplicated or leaked — the goal is 0. */
  lost: number;
}

declare module 'vitest' {
  interface TaskMeta {
    proofs?: Proof[];
  }
}

/** The test a proof belongs to (vitest's `task`). */
export type ProofTask = { meta: TaskMeta };

/** Adds a line to the table printed at the end of `pnpm test:reliability`. */
export const recordProof = (task: ProofTask, proof: Proof) => {
  task.meta.proofs = [...(task.meta.proofs ?? []), proof];
};

/** A proof that lists what went wrong: `ok` as its outcome when nothing did. */
export const recordProblems = (
  task: ProofTask,
  { check, tries, ok, problems }: { check: string; tries: number; ok: string; problems: string[] },
) => {
  recordProof(task, {
    check,
    tries,
    outcome: problems.length === 0 ? ok : `${problems.length} wrong`,
    lost: problems.length,
  });
};
