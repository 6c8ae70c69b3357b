import type { SettingsSection } from '@pilar/provisioning/contracts';
import { type ComponentType, useEffect, useRef } from 'react';
import { useEditorProblemText } from '../draft/problem-text.ts';
import { type SavedSettings, useSectionEditor } from '../draft/useSectionEditor.ts';
import { useEditorText } from '../useEditorText.ts';
import { ConflictNotice } from './ConflictNotice.tsx';
import { SaveStatus } from './SaveStatus.tsx';
import { SECTION_FORMS } from './section-forms.ts';
import type { FieldErrors, SectionProps } from './section-props.ts';

/** One section: its form, a Save button, the save status and, on a conflict, the choices. */
export const SectionForm = ({
  section,
  saved,
  labelledBy,
}: {
  section: SettingsSection;
  saved: SavedSettings;
  labelledBy: string;
}) => {
  const t = useEditorText();
  const problemText = useEditorProblemText();
  const editor = useSectionEditor(section, saved);
  const form = useRef<HTMLFormElement>(null);
  const Form = SECTION_FORMS[section] as ComponentType<SectionProps<SettingsSection>>;
  const errors: FieldErrors = Object.fromEntries(
    Object.entries(editor.problems).map(([path, problem]) => [path, problemText(problem)]),
  );
  const busy = editor.state.kind === 'saving';

  // A refused save takes the cursor to the first field that needs attention.
  useEffect(() => {
    if (editor.state.kind !== 'invalid') return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [editor.state]);

  return (
    <form
      ref={form}
      className="ed-form"
      aria-labelledby={labelledBy}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!busy) void editor.save();
      }}
    >
      <Form value={editor.value} onChange={editor.change} errors={errors} />
      {editor.state.kind === 'conflict' && (
        <ConflictNotice
          currentVersion={editor.state.currentVersion}
          busy={busy}
          onReload={() => void editor.reload()}
          onReapply={() => void editor.reapply()}
        />
      )}
      <div className="ed-form-actions">
        <button type="submit" className="button primary" disabled={!editor.dirty || busy}>
          {t('save')}
        </button>
        <button
          type="button"
          className="button secondary"
          disabled={!editor.dirty || busy}
          onClick={editor.discard}
        >
          {t('discard')}
        </button>
        <SaveStatus state={editor.state} dirty={editor.dirty} />
      </div>
    </form>
  );
};
