import { skipToken } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { trpc } from '../../trpc.ts';
import {
  applyEvent,
  blankProgress,
  type ProgressEvent,
  progressFromStatus,
  type RunProgress,
} from './run-progress.ts';

/** Long enough to take in a replayed burst at once, short enough to feel live. */
const BATCH_MS = 40;

interface LiveProgress {
  run: RunProgress;
  lastEvent: ProgressEvent | null;
}

/**
 * The run as it is now: first the stored status (the truth after a reload), then the event
 * stream, which replays the run from its start and continues live until it is finished.
 */
export const useRunProgress = (runId: string) => {
  const status = trpc.provisioning.status.useQuery({ runId }, { retry: false });
  const [live, setLive] = useState<LiveProgress | null>(null);
  // Set after a retry, so the new stream continues after the events already applied.
  const [resumeAfter, setResumeAfter] = useState<string | null>(null);
  const lastEventId = useRef<string | null>(null);
  const queue = useRef<ProgressEvent[]>([]);
  const flushTimer = useRef<number | undefined>(undefined);
  const retryMutation = trpc.provisioning.retry.useMutation();

  useEffect(() => () => window.clearTimeout(flushTimer.current), []);

  const snapshot = status.data ? progressFromStatus(status.data) : null;

  // Applying a replay one event per render would briefly show older states than the status.
  const flush = () => {
    flushTimer.current = undefined;
    const batch = queue.current.splice(0);
    if (!snapshot || batch.length === 0) return;
    const base = blankProgress(snapshot.steps);
    setLive((previous) => ({
      run: batch.reduce(applyEvent, previous?.run ?? base),
      lastEvent: batch.at(-1) ?? null,
    }));
  };

  const subscription = trpc.provisioning.onProgress.useSubscription(
    snapshot ? { runId, lastEventId: resumeAfter } : skipToken,
    {
      onData: ({ id, data }) => {
        lastEventId.current = id;
        queue.current.push(data);
        flushTimer.current ??= window.setTimeout(flush, BATCH_MS);
      },
    },
  );

  const retry = () =>
    retryMutation.mutate(
      { runId },
      {
        onSuccess: () => {
          const reopened: ProgressEvent = {
            type: 'run.retried',
            step: null,
            detail: {},
            at: new Date().toISOString(),
          };
          setLive(
            (previous) =>
              previous && { run: applyEvent(previous.run, reopened), lastEvent: reopened },
          );
          setResumeAfter(lastEventId.current);
        },
      },
    );

  const run = live?.run ?? snapshot;
  return {
    run,
    lastEvent: live?.lastEvent ?? null,
    loadError: status.error,
    streamError: subscription.error,
    reconnecting: subscription.status === 'connecting' && live !== null,
    retry,
    retryPending: retryMutation.isPending,
    retryError: retryMutation.error,
  };
};
