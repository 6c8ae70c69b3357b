import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  blankProgress,
  type ProgressEvent,
  progressFromStatus,
  type RunProgress,
  type RunStatusSnapshot,
  type StepProgress,
} from '../../../src/wizard/provisioning/run-progress.ts';

const step = (name: string, change: Partial<StepProgress> = {}): StepProgress => ({
  name,
  phase: 'pending',
  attempt: 0,
  attemptLimit: 3,
  error: null,
  finishedAt: null,
  ...change,
});

const event = (
  type: string,
  stepName: string | null = null,
  detail: unknown = {},
  at = '2026-03-01T09:00:00.000Z',
): ProgressEvent => ({ type, step: stepName, detail, at });

const fresh = (): RunProgress => blankProgress([step('voice'), step('whatsapp')]);
const replay = (events: ProgressEvent[], from: RunProgress = fresh()) =>
  events.reduce(applyEvent, from);
const stepOf = (run: RunProgress, name: string) => run.steps.find((s) => s.name === name);

// A run whose WhatsApp step fails for good, then succeeds after the owner's retry.
const failedThenRetried: ProgressEvent[] = [
  event('run.started'),
  event('step.started', 'voice', { attempt: 1, attemptLimit: 3 }),
  event('step.done', 'voice', {}, '2026-03-01T09:00:05.000Z'),
  event('step.started', 'whatsapp', { attempt: 1, attemptLimit: 2 }),
  event('step.retrying', 'whatsapp', { attempt: 1, attemptLimit: 2, error: 'timeout' }),
  event('step.started', 'whatsapp', { attempt: 2, attemptLimit: 2 }),
  event('step.failed', 'whatsapp', { attempt: 2, attemptLimit: 2, error: 'number refused' }),
  event('run.failed'),
  event('run.retried'),
  event('step.started', 'whatsapp', { attempt: 1, attemptLimit: 2 }),
  event('step.done', 'whatsapp', {}, '2026-03-01T09:02:00.000Z'),
  event('run.ready'),
];

type StoredStep = RunStatusSnapshot['steps'][number];
const storedStep = (name: string, change: Partial<StoredStep> = {}): StoredStep => ({
  name,
  status: 'pending',
  attempts: 0,
  attemptLimit: 3,
  error: null,
  finishedAt: null,
  ...change,
});

describe('progressFromStatus', () => {
  it('maps the stored status to the progress shown, with timestamps as ISO strings', () => {
    const progress = progressFromStatus({
      status: 'running',
      steps: [
        storedStep('voice', {
          status: 'done',
          attempts: 1,
          finishedAt: new Date('2026-03-01T09:00:05Z'),
        }),
        storedStep('whatsapp', { status: 'running', attempts: 2 }),
      ],
    });
    expect(progress).toEqual({
      phase: 'running',
      steps: [
        step('voice', { phase: 'done', attempt: 1, finishedAt: '2026-03-01T09:00:05.000Z' }),
        step('whatsapp', { phase: 'running', attempt: 2 }),
      ],
    });
  });

  it('normalises a timestamp string with an offset to UTC', () => {
    const progress = progressFromStatus({
      status: 'ready',
      steps: [storedStep('voice', { status: 'done', finishedAt: '2026-03-01T10:00:05+01:00' })],
    });
    expect(progress.steps[0]?.finishedAt).toBe('2026-03-01T09:00:05.000Z');
  });

  it('shows a pending step that already has an error as retrying', () => {
    const progress = progressFromStatus({
      status: 'running',
      steps: [storedStep('whatsapp', { attempts: 1, error: 'timeout' }), storedStep('voice')],
    });
    expect(progress.steps.map((s) => s.phase)).toEqual(['retrying', 'pending']);
    expect(progress.steps[0]?.error).toBe('timeout');
  });
});

describe('blankProgress', () => {
  it('keeps the steps and their attempt limits but forgets everything that happened', () => {
    const blank = blankProgress([
      step('voice', {
        phase: 'done',
        attempt: 2,
        attemptLimit: 5,
        finishedAt: '2026-03-01T09:00:00.000Z',
      }),
      step('whatsapp', { phase: 'failed', attempt: 3, error: 'refused' }),
    ]);
    expect(blank).toEqual({
      phase: 'pending',
      steps: [step('voice', { attemptLimit: 5 }), step('whatsapp')],
    });
  });
});

