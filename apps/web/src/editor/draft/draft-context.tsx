import type { SettingsSection } from '@pilar/provisioning/contracts';
import { createContext, type ReactNode, useContext, useMemo, useRef, useState } from 'react';
import { sameValue } from './same-value.ts';

/** The owner's unsaved values of one section and the saved state they were based on. */
export interface Draft {
  section: SettingsSection;
  value: unknown;
  base: unknown;
  baseVersion: number;
}

export const isDirty = (draft: Draft | null): draft is Draft =>
  draft !== null && !sameValue(draft.value, draft.base);

interface DraftApi {
  draft: Draft | null;
  /** The latest draft, also between a change and the next render (for event listeners). */
  current(): Draft | null;
  setDraft(draft: Draft | null): void;
}

const DraftContext = createContext<DraftApi | null>(null);

/** Holds the one section being edited above the screens, so the preview can show it too. */
export const DraftProvider = ({ children }: { children: ReactNode }) => {
  const [draft, setState] = useState<Draft | null>(null);
  const latest = useRef<Draft | null>(null);
  const api = useMemo<DraftApi>(
    () => ({
      draft,
      current: () => latest.current,
      setDraft: (next) => {
        latest.current = next;
        setState(next);
      },
    }),
    [draft],
  );
  return <DraftContext.Provider value={api}>{children}</DraftContext.Provider>;
};

export const useDraft = () => {
  const api = useContext(DraftContext);
  if (!api) throw new Error('useDraft needs a DraftProvider');
  return api;
};
