import { type ChangeEvent, useEffect, useRef, useState } from 'react';
import { errorData } from '../../errors/api-error.ts';
import { useLanguage } from '../../i18n/i18n.tsx';
import { useEditorErrorText } from '../useEditorErrorText.ts';
import { useEditorText } from '../useEditorText.ts';
import { type FieldProblems, fieldProblemTextIn, hasProblems } from './account-forms.ts';

/**
 * A refusal in the account forms' words: too many wrong passwords are not login attempts
 * there; everything else reads as anywhere in the editor.
 */
export const useAccountErrorText = () => {
  const t = useEditorText();
  const errorText = useEditorErrorText();
  return (error: unknown) => {
    const { domainCode, retryAfterSeconds } = errorData(error);
    if (domainCode === 'TOO_MANY_ATTEMPTS' && typeof retryAfterSeconds === 'number')
      return t('tooManyPasswordAttempts', { retryAfterSeconds });
    return errorText(error);
  };
};

type FormValues = Record<string, string | boolean>;
/** The fields of a form whose values are text, and those that are a checkbox. */
type TextFields<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V] & string;
type CheckFields<V> = { [K in keyof V]: V[K] extends boolean ? K : never }[keyof V] & string;

/**
 * The state of one account form: its values (text, or a checkbox's true or false), each
 * field's problem (shown until the field changes), a refusal that belongs to no field, and the
 * cursor on the first problem after a refused submit.
 */
export const useAccountForm = <V extends FormValues>(idPrefix: string, initial: V) => {
  type F = keyof V & string;
  const { language } = useLanguage();
  const problemText = fieldProblemTextIn(language);
  const [values, setValues] = useState(initial);
  const [problems, setProblems] = useState<FieldProblems<F>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [refusals, setRefusals] = useState(0);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (refusals > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refusals]);

  const change = (field: F, value: string | boolean) => {
    setValues((previous) => ({ ...previous, [field]: value }));
    setProblems((previous) => {
      if (!previous[field]) return previous;
      const { [field]: _, ...rest } = previous;
      return rest as FieldProblems<F>;
    });
  };

  const common = (field: F) => {
    const problem = problems[field];
    return {
      id: `${idPrefix}-${field}`,
      name: field,
      error: problem ? problemText(problem) : null,
    };
  };

  /** A text input's props (for TextField). */
  const bind = (field: TextFields<V>) => ({
    ...common(field),
    value: values[field] as string,
    onChange: (event: ChangeEvent<HTMLInputElement>) => change(field, event.target.value),
  });

  /** A checkbox's props (for CheckField). */
  const bindCheck = (field: CheckFields<V>) => ({
    ...common(field),
    checked: values[field] as boolean,
    onChange: (event: ChangeEvent<HTMLInputElement>) => change(field, event.target.checked),
  });

  /** Starts a submit: clears what the last one said. */
  const begin = () => {
    setFailure(null);
    setProblems({});
  };

  /** Shows problems at their fields and focuses the first; false when there are none. */
  const refuse = (found: FieldProblems<F>) => {
    if (!hasProblems(found)) return false;
    setProblems(found);
    setRefusals((count) => count + 1);
    return true;
  };

  const reset = () => {
    setValues(initial);
    setProblems({});
    setFailure(null);
  };

  return { form, values, bind, bindCheck, begin, refuse, fail: setFailure, failure, reset };
};
