import type { ReactNode } from 'react';
import { describedBy } from './described-by.ts';
import { FieldError } from './FieldError.tsx';

export interface FieldProps {
  id: string;
  label: ReactNode;
  /** Shown before the control: what to enter and the rules. */
  hint?: ReactNode;
  error?: string | null | undefined;
}

interface FieldFrameProps extends FieldProps {
  /** The control, and whatever belongs right below it (e.g. a character counter). */
  children: ReactNode;
  /** Shown below the error, e.g. a live check result; link it with `${id}-feedback`. */
  feedback?: ReactNode;
}

/**
 * Label, hint and error around one control; `fieldAria` links the control to them. The error
 * sits below the control, so one shown while typing does not move the control.
 */
export const Field = ({ id, label, hint, error, children, feedback }: FieldFrameProps) => (
  <div className="field">
    <label htmlFor={id}>{label}</label>
    {hint && (
      <p id={`${id}-hint`} className="field-hint">
        {hint}
      </p>
    )}
    {children}
    <FieldError id={`${id}-error`} message={error} />
    {feedback && (
      <div id={`${id}-feedback`} className="field-feedback">
        {feedback}
      </div>
    )}
  </div>
);

/** Marks a control invalid and links it to its error, hint and any further describing ids. */
export const fieldAria = (
  { id, hint, error }: Pick<FieldProps, 'id' | 'hint' | 'error'>,
  ...more: unknown[]
) => ({
  'aria-invalid': error ? true : undefined,
  'aria-describedby': describedBy(error && `${id}-error`, hint && `${id}-hint`, ...more),
});
