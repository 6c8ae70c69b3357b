import { type Answer, clip } from './fuzz-answer.ts';

const describeInput = (input: unknown) =>
  clip(
    JSON.stringify(input, (_, value: unknown) =>
      typeof value === 'string' && value.length > 80
        ? `${value.slice(0, 40)}…(${value.length} chars)`
        : value,
    ) ?? String(input),
    600,
  );

/** Statuses, accepted inputs, 5xx, malformed answers and tenants created by one batch. */
export class Tally {
  readonly labels = new Map<string, number>();
  readonly tenantIds = new Set<string>();
  tries = 0;
  accepted = 0;
  serverErrors = 0;
  malformed = 0;
  readonly failures: string[] = [];

  add(answer: Answer, input: unknown) {
    this.tries += 1;
    this.labels.set(answer.label, (this.labels.get(answer.label) ?? 0) + 1);
    if (answer.accepted) this.accepted += 1;
    if (answer.tenantId) this.tenantIds.add(answer.tenantId);
    const problem =
      answer.status >= 500
        ? `5xx: ${answer.label}`
        : answer.malformed
          ? `malformed: ${answer.malformed}`
          : null;
    if (answer.status >= 500) this.serverErrors += 1;
    else if (answer.malformed) this.malformed += 1;
    // A few examples of each kind of failure, for the report.
    const shown = this.failures.filter((line) => line.startsWith(`${problem} ←`)).length;
    if (problem && shown < 3 && this.failures.length < 12) {
      this.failures.push(`${problem} ← ${describeInput(input)}`);
    }
  }

  /** The most frequent answers (the 5xx count is always given on its own). */
  statuses(shown = 6) {
    const sorted = [...this.labels].sort(([, a], [, b]) => b - a);
    const rest = sorted.slice(shown).reduce((sum, [, n]) => sum + n, 0);
    return [
      ...sorted.slice(0, shown).map(([label, n]) => `${n} × ${label}`),
      ...(rest > 0 ? [`${rest} × other`] : []),
    ].join(', ');
  }
}

const CONCURRENCY = 8;

/** Sends every input, `concurrency` at a time, and tallies the answers. */
export const tallyAnswers = async <T>(
  inputs: readonly T[],
  send: (input: T, index: number) => Promise<Answer>,
  concurrency = CONCURRENCY,
) => {
  const tally = new Tally();
  let next = 0;
  const worker = async () => {
    while (next < inputs.length) {
      const index = next++;
      const input = inputs[index] as T;
      tally.add(await send(input, index), input);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, inputs.length) }, worker));
  return tally;
};
