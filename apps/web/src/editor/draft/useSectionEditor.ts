import {
  readSection,
  type SectionSave,
  type SectionValue,
  type SettingsSection,
  type TenantConfig,
} from '@pilar/provisioning/contracts';
import { useMemo, useState } from 'react';
import { currentVersionOf, errorData, isVersionConflict } from '../../errors/api-error.ts';
import { trpc } from '../../trpc.ts';
import { useEditorErrorText } from '../useEditorErrorText.ts';
import { useDraft } from './draft-context.tsx';
import { mergeSection } from './merge-section.ts';
import { sameValue } from './same-value.ts';
import { useCommittedVersion } from './useSavedSettings.ts';
import { type Problems, serverProblems, validateSection } from './validate-section.ts';

export interface SavedSettings {
  version: number;
  config: TenantConfig;
}

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; version: number }
  | { kind: 'reloaded'; version: number }
  | { kind: 'invalid' }
  | { kind: 'conflict'; currentVersion: number | null }
  | { kind: 'failed'; message: string };

/**
 * One section's form state: the saved values until the owner edits, then the draft. Saving
 * sends the version the draft was based on; a conflict is reported, never overwritten.
 */
export const useSectionEditor = <S extends SettingsSection>(section: S, saved: SavedSettings) => {
  const utils = trpc.useUtils();
  const commit = useCommittedVersion();
  const saveMutation = trpc.settings.saveSection.useMutation();
  const { draft, current, setDraft } = useDraft();
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [fromServer, setFromServer] = useState<Problems>({});
  const errorText = useEditorErrorText();

  const own = draft?.section === section ? draft : null;
  const savedValue = readSection(saved.config, section);
  const value = (own ? own.value : savedValue) as SectionValue<S>;
  const dirty = own !== null && !sameValue(own.value, own.base);
  const validation = useMemo(() => validateSection(section, value), [section, value]);
  // Problems show once the owner has edited (saved values are valid anyway).
  const problems: Problems = own ? { ...validation.problems, ...fromServer } : fromServer;

  const change = (next: SectionValue<S>) => {
    const latest = current();
    const mine = latest?.section === section ? latest : null;
    setFromServer({});
    if (state.kind === 'saved' || state.kind === 'reloaded' || state.kind === 'invalid') {
      setState({ kind: 'idle' });
    }
    setDraft({
      section,
      value: next,
      base: mine ? mine.base : savedValue,
      baseVersion: mine ? mine.baseVersion : saved.version,
    });
  };

  const save = async (next: unknown, expectedVersion: number) => {
    const checked = validateSection(section, next);
    if (!checked.ok) {
      setState({ kind: 'invalid' });
      return;
    }
    setState({ kind: 'saving' });
    try {
      const result = await saveMutation.mutateAsync({
        section,
        value: checked.data,
        expectedVersion,
      } as SectionSave);
      commit(result);
      setDraft(null);
      setFromServer({});
      setState({ kind: 'saved', version: result.version });
    } catch (error) {
      const { issues } = errorData(error);
      if (isVersionConflict(error)) {
        setState({ kind: 'conflict', currentVersion: currentVersionOf(error) });
      } else if (issues) {
        setFromServer(serverProblems(issues));
        setState({ kind: 'invalid' });
      } else {
        setState({ kind: 'failed', message: errorText(error) });
      }
    }
  };

  const fetchCurrent = () => utils.settings.get.fetch(undefined, { staleTime: 0 });

  return {
    value,
    dirty,
    problems,
    state,
    change,
    save: () => save(value, own ? own.baseVersion : saved.version),
    /** Back to the saved values of this screen. */
    discard: () => {
      setDraft(null);
      setFromServer({});
      setState({ kind: 'idle' });
    },
    /** After a conflict: drop the owner's changes and show what is saved now. */
    reload: async () => {
      try {
        const fresh = await fetchCurrent();
        setDraft(null);
        setFromServer({});
        setState({ kind: 'reloaded', version: fresh.version });
      } catch (error) {
        setState({ kind: 'failed', message: errorText(error) });
      }
    },
    /** After a conflict: put the owner's changes on top of the current version and save. */
    reapply: async () => {
      const mine = current();
      if (mine?.section !== section) return;
      try {
        const fresh = await fetchCurrent();
        const theirs = readSection(fresh.config, section);
        const merged = mergeSection(mine.base, mine.value as SectionValue<S>, theirs);
        setDraft({ section, value: merged, base: theirs, baseVersion: fresh.version });
        await save(merged, fresh.version);
      } catch (error) {
        setState({ kind: 'failed', message: errorText(error) });
      }
    },
  };
};
