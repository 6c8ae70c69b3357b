import { MAX_RANGES_PER_DAY, type Weekday } from '@pilar/provisioning/contracts';
import { FieldError } from '../../../ui/FieldError.tsx';
import { CheckboxInput } from '../../fields/CheckboxInput.tsx';
import { fieldId } from '../../fields/field-id.ts';
import { TimeInput } from '../../fields/TimeInput.tsx';
import { useEditorText } from '../../useEditorText.ts';
import type { FieldErrors } from '../section-props.ts';
import {
  type DayHours,
  isOvernight,
  nextRange,
  rangePath,
  rangesOf,
  withRanges,
} from './day-ranges.ts';

interface DayHoursEditorProps {
  day: Weekday;
  value: DayHours;
  onChange(value: DayHours): void;
  errors: FieldErrors;
}

/** One weekday: closed, or one or more time ranges (a range may end after midnight). */
export const DayHoursEditor = ({ day, value, onChange, errors }: DayHoursEditorProps) => {
  const t = useEditorText();
  const dayName = t(`day_${day}`);
  const ranges = rangesOf(value);
  const legendId = `ed-day-${day}`;
  const rangesError = errors[`hours.${day}.additionalRanges`];

  const setTime = (index: number, end: 'open' | 'close', time: string) =>
    onChange(
      withRanges(
        value,
        ranges.map((range, at) => (at === index ? { ...range, [end]: time } : range)),
      ),
    );

  const focusAfterRender = (id: string) =>
    requestAnimationFrame(() => document.getElementById(id)?.focus());

  return (
    <fieldset className="ed-day" aria-labelledby={legendId}>
      <legend id={legendId}>{dayName}</legend>
      <CheckboxInput
        id={fieldId(`hours.${day}.closed`)}
        label={t('closedLabel', { day: dayName })}
        checked={value.closed}
        onChange={(closed) => onChange({ ...value, closed })}
      />
      {value.closed ? (
        <p className="field-hint">{t('closedAllDay')}</p>
      ) : (
        <>
          <ol className="ed-ranges">
            {ranges.map((range, index) => {
              const position = index + 1;
              const openPath = rangePath(day, index, 'open');
              const closePath = rangePath(day, index, 'close');
              const problem = errors[openPath] ?? errors[closePath];
              const errorId = `${fieldId(openPath)}-error`;
              return (
                <li key={index} className="ed-range">
                  <TimeInput
                    id={fieldId(openPath)}
                    label={t('rangeFrom', { day: dayName, position })}
                    shortLabel={t('from')}
                    value={range.open}
                    onChange={(time) => setTime(index, 'open', time)}
                    invalid={Boolean(errors[openPath])}
                    errorId={errorId}
                  />
                  <span aria-hidden="true">–</span>
                  <TimeInput
                    id={fieldId(closePath)}
                    label={t('rangeTo', { day: dayName, position })}
                    shortLabel={t('to')}
                    value={range.close}
                    onChange={(time) => setTime(index, 'close', time)}
                    invalid={Boolean(errors[closePath])}
                    errorId={errorId}
                    hintId={isOvernight(range) ? `${fieldId(closePath)}-overnight` : undefined}
                  />
                  {isOvernight(range) && (
                    <span id={`${fieldId(closePath)}-overnight`} className="ed-overnight">
                      {t('overnight')}
                    </span>
                  )}
                  {ranges.length > 1 && (
                    <button
                      type="button"
                      className="button small danger"
                      aria-label={t('rangeRemove', { day: dayName, position })}
                      onClick={() => {
                        onChange(
                          withRanges(
                            value,
                            ranges.filter((_, at) => at !== index),
                          ),
                        );
                        focusAfterRender(`ed-add-range-${day}`);
                      }}
                    >
                      {t('remove')}
                    </button>
                  )}
                  <FieldError id={errorId} message={problem} />
                </li>
              );
            })}
          </ol>
          <button
            id={`ed-add-range-${day}`}
            type="button"
            className="button small secondary"
            disabled={ranges.length >= MAX_RANGES_PER_DAY}
            aria-label={t('rangeAdd', { day: dayName })}
            onClick={() => {
              onChange(withRanges(value, [...ranges, nextRange(ranges)]));
              focusAfterRender(fieldId(rangePath(day, ranges.length, 'open')));
            }}
          >
            {t('addRange')}
          </button>
          <FieldError message={rangesError} />
        </>
      )}
    </fieldset>
  );
};
