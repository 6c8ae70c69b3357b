import { useEffect, useState } from 'react';

/** `value` once it has stopped changing for `delayMs`. */
export const useDebouncedValue = <T>(value: T, delayMs: number) => {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), delayMs);
    return () => window.clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
};
