import { useSyncExternalStore } from 'react';

export type Validator = typeof import('./validation.ts');

// The contracts bring zod, which outweighs the rest of the wizard: the first screen paints
// without them, and they arrive while the owner reads and types. Loading starts right here.
const loading = import('./validation.ts');
let loaded: Validator | null = null;
const listeners = new Set<() => void>();

loading.then((validator) => {
  loaded = validator;
  for (const listener of listeners) listener();
});

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export const loadValidator = () => loading;

/** The validator, or null for the first moments of the first screen. */
export const useValidator = () => useSyncExternalStore(subscribe, () => loaded);
