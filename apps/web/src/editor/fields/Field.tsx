import type { ReactNode } from 'react';
import { describedBy } from './described-by.ts';
import { FieldError } from './FieldError.tsx';

export interface FieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
}

/** Label, hint and error around one control; the control gets `controlAria` from the same props. */
export const Field = ({
  id,
  label,
  hint,
  error,
  className,
  children,
}: FieldProps & { className?: string | undefined; children: ReactNode }) => (
  <div className={className ? `ed-field ${className}` : 'ed-field'}>
    <label htmlFor={id}>{label}</label>
    {hint && (
      <p id={`${id}-hint`} className="ed-hint">
        {hint}
      </p>
    )}
    {children}
    <FieldError id={`${id}-error`} message={error} />
  </div>
);

/** Links a control to its error, hint and any further describing elements (e.g. a counter). */
export const controlAria = ({ id, hint, error }: FieldProps, ...more: unknown[]) => ({
  'aria-invalid': error ? true : undefined,
  'aria-describedby': describedBy(error && `${id}-error`, hint && `${id}-hint`, ...more),
});
