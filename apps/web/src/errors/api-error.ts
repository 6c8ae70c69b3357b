import type { AppRouter } from '@pilar/api/router';
import { TRPCClientError } from '@trpc/client';

/** What the API's error formatter adds to every tRPC error, as the router declares it. */
export type ApiErrorData = NonNullable<TRPCClientError<AppRouter>['data']>;
export type DomainErrorCode = NonNullable<ApiErrorData['domainCode']>;

export const errorData = (error: unknown): Partial<ApiErrorData> =>
  error instanceof TRPCClientError ? ((error as TRPCClientError<AppRouter>).data ?? {}) : {};

/** The request never got an answer (offline, server down): fetch failed with a TypeError. */
export const isNetworkError = (error: unknown) =>
  error instanceof TypeError ||
  (error instanceof TRPCClientError && !error.data && error.cause instanceof TypeError);

/** No (live) session: the screen belongs behind the login. */
export const isNotLoggedIn = (error: unknown) =>
  errorData(error).domainCode === 'NOT_AUTHENTICATED';

export const isVersionConflict = (error: unknown) =>
  errorData(error).domainCode === 'VERSION_CONFLICT';

/** The version that is current now, as the conflict reports it. */
export const currentVersionOf = (error: unknown) => errorData(error).currentVersion ?? null;
