import { WEEKDAYS, type Weekday } from '@pilar/provisioning/contracts';
import { type EditorMessageKey, editorMessages } from '../../i18n/editor-messages.ts';
import { useTranslation } from '../../i18n/i18n.tsx';

type Rule = [RegExp, EditorMessageKey];

// The contracts and the server speak English; each known wording gets the catalog's text.
const RULES: Rule[] = [
  [/must be at most (?<max>\d+) characters/, 'problemMaxLength'],
  [/must be at least (?<min>[\d.]+)/, 'problemMin'],
  [/must be at most (?<max>[\d.]+)/, 'problemMax'],
  [/must not be empty/, 'problemEmpty'],
  [/must be a whole number/, 'problemWholeNumber'],
  [/must be a number/, 'problemNumber'],
  [/must be one of/, 'problemChoice'],
  [/^Time must be HH:MM/, 'problemTime'],
  [/^Date must be YYYY-MM-DD/, 'problemDate'],
  [/^No such date/, 'problemNoSuchDate'],
  [/^Opening and closing time must differ/, 'problemSameTime'],
  [/^Time ranges of a day must not overlap/, 'problemOverlap'],
  [/^Overlaps with the hours of (?<day>\w+)/, 'problemOverlapNextDay'],
  [/^Each date only once/, 'problemDuplicateDate'],
  [/^At most (?<max>\d+) rules/, 'problemTooManyRules'],
  [/^At most (?<max>\d+) closing days/, 'problemTooManyClosingDays'],
  [/^At most (?<max>\d+) time ranges/, 'problemTooManyRanges'],
  [/^Unknown time zone/, 'problemTimeZone'],
  [/^Unknown currency/, 'problemCurrency'],
];

const isWeekday = (value: string): value is Weekday =>
  (WEEKDAYS as readonly string[]).includes(value);

/** Translates a contract's or the server's problem text; unknown ones are shown as sent. */
export const useProblemText = () => {
  const t = useTranslation(editorMessages);
  return (message: string) => {
    for (const [pattern, key] of RULES) {
      const match = pattern.exec(message);
      if (!match) continue;
      const { day = '', ...values } = match.groups ?? {};
      return t(key, { ...values, day: isWeekday(day) ? t(`day_${day}`) : day });
    }
    return message;
  };
};
