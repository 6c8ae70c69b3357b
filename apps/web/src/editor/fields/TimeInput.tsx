import { describedBy } from '../../ui/described-by.ts';

interface TimeInputProps {
  id: string;
  /** The full name, e.g. "Montag, Zeitraum 1, von"; `shortLabel` is what is shown. */
  label: string;
  shortLabel: string;
  value: string;
  onChange(value: string): void;
  errorId?: string | undefined;
  invalid: boolean;
  hintId?: string;
}

/** "6" → "06:00", "1830" → "18:30", "6:5" stays as typed (the schema explains it). */
export const normalizeTime = (text: string) => {
  const trimmed = text.trim().replace('.', ':');
  const digits = /^(\d{1,2})(?::?(\d{2}))?$/.exec(trimmed);
  if (!digits) return trimmed;
  const hours = (digits[1] ?? '').padStart(2, '0');
  return `${hours}:${digits[2] ?? '00'}`;
};

/** A 24-hour time as HH:MM text, independent of the browser's 12/24-hour setting. */
export const TimeInput = ({
  id,
  label,
  shortLabel,
  value,
  onChange,
  errorId,
  invalid,
  hintId,
}: TimeInputProps) => (
  <span className="ed-time">
    <label htmlFor={id}>
      <span className="visually-hidden">{label}</span>
      <span aria-hidden="true">{shortLabel}</span>
    </label>
    <input
      id={id}
      className="field-control"
      type="text"
      inputMode="numeric"
      autoComplete="off"
      placeholder="HH:MM"
      maxLength={5}
      size={5}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      onBlur={(event) => {
        const normalized = normalizeTime(event.target.value);
        if (normalized !== event.target.value) onChange(normalized);
      }}
      aria-invalid={invalid ? true : undefined}
      aria-describedby={describedBy(invalid && errorId, hintId)}
    />
  </span>
);
