import { CharacterCounter } from './CharacterCounter.tsx';
import { controlAria, Field, type FieldProps } from './Field.tsx';

interface TextAreaProps extends FieldProps {
  value: string;
  onChange(value: string): void;
  /** The allowed length; a counter shows how much is used. */
  maxLength: number;
  rows?: number;
}

/** A labelled multi-line input with a character counter. */
export const TextArea = ({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  maxLength,
  rows = 3,
}: TextAreaProps) => (
  <Field id={id} label={label} hint={hint} error={error}>
    <textarea
      id={id}
      rows={rows}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      {...controlAria({ id, label, hint, error }, `${id}-count`)}
    />
    <CharacterCounter id={`${id}-count`} length={value.length} max={maxLength} />
  </Field>
);
