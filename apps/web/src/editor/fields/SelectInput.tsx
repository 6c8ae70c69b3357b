import { Field, type FieldProps, fieldAria } from '../../ui/Field.tsx';

export interface Option {
  value: string;
  label: string;
}

interface SelectInputProps extends FieldProps {
  value: string;
  options: readonly Option[];
  onChange(value: string): void;
}

export const SelectInput = ({ value, options, onChange, ...field }: SelectInputProps) => (
  <Field {...field}>
    <select
      id={field.id}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      {...fieldAria(field)}
    >
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  </Field>
);
