import { useSyncExternalStore } from 'react';
import type { FieldError } from './error-text.ts';

/** What the owner has entered so far; one draft is one signup attempt. */
export interface Draft {
  studioName: string;
  domain: string;
  ownerEmail: string;
  password: string;
  passwordConfirmation: string;
  /** Sent with the signup so a repeated submit of this attempt never creates a second studio. */
  idempotencyKey: string;
}

export type DraftField = Exclude<keyof Draft, 'idempotencyKey'>;
/** Errors the server reported for the values as they were submitted. */
export type ServerErrors = Partial<Record<DraftField, FieldError>>;

const STORAGE_KEY = 'pilar.signup-draft';

const emptyDraft = (): Draft => ({
  studioName: '',
  domain: '',
  ownerEmail: '',
  password: '',
  passwordConfirmation: '',
  idempotencyKey: crypto.randomUUID(),
});

const text = (value: unknown) => (typeof value === 'string' ? value : '');

const load = (): Draft => {
  const draft = emptyDraft();
  try {
    const stored: unknown = JSON.parse(window.sessionStorage.getItem(STORAGE_KEY) ?? 'null');
    if (typeof stored !== 'object' || stored === null) return draft;
    const values = stored as Record<string, unknown>;
    return {
      ...draft,
      studioName: text(values.studioName),
      domain: text(values.domain),
      ownerEmail: text(values.ownerEmail),
      idempotencyKey: text(values.idempotencyKey) || draft.idempotencyKey,
    };
  } catch {
    return draft;
  }
};

// Passwords stay in memory only: a reload asks for them again. Storage that is blocked or full
// only costs the resume after a reload; the wizard goes on with the draft in memory.
const persist = ({ password: _p, passwordConfirmation: _c, ...kept }: Draft) => {
  try {
    window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(kept));
  } catch {
    // Nothing to do: the draft stays in memory.
  }
};

let state = { draft: load(), serverErrors: {} as ServerErrors };
const listeners = new Set<() => void>();

const setState = (next: typeof state) => {
  state = next;
  persist(next.draft);
  for (const listener of listeners) listener();
};

export const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Changing a field also clears the server's complaint about its old value. */
export const updateDraft = (patch: Partial<Draft>) => {
  const serverErrors = { ...state.serverErrors };
  for (const field of Object.keys(patch)) delete serverErrors[field as DraftField];
  setState({ draft: { ...state.draft, ...patch }, serverErrors });
};

export const setServerErrors = (serverErrors: ServerErrors) => setState({ ...state, serverErrors });

/**
 * After the server answered with a refusal nothing was created, so the corrected submit is a
 * new attempt. (A lost answer keeps the key: the server may have created the studio.)
 */
export const renewIdempotencyKey = () =>
  setState({ ...state, draft: { ...state.draft, idempotencyKey: crypto.randomUUID() } });

/** A new attempt with a new idempotency key, e.g. after the studio was created. */
export const resetDraft = () => setState({ draft: emptyDraft(), serverErrors: {} });

/** The draft and the server's errors as they are now; the same object until the next change. */
export const draftSnapshot = () => state;

export const useDraftState = () => useSyncExternalStore(subscribe, draftSnapshot);
