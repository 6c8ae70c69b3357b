import type { InputHTMLAttributes, ReactNode } from 'react';

interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  id: string;
  label: string;
  /** Shown before the input: what to enter and the rules. */
  hint?: ReactNode;
  error?: string | null;
  /** Shown after the input, e.g. a live check result or a strength hint. */
  feedback?: ReactNode;
}

/** A labelled input whose hint, error and feedback are announced with it. */
export const TextField = ({ id, label, hint, error, feedback, ...input }: TextFieldProps) => {
  const described = [hint && `${id}-hint`, error && `${id}-error`, feedback && `${id}-feedback`];
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <div id={`${id}-hint`} className="field-hint">
          {hint}
        </div>
      )}
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={described.filter(Boolean).join(' ') || undefined}
        {...input}
      />
      {/* Always rendered, so screen readers announce an error the moment it appears; below
          the input, so an error shown while typing does not move the input. */}
      <p id={`${id}-error`} className="field-error" aria-live="polite">
        {error}
      </p>
      {feedback && (
        <div id={`${id}-feedback`} className="field-feedback">
          {feedback}
        </div>
      )}
    </div>
  );
};
