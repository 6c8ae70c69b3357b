import type { AppRouter } from '@pilar/api/router';
import { TRPCClientError } from '@trpc/client';

/** What the API's error formatter adds to every tRPC error, as the router declares it. */
export type ApiErrorData = NonNullable<TRPCClientError<AppRouter>['data']>;

export const errorData = (error: unknown): Partial<ApiErrorData> =>
  error instanceof TRPCClientError ? ((error as TRPCClientError<AppRouter>).data ?? {}) : {};

export const errorMessage = (error: unknown) =>
  error instanceof Error ? error.message : String(error);

/** No (live) session: the screen belongs behind the login. */
export const isNotLoggedIn = (error: unknown) =>
  errorData(error).domainCode === 'NOT_AUTHENTICATED';

export const isVersionConflict = (error: unknown) =>
  errorData(error).domainCode === 'VERSION_CONFLICT';

/** The version that is current now, as the conflict reports it. */
export const currentVersionOf = (error: unknown) => errorData(error).currentVersion ?? null;
