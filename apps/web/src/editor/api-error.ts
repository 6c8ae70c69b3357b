/** What the API's error formatter adds to every tRPC error (see apps/api/src/trpc/init.ts). */
export interface ApiErrorData {
  code?: string;
  httpStatus?: number;
  domainCode?: string | null;
  fieldErrors?: Record<string, string[]> | null;
  retryAfterSeconds?: number | null;
}

export const errorData = (error: unknown): ApiErrorData => {
  if (typeof error !== 'object' || error === null || !('data' in error)) return {};
  const data = (error as { data: unknown }).data;
  return typeof data === 'object' && data !== null ? (data as ApiErrorData) : {};
};

export const errorMessage = (error: unknown) =>
  error instanceof Error ? error.message : String(error);

/** No (live) session: the screen belongs behind the login. */
export const isNotLoggedIn = (error: unknown) =>
  errorData(error).domainCode === 'NOT_AUTHENTICATED';

export const isVersionConflict = (error: unknown) =>
  errorData(error).domainCode === 'VERSION_CONFLICT';

/** The version the server names in its conflict message, if it names one. */
export const currentVersionOf = (error: unknown) => {
  const match = /version (\d+)/.exec(errorMessage(error));
  return match ? Number(match[1]) : null;
};
