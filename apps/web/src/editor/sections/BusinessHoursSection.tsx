import { WEEKDAYS } from '@pilar/provisioning/contracts';
import { useEditorText } from '../useEditorText.ts';
import { ClosingDaysEditor } from './hours/ClosingDaysEditor.tsx';
import { DayHoursEditor } from './hours/DayHoursEditor.tsx';
import type { SectionProps } from './section-props.ts';

export const BusinessHoursSection = ({
  value,
  onChange,
  errors,
}: SectionProps<'businessHours'>) => {
  const t = useEditorText();
  return (
    <>
      <section className="ed-subsection" aria-labelledby="ed-week-title">
        <h2 id="ed-week-title">{t('weekTitle')}</h2>
        <p className="field-hint">{t('weekHint')}</p>
        {WEEKDAYS.map((day) => (
          <DayHoursEditor
            key={day}
            day={day}
            value={value.hours[day]}
            onChange={(hours) => onChange({ ...value, hours: { ...value.hours, [day]: hours } })}
            errors={errors}
          />
        ))}
      </section>
      <ClosingDaysEditor
        value={value.closingDays}
        onChange={(closingDays) => onChange({ ...value, closingDays })}
        errors={errors}
      />
    </>
  );
};
