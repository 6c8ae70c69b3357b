import type { InputHTMLAttributes } from 'react';
import { type FieldProps, fieldAria } from './Field.tsx';
import { FieldError } from './FieldError.tsx';

interface CheckFieldProps extends FieldProps, Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {}

/**
 * A labelled checkbox, the box before its label, with hint and error below and announced with
 * it; e.g. a consent that must be given. The label may hold a link (it does not tick the box).
 */
export const CheckField = ({ id, label, hint, error, ...input }: CheckFieldProps) => (
  <div className="field check-field">
    <input id={id} type="checkbox" {...fieldAria({ id, hint, error })} {...input} />
    <label htmlFor={id}>{label}</label>
    {hint && (
      <p id={`${id}-hint`} className="field-hint">
        {hint}
      </p>
    )}
    <FieldError id={`${id}-error`} message={error} />
  </div>
);
