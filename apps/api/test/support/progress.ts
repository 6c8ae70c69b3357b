import type { ProgressEvent } from '../../src/router/provisioning.ts';
import type { TestClient } from './trpc-client.ts';

export interface Collected {
  events: ProgressEvent[];
  ids: string[];
}

/** Subscribes to a run's progress and resolves with every event once the stream completes. */
export const collectProgress = (
  client: TestClient,
  runId: string,
  lastEventId?: string,
  timeoutMs = 20_000,
) =>
  new Promise<Collected>((resolve, reject) => {
    const collected: Collected = { events: [], ids: [] };
    const timer = setTimeout(() => {
      subscription.unsubscribe();
      reject(new Error(`progress did not complete: ${collected.events.map((e) => e.type)}`));
    }, timeoutMs);
    const subscription = client.provisioning.onProgress.subscribe(
      { runId, lastEventId: lastEventId ?? null },
      {
        onData: ({ id, data }) => {
          collected.ids.push(id);
          collected.events.push(data);
        },
        onError: (error) => {
          clearTimeout(timer);
          reject(error);
        },
        onComplete: () => {
          clearTimeout(timer);
          resolve(collected);
        },
      },
    );
  });

export const describeEvents = (events: ProgressEvent[]) =>
  events.map((event) => (event.step ? `${event.type}:${event.step}` : event.type));
