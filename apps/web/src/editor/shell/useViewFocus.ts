import { type RefObject, useEffect, useRef } from 'react';

/**
 * A new screen starts at its heading for keyboard and screen reader users (not on the first
 * load, where the browser's own start is right).
 */
export const useViewFocus = (view: string, heading: RefObject<HTMLHeadingElement | null>) => {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [view]);
};
