import type { SectionValue, SettingsSection } from '@pilar/provisioning/contracts';

/** Field path → translated problem text. */
export type FieldErrors = Record<string, string | undefined>;

/** Every section form is controlled: it shows `value` and reports each change whole. */
export interface SectionProps<S extends SettingsSection> {
  value: SectionValue<S>;
  onChange(value: SectionValue<S>): void;
  errors: FieldErrors;
}
