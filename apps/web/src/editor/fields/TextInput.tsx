import type { InputHTMLAttributes, ReactNode } from 'react';
import { controlAria, Field } from './Field.tsx';

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
  <Field id={id} label={label} hint={hint} error={error} className={className}>
    <input
      id={id}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      {...controlAria({ id, label, hint, error }, after && `${id}-after`)}
      {...input}
    />
    {after}
  </Field>
);
