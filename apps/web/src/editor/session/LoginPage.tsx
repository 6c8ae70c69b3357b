import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { navigate } from '../../router.ts';
import { trpc } from '../../trpc.ts';
import { AppLink } from '../../ui/AppLink.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { forgotPasswordPath } from '../account/account-forms.ts';
import { PublicPage } from '../account/PublicPage.tsx';
import { Redirect } from '../shell/Redirect.tsx';
import { useEditorText } from '../useEditorText.ts';
import { useLoginErrorText } from './login-error-text.ts';

/**
 * E-mail and password; afterwards to the settings (or the screen that asked for a login).
 * `email` fills the address in, e.g. after a new password was set; `deleted` says the studio
 * this browser was logged in to was just deleted.
 */
export const LoginPage = ({
  next,
  email: knownEmail = '',
  deleted = false,
}: {
  next: string;
  email?: string;
  deleted?: boolean;
}) => {
  const t = useEditorText();
  const errorText = useLoginErrorText();
  const queryClient = useQueryClient();
  const me = trpc.auth.me.useQuery(undefined, { staleTime: 60_000 });
  const login = trpc.auth.login.useMutation();
  const [email, setEmail] = useState(knownEmail);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);

  if (me.data) return <Redirect to={next} />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!email.trim() || !password) {
      setError(t('loginMissing'));
      return;
    }
    try {
      await login.mutateAsync({ email, password });
      // Nothing cached from an earlier session may show for this one.
      queryClient.clear();
      navigate(next, { replace: true });
    } catch (failure) {
      setError(errorText(failure));
    }
  };

  return (
    <PublicPage documentTitle={t('loginDocumentTitle')}>
      <h1>{t('loginTitle')}</h1>
      {deleted && (
        <p role="status" className="ed-status" data-kind="saved">
          {t('studioDeletedNotice')}
        </p>
      )}
      <p>{t('loginIntro')}</p>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <TextField
          id="ed-login-email"
          label={t('emailLabel')}
          type="email"
          autoComplete="username"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'ed-login-error' : undefined}
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <TextField
          id="ed-login-password"
          label={t('passwordLabel')}
          type="password"
          autoComplete="current-password"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'ed-login-error' : undefined}
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <div id="ed-login-error" className="ed-form-error" role="alert">
          {error}
        </div>
        <button type="submit" className="button primary" disabled={login.isPending}>
          {login.isPending ? t('loggingIn') : t('loginButton')}
        </button>
      </form>
      <p className="field-hint">
        <AppLink href={forgotPasswordPath(email)}>{t('forgotPasswordLink')}</AppLink>
      </p>
      <p className="field-hint">
        {t('noAccount')} <a href="/signup/studio">{t('createStudio')}</a>
      </p>
    </PublicPage>
  );
};
