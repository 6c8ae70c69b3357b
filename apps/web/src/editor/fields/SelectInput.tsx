import { controlAria, Field, type FieldProps } from './Field.tsx';

export interface Option {
  value: string;
  label: string;
}

interface SelectInputProps extends FieldProps {
  value: string;
  options: readonly Option[];
  onChange(value: string): void;
}

export const SelectInput = ({
  id,
  label,
  hint,
  error,
  value,
  options,
  onChange,
}: SelectInputProps) => (
  <Field id={id} label={label} hint={hint} error={error}>
    <select
      id={id}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      {...controlAria({ id, label, hint, error })}
    >
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  </Field>
);
