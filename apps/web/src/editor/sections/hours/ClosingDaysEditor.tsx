import { MAX_CLOSING_DAYS } from '@pilar/provisioning/contracts';
import { FieldError } from '../../../ui/FieldError.tsx';
import { TextField } from '../../../ui/TextField.tsx';
import { fieldId } from '../../fields/field-id.ts';
import { useListKeys } from '../../fields/useListKeys.ts';
import { useEditorText } from '../../useEditorText.ts';
import type { FieldErrors } from '../section-props.ts';
import type { ClosingDay, ClosingDays } from './closing-days.ts';
import { HolidaySuggestions } from './HolidaySuggestions.tsx';

interface ClosingDaysEditorProps {
  value: ClosingDays;
  onChange(value: ClosingDays): void;
  errors: FieldErrors;
}

const focusAfterRender = (id: string) =>
  requestAnimationFrame(() => document.getElementById(id)?.focus());

/** Special closing days (date + label), typed in or taken from the public holidays. */
export const ClosingDaysEditor = ({ value, onChange, errors }: ClosingDaysEditorProps) => {
  const t = useEditorText();
  const list = useListKeys(value.length);
  const full = value.length >= MAX_CLOSING_DAYS;

  const update = (index: number, change: Partial<ClosingDay>) =>
    onChange(value.map((day, at) => (at === index ? { ...day, ...change } : day)));

  return (
    <section className="ed-subsection" aria-labelledby="ed-closing-days-title">
      <h2 id="ed-closing-days-title">{t('closingDaysTitle')}</h2>
      <p className="field-hint" id="ed-closing-days-hint">
        {t('closingDaysHint', { count: value.length, max: MAX_CLOSING_DAYS })}
      </p>
      <FieldError message={errors.closingDays} />
      {value.length === 0 ? (
        <p>{t('noClosingDays')}</p>
      ) : (
        <ul className="ed-closing-days">
          {value.map((day, index) => {
            const position = index + 1;
            return (
              <li key={list.keys[index]} className="ed-closing-day">
                <TextField
                  id={fieldId(`closingDays.${index}.date`)}
                  type="date"
                  label={t('closingDayDate', { position })}
                  value={day.date}
                  onChange={(event) => update(index, { date: event.target.value })}
                  error={errors[`closingDays.${index}.date`]}
                />
                <TextField
                  id={fieldId(`closingDays.${index}.label`)}
                  label={t('closingDayLabel', { position })}
                  maxLength={200}
                  value={day.label}
                  onChange={(event) => update(index, { label: event.target.value })}
                  error={errors[`closingDays.${index}.label`]}
                />
                <button
                  type="button"
                  className="button small danger"
                  aria-label={t('closingDayRemove', { position })}
                  onClick={() => {
                    onChange(value.filter((_, at) => at !== index));
                    list.removed(index);
                    focusAfterRender('ed-add-closing-day');
                  }}
                >
                  {t('remove')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <button
        id="ed-add-closing-day"
        type="button"
        className="button secondary"
        disabled={full}
        onClick={() => {
          onChange([...value, { date: '', label: '' }]);
          list.added();
          focusAfterRender(fieldId(`closingDays.${value.length}.date`));
        }}
      >
        {t('addClosingDay')}
      </button>
      <HolidaySuggestions
        closingDays={value}
        disabled={full}
        onAdd={(holiday) => {
          onChange([...value, holiday]);
          list.added();
        }}
      />
    </section>
  );
};
