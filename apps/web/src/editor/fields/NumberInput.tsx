import { useState } from 'react';
import { Field, type FieldProps, fieldAria } from '../../ui/Field.tsx';

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
  value,
  onChange,
  min,
  max,
  step = 1,
  ...field
}: NumberInputProps) => {
  const [text, setText] = useState(() => toText(value));
  const [shown, setShown] = useState(value);
  // A new value from outside (reload, conflict) replaces the text; the own echo does not.
  if (!Object.is(shown, value)) {
    setShown(value);
    if (!Object.is(parse(text), value)) setText(toText(value));
  }
  return (
    <Field {...field}>
      <input
        id={field.id}
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
        {...fieldAria(field)}
      />
    </Field>
  );
};
