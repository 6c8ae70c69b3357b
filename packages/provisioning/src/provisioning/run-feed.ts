import { EventEmitter } from 'node:events';
import type { DbHandle } from '../db/handle.ts';
import { RUN_EVENTS_CHANNEL } from './events.ts';

export interface RunWatch {
  /** Resolves on the next notification for the run (or one that came since the last call), on timeout or abort. */
  next(timeoutMs: number, signal?: AbortSignal): Promise<void>;
  close(): void;
}

export interface RunFeed {
  watch(runId: string): RunWatch;
  close(): Promise<void>;
}

/**
 * One LISTEN per process, fanned out by run id. Notifications only say "look again":
 * the events themselves are always read from the table, so nothing depends on delivery.
 */
export const createRunFeed = async (handle: DbHandle): Promise<RunFeed> => {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const unlisten = await handle.listen(RUN_EVENTS_CHANNEL, (runId) => emitter.emit(runId));
  return {
    watch: (runId) => {
      let notified = false;
      let wake: (() => void) | undefined;
      const onNotify = () => {
        notified = true;
        wake?.();
      };
      emitter.on(runId, onNotify);
      return {
        next: async (timeoutMs, signal) => {
          if (!notified && !signal?.aborted) {
            await new Promise<void>((resolve) => {
              const timer = setTimeout(done, timeoutMs);
              function done() {
                clearTimeout(timer);
                signal?.removeEventListener('abort', done);
                wake = undefined;
                resolve();
              }
              wake = done;
              signal?.addEventListener('abort', done, { once: true });
            });
          }
          notified = false;
        },
        close: () => {
          emitter.off(runId, onNotify);
        },
      };
    },
    close: unlisten,
  };
};
