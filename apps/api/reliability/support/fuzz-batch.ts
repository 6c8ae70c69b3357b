import { setTimeout as sleep } from 'node:timers/promises';
import { schema } from '@pilar/provisioning';
import { countAll } from '@pilar/provisioning/testing';
import fc from 'fast-check';
import type { TestServer } from '../../test/support/test-server.ts';
import type { Answer } from './fuzz-answer.ts';
import { compareRows, type Expectation } from './fuzz-row-effects.ts';
import { type Tally, tallyAnswers } from './fuzz-tally.ts';
import type { FuzzTarget } from './fuzz-target.ts';
import { type ProofTask, recordProof } from './ledger.ts';

/** Inputs per procedure and route. FUZZ_SEED varies them; each check's seed derives from it. */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const SEED = Number(process.env.FUZZ_SEED ?? 20_240_611);

/** A stable seed per check, so adding a procedure does not change the inputs of the others. */
const seedOf = (name: string) => {
  let hash = SEED;
  for (const char of name) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return hash;
};

/** `runs` inputs of `cases` from the seed named `seedName`. */
export const sample = <T>(cases: fc.Arbitrary<T>, seedName: string, runs = RUNS) => {
  const seed = seedOf(seedName);
  return { seed, inputs: fc.sample(cases, { numRuns: runs, seed }) };
};

/** Waits until no provisioning run is pending or running and the row counts hold still. */
const settle = async (server: TestServer) => {
  const deadline = Date.now() + 120_000;
  let previous = '';
  for (;;) {
    const runs = await server.testDb.db
      .select({ status: schema.provisioningRuns.status })
      .from(schema.provisioningRuns);
    const counts = JSON.stringify(await countAll(server.testDb.db));
    if (runs.every((run) => run.status === 'ready' || run.status === 'failed')) {
      if (counts === previous) return;
    }
    if (Date.now() > deadline) throw new Error(`provisioning did not settle: ${counts}`);
    previous = counts;
    await sleep(200);
  }
};

export interface Batch<T> {
  /** The line of the reliability table. */
  check: string;
  seed: number;
  inputs: readonly T[];
  send: (input: T, index: number) => Promise<Answer>;
  /** Expected row changes once the batch's answers are known; null: not checked. */
  expected: (tally: Tally) => Expectation | null;
  concurrency?: number;
  /** What else must come to rest after the batch before rows are counted (background work). */
  settled?: () => Promise<unknown>;
}

export interface BatchResult {
  tries: number;
  /** What the promise rules out; clean is `{ lost: 0, malformed: 0, failures: [], serverLog: [] }`. */
  findings: { lost: number; malformed: number; failures: string[]; serverLog: string[] };
}

/** Sends a batch, counts rows before and after, and records the proof. */
export const runBatch = async <T>(
  { server, serverErrors }: FuzzTarget,
  task: ProofTask,
  batch: Batch<T>,
): Promise<BatchResult> => {
  await settle(server);
  const before = await countAll(server.testDb.db);
  const logged = serverErrors.length;
  const started = performance.now();
  const tally = await tallyAnswers(batch.inputs, batch.send, batch.concurrency);
  const seconds = (performance.now() - started) / 1000;
  await batch.settled?.();
  await settle(server);
  const after = await countAll(server.testDb.db);
  const rows = compareRows(before, after, batch.expected(tally));
  const lost = tally.serverErrors + rows.lost;
  const outcome = [
    `seed ${batch.seed}`,
    `${tally.serverErrors} × 5xx`,
    tally.statuses(),
    `${tally.accepted} accepted`,
    ...(tally.malformed > 0 ? [`${tally.malformed} malformed`] : []),
    rows.text,
    `${seconds.toFixed(1)} s`,
  ].join('; ');
  recordProof(task, { check: batch.check, tries: tally.tries, outcome, lost });
  console.log(`${batch.check}: ${outcome}`);
  return {
    tries: tally.tries,
    findings: {
      lost,
      malformed: tally.malformed,
      failures: tally.failures,
      serverLog: [...new Set(serverErrors.slice(logged))].slice(0, 5),
    },
  };
};
