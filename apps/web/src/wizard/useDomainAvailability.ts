import { skipToken } from '@tanstack/react-query';
import { trpc } from '../trpc.ts';
import { useDebouncedValue } from './useDebouncedValue.ts';
import { useValidator } from './useValidator.ts';

export type DomainAvailability = 'idle' | 'checking' | 'available' | 'taken' | 'unknown';

const CHECK_DELAY_MS = 400;

/** Asks the server whether the domain is free once the owner pauses typing a valid one. */
export const useDomainAvailability = (input: string): DomainAvailability => {
  const domain = input.trim().toLowerCase();
  const settled = useDebouncedValue(domain, CHECK_DELAY_MS);
  const checkable = useValidator()?.isCheckableDomain(domain) ?? false;
  const query = trpc.signup.checkDomain.useQuery(
    checkable && settled === domain ? { domain } : skipToken,
    { staleTime: 30_000, retry: false },
  );
  if (!checkable) return 'idle';
  if (query.isError) return 'unknown';
  if (!query.data) return 'checking';
  return query.data.available ? 'available' : 'taken';
};
