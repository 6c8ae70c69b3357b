import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { isNotLoggedIn } from '../../errors/api-error.ts';
import { trpc } from '../../trpc.ts';

/**
 * Any call refused for want of a session (it expired, or the owner logged out elsewhere)
 * marks the owner as logged out; the protected screens then lead to the login.
 */
export const useSessionExpiry = () => {
  const queryClient = useQueryClient();
  const utils = trpc.useUtils();
  useEffect(() => {
    const onError = (error: unknown) => {
      if (isNotLoggedIn(error)) utils.auth.me.setData(undefined, null);
    };
    const stopQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') onError(event.action.error);
    });
    const stopMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') onError(event.action.error);
    });
    return () => {
      stopQueries();
      stopMutations();
    };
  }, [queryClient, utils]);
};
