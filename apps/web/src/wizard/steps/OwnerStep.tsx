import { useTranslation } from '../../i18n/i18n.tsx';
import { wizardMessages } from '../../i18n/wizard-messages.ts';
import { navigate } from '../../router.ts';
import { AppLink } from '../../ui/AppLink.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { passwordStrength } from '../password-strength.ts';
import { useStepForm } from '../useStepForm.ts';
import { useValidator } from '../useValidator.ts';
import { stepPath } from '../wizard-paths.ts';

const STRENGTH_TEXT = {
  weak: 'strengthWeak',
  fair: 'strengthFair',
  strong: 'strengthStrong',
} as const;

const StrengthHint = ({ password, minLength }: { password: string; minLength: number }) => {
  const t = useTranslation(wizardMessages);
  if (!password) return null;
  const strength = passwordStrength(password, minLength);
  return (
    <p className="strength" data-strength={strength}>
      <span className="strength-bar" aria-hidden="true" />
      {t('passwordStrength', { level: t(STRENGTH_TEXT[strength]) })}
    </p>
  );
};

export const OwnerStep = () => {
  const t = useTranslation(wizardMessages);
  const form = useStepForm(['ownerEmail', 'password', 'passwordConfirmation']);
  // The wizard opens this step only once the validator is there.
  const rules = useValidator()?.passwordRules;
  if (!rules) return null;

  return (
    <form noValidate onSubmit={form.submit(() => navigate(stepPath('review')))}>
      <p>{t('ownerIntro')}</p>
      <TextField
        type="email"
        label={t('emailLabel')}
        autoComplete="email"
        autoCapitalize="none"
        spellCheck={false}
        required
        {...form.bind('ownerEmail')}
      />
      <TextField
        type="password"
        label={t('passwordLabel')}
        hint={t('passwordRules', { min: rules.minLength, maxBytes: rules.maxBytes })}
        autoComplete="new-password"
        required
        feedback={<StrengthHint password={form.draft.password} minLength={rules.minLength} />}
        {...form.bind('password')}
      />
      <TextField
        type="password"
        label={t('passwordConfirmationLabel')}
        autoComplete="new-password"
        required
        {...form.bind('passwordConfirmation')}
      />
      <div className="actions">
        <AppLink href={stepPath('studio')} className="button secondary">
          {t('back')}
        </AppLink>
        <button type="submit" className="button primary">
          {t('next')}
        </button>
      </div>
    </form>
  );
};
