import { type ReactNode, useState } from 'react';
import { describedBy } from './described-by.ts';
import { FieldError } from './FieldError.tsx';

interface NumberInputProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  /** NaN while the input is empty or not a number; the schema reports it. */
  value: number;
  onChange(value: number): void;
  min: number;
  max: number;
  step?: number;
}

const toText = (value: number) => (Number.isNaN(value) ? '' : String(value));
const parse = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

/** A labelled number input that keeps what is typed (e.g. "0.") while the value is a number. */
export const NumberInput = ({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  min,
  max,
  step = 1,
}: NumberInputProps) => {
  const [text, setText] = useState(() => toText(value));
  const [shown, setShown] = useState(value);
  // A new value from outside (reload, conflict) replaces the text; the own echo does not.
  if (!Object.is(shown, value)) {
    setShown(value);
    if (!Object.is(parse(text), value)) setText(toText(value));
  }
  return (
    <div className="ed-field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="ed-hint">
          {hint}
        </p>
      )}
      <input
        id={id}
        type="number"
        className="ed-number"
        min={min}
        max={max}
        step={step}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          onChange(parse(event.target.value));
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(error && `${id}-error`, hint && `${id}-hint`)}
      />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
};
