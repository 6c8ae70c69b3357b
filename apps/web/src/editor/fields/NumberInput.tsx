import { useState } from 'react';
import { controlAria, Field, type FieldProps } from './Field.tsx';

interface NumberInputProps extends FieldProps {
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
    <Field id={id} label={label} hint={hint} error={error}>
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
        {...controlAria({ id, label, hint, error })}
      />
    </Field>
  );
};
