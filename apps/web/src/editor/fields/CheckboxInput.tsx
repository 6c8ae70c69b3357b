import type { ReactNode } from 'react';

interface CheckboxInputProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  checked: boolean;
  onChange(checked: boolean): void;
}

/** A checkbox in the kit's field layout, the box before its label and the hint below. */
export const CheckboxInput = ({ id, label, hint, checked, onChange }: CheckboxInputProps) => (
  <div className="field ed-check">
    <input
      id={id}
      type="checkbox"
      checked={checked}
      onChange={(event) => onChange(event.target.checked)}
      aria-describedby={hint ? `${id}-hint` : undefined}
    />
    <label htmlFor={id}>{label}</label>
    {hint && (
      <p id={`${id}-hint`} className="field-hint">
        {hint}
      </p>
    )}
  </div>
);
