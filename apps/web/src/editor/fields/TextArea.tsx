import type { ReactNode } from 'react';
import { CharacterCounter } from './CharacterCounter.tsx';
import { describedBy } from './described-by.ts';
import { FieldError } from './FieldError.tsx';

interface TextAreaProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  value: string;
  onChange(value: string): void;
  /** The allowed length; a counter shows how much is used. */
  maxLength: number;
  rows?: number;
}

/** A labelled multi-line input with a character counter. */
export const TextArea = ({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  maxLength,
  rows = 3,
}: TextAreaProps) => (
  <div className="ed-field">
    <label htmlFor={id}>{label}</label>
    {hint && (
      <p id={`${id}-hint`} className="ed-hint">
        {hint}
      </p>
    )}
    <textarea
      id={id}
      rows={rows}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy(error && `${id}-error`, hint && `${id}-hint`, `${id}-count`)}
    />
    <CharacterCounter id={`${id}-count`} length={value.length} max={maxLength} />
    <FieldError id={`${id}-error`} message={error} />
  </div>
);
