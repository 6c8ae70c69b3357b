import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import {
  currentVersionOf,
  errorData,
  isNetworkError,
  isNotLoggedIn,
  isVersionConflict,
} from '../../src/errors/api-error.ts';

const refusal = (data: Record<string, unknown>) =>
  new TRPCClientError('English wording the browser never reads', {
    result: { error: { code: -32600, message: 'x', data } },
  } as never);

describe('reading an API error', () => {
  it('takes the domain code and data the server sent', () => {
    const conflict = refusal({ domainCode: 'VERSION_CONFLICT', currentVersion: 4 });
    expect(isVersionConflict(conflict)).toBe(true);
    expect(currentVersionOf(conflict)).toBe(4);
    expect(isNotLoggedIn(refusal({ domainCode: 'NOT_AUTHENTICATED' }))).toBe(true);
    expect(isNotLoggedIn(conflict)).toBe(false);
  });

  it('gives nothing for errors that are not the API’s', () => {
    expect(errorData(new Error('boom'))).toEqual({});
    expect(currentVersionOf('boom')).toBeNull();
  });

  it('tells a request that never got an answer from a refusal', () => {
    const failedFetch = new TypeError('Failed to fetch');
    expect(isNetworkError(failedFetch)).toBe(true);
    expect(isNetworkError(TRPCClientError.from(failedFetch))).toBe(true);
    expect(isNetworkError(refusal({ domainCode: 'EMAIL_TAKEN' }))).toBe(false);
  });
});
