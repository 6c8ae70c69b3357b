import type { ReactNode } from 'react';
import { describedBy } from './described-by.ts';
import { FieldError } from './FieldError.tsx';

export interface Option {
  value: string;
  label: string;
}

interface SelectInputProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  value: string;
  options: readonly Option[];
  onChange(value: string): void;
}

export const SelectInput = ({
  id,
  label,
  hint,
  error,
  value,
  options,
  onChange,
}: SelectInputProps) => (
  <div className="ed-field">
    <label htmlFor={id}>{label}</label>
    {hint && (
      <p id={`${id}-hint`} className="ed-hint">
        {hint}
      </p>
    )}
    <select
      id={id}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy(error && `${id}-error`, hint && `${id}-hint`)}
    >
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
    <FieldError id={`${id}-error`} message={error} />
  </div>
);
