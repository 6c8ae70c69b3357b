import type { ReactNode } from 'react';
import { describedBy } from '../../ui/described-by.ts';
import { FieldError } from '../../ui/FieldError.tsx';
import type { Option } from './SelectInput.tsx';

interface RadioGroupProps {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  value: string;
  options: readonly Option[];
  onChange(value: string): void;
}

/** A fieldset of radio buttons: arrow keys move between them, the legend names the group. */
export const RadioGroup = ({
  id,
  legend,
  hint,
  error,
  value,
  options,
  onChange,
}: RadioGroupProps) => (
  <fieldset
    className="field ed-radios"
    aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
  >
    <legend>{legend}</legend>
    {hint && (
      <p id={`${id}-hint`} className="field-hint">
        {hint}
      </p>
    )}
    {options.map((option) => (
      <div key={option.value} className="ed-radio">
        <input
          id={`${id}-${option.value}`}
          type="radio"
          name={id}
          value={option.value}
          checked={value === option.value}
          onChange={() => onChange(option.value)}
        />
        <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
      </div>
    ))}
    <FieldError id={`${id}-error`} message={error} />
  </fieldset>
);
