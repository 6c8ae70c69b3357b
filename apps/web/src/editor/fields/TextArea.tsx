import { Field, type FieldProps, fieldAria } from '../../ui/Field.tsx';
import { CharacterCounter } from './CharacterCounter.tsx';

interface TextAreaProps extends FieldProps {
  value: string;
  onChange(value: string): void;
  /** The allowed length; a counter shows how much is used. */
  maxLength: number;
  rows?: number;
}

/** A labelled multi-line input with a character counter. */
export const TextArea = ({ value, onChange, maxLength, rows = 3, ...field }: TextAreaProps) => (
  <Field {...field}>
    <textarea
      id={field.id}
      rows={rows}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      {...fieldAria(field, `${field.id}-count`)}
    />
    <CharacterCounter id={`${field.id}-count`} length={value.length} max={maxLength} />
  </Field>
);
