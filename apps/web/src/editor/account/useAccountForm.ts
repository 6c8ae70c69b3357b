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

/**
 * The state of one account form: its values, each field's problem (shown until the field
 * changes), a refusal that belongs to no field, and the cursor on the first problem after a
 * refused submit.
 */
export const useAccountForm = <F extends string>(idPrefix: string, initial: Record<F, string>) => {
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

  const bind = (field: F) => {
    const problem = problems[field];
    return {
      id: `${idPrefix}-${field}`,
      name: field,
      value: values[field],
      error: problem ? problemText(problem) : null,
      onChange: (event: ChangeEvent<HTMLInputElement>) => {
        const { value } = event.target;
        setValues((previous) => ({ ...previous, [field]: value }));
        setProblems((previous) => {
          if (!previous[field]) return previous;
          const { [field]: _, ...rest } = previous;
          return rest as FieldProblems<F>;
        });
      },
    };
  };

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

  return { form, values, bind, begin, refuse, fail: setFailure, failure, reset };
};
