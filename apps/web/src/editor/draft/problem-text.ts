import { WEEKDAYS, type Weekday } from '@pilar/provisioning/contracts';
import { type Problem, useProblemText } from '../../errors/useErrorText.ts';
import { useEditorText } from '../useEditorText.ts';

const isWeekday = (value: unknown): value is Weekday =>
  (WEEKDAYS as readonly unknown[]).includes(value);

/** A field problem in the editor, with a weekday it names in the owner's language. */
export const useEditorProblemText = () => {
  const t = useEditorText();
  const problemText = useProblemText();
  return ({ problem, params }: Problem) =>
    problemText({
      problem,
      params: isWeekday(params.day) ? { ...params, day: t(`day_${params.day}`) } : params,
    });
};
