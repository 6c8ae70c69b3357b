import { useSyncExternalStore } from 'react';

/** The app's routes are plain URL paths; this is all the routing a few screens need. */
const subscribe = (onChange: () => void) => {
  window.addEventListener('popstate', onChange);
  return () => window.removeEventListener('popstate', onChange);
};

const snapshot = () => window.location.pathname + window.location.search;

export const useLocation = () => {
  const location = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(location, window.location.origin);
  return { path: url.pathname, search: url.searchParams };
};

export const navigate = (to: string, { replace = false } = {}) => {
  if (to === snapshot()) return;
  if (replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new PopStateEvent('popstate'));
};