describe('applyEvent', () => {
  it('follows a run from start to ready', () => {
    const run = replay([
      event('run.started'),
      event('step.started', 'voice', { attempt: 1, attemptLimit: 3 }),
      event('step.done', 'voice', {}, '2026-03-01T09:00:05.000Z'),
      event('step.started', 'whatsapp', { attempt: 1, attemptLimit: 3 }),
      event('step.done', 'whatsapp', {}, '2026-03-01T09:00:09.000Z'),
      event('run.ready'),
    ]);
    expect(run).toEqual({
      phase: 'ready',
      steps: [
        step('voice', { phase: 'done', attempt: 1, finishedAt: '2026-03-01T09:00:05.000Z' }),
        step('whatsapp', { phase: 'done', attempt: 1, finishedAt: '2026-03-01T09:00:09.000Z' }),
      ],
    });
  });

  it('changes only the step the event names', () => {
    const run = replay([event('run.started'), event('step.started', 'whatsapp', { attempt: 1 })]);
    expect(stepOf(run, 'whatsapp')?.phase).toBe('running');
    expect(stepOf(run, 'voice')).toEqual(step('voice'));
  });

  it('shows a retrying step with the error and the attempt that failed', () => {
    const run = replay([
      event('step.started', 'whatsapp', { attempt: 1, attemptLimit: 2 }),
      event('step.retrying', 'whatsapp', { attempt: 1, attemptLimit: 2, error: 'timeout' }),
    ]);
    expect(stepOf(run, 'whatsapp')).toEqual(
      step('whatsapp', { phase: 'retrying', attempt: 1, attemptLimit: 2, error: 'timeout' }),
    );
  });

  it('clears the last error when the next attempt starts', () => {
    const run = replay([
      event('step.retrying', 'whatsapp', { attempt: 1, error: 'timeout' }),
      event('step.started', 'whatsapp', { attempt: 2 }),
    ]);
    expect(stepOf(run, 'whatsapp')).toMatchObject({ phase: 'running', attempt: 2, error: null });
  });

  it('keeps the known attempt, limit and error when the detail lacks them or is malformed', () => {
    const before = replay([
      event('step.retrying', 'whatsapp', { attempt: 2, attemptLimit: 4, error: 'timeout' }),
    ]);
    const failed = applyEvent(
      before,
      event('step.failed', 'whatsapp', { attempt: '3', attemptLimit: null, error: 42 }),
    );
    expect(stepOf(failed, 'whatsapp')).toEqual(
      step('whatsapp', { phase: 'failed', attempt: 2, attemptLimit: 4, error: 'timeout' }),
    );
    const withoutDetail = applyEvent(before, event('step.started', 'whatsapp', null));
    expect(stepOf(withoutDetail, 'whatsapp')).toMatchObject({ phase: 'running', attempt: 2 });
  });

  it('reopens only the failed steps when the owner retries the run', () => {
    const failedRun = replay(failedThenRetried.slice(0, 8));
    expect(failedRun.phase).toBe('failed');
    const retried = applyEvent(failedRun, event('run.retried'));
    expect(retried.phase).toBe('running');
    expect(stepOf(retried, 'voice')?.phase).toBe('done');
    expect(stepOf(retried, 'whatsapp')?.phase).toBe('pending');
  });

  it('ends in the same state when a reconnect replays the whole run over what was seen', () => {
    const once = replay(failedThenRetried);
    expect(replay(failedThenRetried, once)).toEqual(once);
  });

  it('ends in the same state when an event arrives twice', () => {
    for (const [index, duplicate] of failedThenRetried.entries()) {
      const withDuplicate = [
        ...failedThenRetried.slice(0, index + 1),
        duplicate,
        ...failedThenRetried.slice(index + 1),
      ];
      expect(replay(withDuplicate), duplicate.type).toEqual(replay(failedThenRetried));
    }
  });

  it('ignores events of unknown types and of steps the run does not have', () => {
    const run = replay([event('run.started'), event('step.started', 'voice', { attempt: 1 })]);
    expect(applyEvent(run, event('step.heartbeat', 'voice'))).toBe(run);
    expect(applyEvent(run, event('step.failed', 'sms', { error: 'x' }))).toEqual(run);
  });

  it('leaves the previous state untouched', () => {
    const before = fresh();
    const snapshot = structuredClone(before);
    applyEvent(before, event('run.started'));
    applyEvent(before, event('step.failed', 'voice', { attempt: 1, error: 'refused' }));
    expect(before).toEqual(snapshot);
  });
});
