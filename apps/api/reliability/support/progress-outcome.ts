import type { TestClient } from '../../test/support/trpc-client.ts';

/** How the typed client's progress subscription to a run ended: events seen and the error. */
export const progressOutcome = (client: TestClient, runId: string, timeoutMs = 5_000) =>
  new Promise<{ events: number; error?: string }>((resolve) => {
    let events = 0;
    const finish = (error?: string) => {
      clearTimeout(timer);
      subscription.unsubscribe();
      resolve({ events, error });
    };
    const timer = setTimeout(() => finish(`no answer within ${timeoutMs / 1000} s`), timeoutMs);
    const subscription = client.provisioning.onProgress.subscribe(
      { runId },
      {
        onData: () => {
          events++;
        },
        onError: (error) => finish(error.message),
        onComplete: () => finish(),
      },
    );
  });
