import { useEffect } from 'react';
import { navigate } from '../../router.ts';

/** Replaces the current address once rendered (never during a render). */
export const Redirect = ({ to }: { to: string }) => {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
};
