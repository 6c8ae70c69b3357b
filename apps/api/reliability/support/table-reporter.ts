import type { Reporter, TestModule } from 'vitest/node';
import type { Proof } from './ledger.ts';

const pad = (text: string, width: number, right = false) =>
  right ? text.padStart(width) : text.padEnd(width);

/** Prints every recorded proof as one table once all reliability tests have run. */
export default class ReliabilityTableReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
    const rows: (Proof & { passed: boolean })[] = [];
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const passed = test.result().state === 'passed';
        for (const proof of test.meta().proofs ?? []) rows.push({ ...proof, passed });
      }
    }
    if (rows.length === 0) return;
    const header = { check: 'What was tried', tries: 'Tries', outcome: 'Outcome', lost: 'Lost' };
    const width = {
      check: Math.max(header.check.length, ...rows.map((row) => row.check.length)),
      tries: Math.max(header.tries.length, ...rows.map((row) => String(row.tries).length)),
      outcome: Math.max(header.outcome.length, ...rows.map((row) => row.outcome.length)),
    };
    const line = (check: string, tries: string, outcome: string, lost: string, mark: string) =>
      `${pad(check, width.check)}  ${pad(tries, width.tries, true)}  ${pad(outcome, width.outcome)}  ${pad(lost, 4, true)}  ${mark}`;
    const lostTotal = rows.reduce((sum, row) => sum + row.lost, 0);
    const out = [
      '',
      'Reliability and security proofs',
      line(header.check, header.tries, header.outcome, header.lost, ''),
      line('-'.repeat(width.check), '-'.repeat(width.tries), '-'.repeat(width.outcome), '----', ''),
      ...rows.map((row) =>
        line(
          row.check,
          String(row.tries),
          row.outcome,
          String(row.lost),
          row.passed && row.lost === 0 ? 'ok' : 'FAILED',
        ),
      ),
      '',
      `${rows.length} proofs, ${rows.reduce((sum, row) => sum + row.tries, 0)} tries, ${lostTotal} lost.`,
      '',
    ];
    process.stdout.write(`${out.map((text) => text.trimEnd()).join('\n')}\n`);
  }
}
