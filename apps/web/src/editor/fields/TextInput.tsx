import type { InputHTMLAttributes, ReactNode } from 'react';
import { describedBy } from './described-by.ts';
import { FieldError } from './FieldError.tsx';

interface TextInputProps
  extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'id'> {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  value: string;
  onChange(value: string): void;
  /** Shown after the input, e.g. a counter; give it the id `<id>-after` to be announced. */
  after?: ReactNode;
}

/** A labelled single-line input with its hint and error linked to it. */
export const TextInput = ({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  after,
  className,
  ...input
}: TextInputProps) => (
  <div className={`ed-field ${className ?? ''}`}>
    <label htmlFor={id}>{label}</label>
    {hint && (
      <p id={`${id}-hint`} className="ed-hint">
        {hint}
      </p>
    )}
    <input
      id={id}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy(
        error && `${id}-error`,
        hint && `${id}-hint`,
        after && `${id}-after`,
      )}
      {...input}
    />
    {after}
    <FieldError id={`${id}-error`} message={error} />
  </div>
);
