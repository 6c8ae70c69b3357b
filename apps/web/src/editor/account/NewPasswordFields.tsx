import { PASSWORD_MAX_BYTES, PASSWORD_MIN_LENGTH } from '@pilar/provisioning/contracts';
import type { ComponentProps } from 'react';
import { TextField } from '../../ui/TextField.tsx';
import { useEditorText } from '../useEditorText.ts';

type Bound = Pick<ComponentProps<typeof TextField>, 'id' | 'name' | 'error' | 'value' | 'onChange'>;

/** A password being set, with the policy as a hint, and its repetition. */
export const NewPasswordFields = ({
  label,
  repeatLabel,
  password,
  repeat,
}: {
  label: string;
  repeatLabel: string;
  password: Bound;
  repeat: Bound;
}) => {
  const t = useEditorText();
  return (
    <>
      <TextField
        label={label}
        hint={t('passwordRules', { min: PASSWORD_MIN_LENGTH, maxBytes: PASSWORD_MAX_BYTES })}
        type="password"
        autoComplete="new-password"
        required
        {...password}
      />
      <TextField
        label={repeatLabel}
        type="password"
        autoComplete="new-password"
        required
        {...repeat}
      />
    </>
  );
};
