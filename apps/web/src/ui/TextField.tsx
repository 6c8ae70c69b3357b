import type { InputHTMLAttributes, ReactNode } from 'react';
import { Field, type FieldProps, fieldAria } from './Field.tsx';

interface TextFieldProps extends FieldProps, Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  /** Right below the input, e.g. a counter; give it the id `<id>-after` to be announced. */
  after?: ReactNode;
  /** Below the error, e.g. a live check result or a strength hint; announced with the input. */
  feedback?: ReactNode;
}

/** A labelled single-line input whose hint, error and feedback are announced with it. */
export const TextField = ({
  id,
  label,
  hint,
  error,
  after,
  feedback,
  ...input
}: TextFieldProps) => (
  <Field id={id} label={label} hint={hint} error={error} feedback={feedback}>
    <input
      id={id}
      {...fieldAria({ id, hint, error }, after && `${id}-after`, feedback && `${id}-feedback`)}
      {...input}
    />
    {after}
  </Field>
);
