import { useRef } from 'react';
import { trpc } from '../../trpc.ts';
import { phoneItemOf } from './go-live.ts';

/**
 * The studio's way to going live, kept current: the query's answer, then every change the
 * server pushes (`golive.onStatus`, SSE) written into the same cache, so every screen that
 * reads the status sees it. Once the phone is active, the channel list is read again (its
 * number is the real one now).
 */
export const useGoLiveStatus = () => {
  const utils = trpc.useUtils();
  const status = trpc.golive.status.useQuery();
  const lastStage = useRef<string | undefined>(undefined);
  trpc.golive.onStatus.useSubscription(undefined, {
    onData: (next) => {
      utils.golive.status.setData(undefined, next);
      const stage = phoneItemOf(next)?.stage;
      if (stage !== lastStage.current && lastStage.current !== undefined)
        void utils.channels.list.invalidate();
      lastStage.current = stage;
    },
  });
  return status;
};
