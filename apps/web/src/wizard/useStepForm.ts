import { type ChangeEvent, type FocusEvent, type FormEvent, useEffect, useState } from 'react';
import { type DraftField, updateDraft, useDraftState } from './draft-store.ts';
import { type FieldError, useFieldErrorText } from './error-text.ts';
import { loadValidator, useValidator, type Validator } from './useValidator.ts';

const focusField = (field: DraftField) => document.getElementById(field)?.focus();

// Leaving a field for a button or link is acting, not moving on: showing the field's error
// right then would shift the layout under the pointer and swallow the click.
const isAction = (target: EventTarget | null) =>
  target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement;

/**
 * Binds a step's fields to the draft. A field's error shows once it was left or the step
 * submitted; server errors show at once. `extraErrors` adds checks beyond the contracts.
 */
export const useStepForm = (
  fields: readonly DraftField[],
  extraErrors: Partial<Record<DraftField, FieldError | null>> = {},
) => {
  const { draft, serverErrors } = useDraftState();
  const validator = useValidator();
  const errorText = useFieldErrorText();
  const [touched, setTouched] = useState<ReadonlySet<DraftField>>(new Set());

  const errorOf = (field: DraftField, shown: ReadonlySet<DraftField>, check: Validator | null) =>
    (shown.has(field) ? check?.validateField(field, draft) : null) ??
    serverErrors[field] ??
    extraErrors[field] ??
    null;

  // Arriving with a server complaint (e.g. from the review step) puts the cursor on it;
  // deliberately only when the step opens.
  useEffect(() => {
    const refused = fields.find((field) => serverErrors[field]);
    if (refused) focusField(refused);
  }, []);

  const bind = (field: DraftField) => {
    const error = errorOf(field, touched, validator);
    return {
      id: field,
      name: field,
      value: draft[field],
      error: error && errorText(field, error),
      onChange: (event: ChangeEvent<HTMLInputElement>) =>
        updateDraft({ [field]: event.target.value }),
      onBlur: (event: FocusEvent<HTMLInputElement>) => {
        if (!isAction(event.relatedTarget)) setTouched((previous) => new Set(previous).add(field));
      },
    };
  };

  /** Runs `onValid` when every field passes, otherwise shows all errors and focuses the first. */
  const submit = (onValid: () => void) => async (event: FormEvent) => {
    event.preventDefault();
    const all = new Set(fields);
    setTouched(all);
    const check = validator ?? (await loadValidator());
    const invalid = fields.find((field) => errorOf(field, all, check));
    if (invalid) focusField(invalid);
    else onValid();
  };

  return { draft, bind, submit };
};
