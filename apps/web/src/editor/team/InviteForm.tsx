import { type FormEvent, useState } from 'react';
import { useLanguage } from '../../i18n/i18n.tsx';
import { trpc } from '../../trpc.ts';
import { TextField } from '../../ui/TextField.tsx';
import { dateTimeFormat } from '../account/account-forms.ts';
import { useAccountErrorText, useAccountForm } from '../account/useAccountForm.ts';
import { useEditorText } from '../useEditorText.ts';
import { hasOpenInvitation, inviteProblems, inviteRefusalProblems } from './team-forms.ts';
import type { TeamInvitation, TeamMember } from './team-types.ts';

interface Sent {
  email: string;
  expiresAt: string;
  replaced: boolean;
}

/** Invites someone as an admin: a mail with a link, with which they set their own password. */
export const InviteForm = ({
  members,
  invitations,
}: {
  members: readonly TeamMember[];
  invitations: readonly TeamInvitation[];
}) => {
  const t = useEditorText();
  const errorText = useAccountErrorText();
  const { language } = useLanguage();
  const utils = trpc.useUtils();
  const invite = trpc.team.invite.useMutation();
  const form = useAccountForm('ed-invite', { email: '' });
  const [sent, setSent] = useState<Sent | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    form.begin();
    setSent(null);
    const { email } = form.values;
    if (form.refuse(inviteProblems(email, members))) return;
    const replaced = hasOpenInvitation(email, invitations);
    try {
      const result = await invite.mutateAsync({ email, role: 'admin' });
      form.reset();
      setSent({ email: result.email, expiresAt: String(result.expiresAt), replaced });
      void utils.team.list.invalidate();
    } catch (error) {
      if (!form.refuse(inviteRefusalProblems(error))) form.fail(error);
    }
  };

  const status = () => {
    if (invite.isPending) return t('sending');
    if (sent) {
      const until = dateTimeFormat(language).format(new Date(sent.expiresAt));
      const text = t('invitationSent', { email: sent.email, date: until });
      return sent.replaced ? `${text} ${t('invitationReplaced')}` : text;
    }
    return form.failure ? errorText(form.failure) : '';
  };

  return (
    <section className="ed-subsection" aria-labelledby="ed-invite-title">
      <h2 id="ed-invite-title">{t('inviteTitle')}</h2>
      <p className="field-hint">{t('inviteHint')}</p>
      <form
        ref={form.form}
        className="ed-account-form"
        aria-labelledby="ed-invite-title"
        noValidate
        onSubmit={(event) => void submit(event)}
      >
        <TextField
          label={t('emailLabel')}
          type="email"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
          {...form.bind('email')}
        />
        <dl className="ed-facts">
          <dt>{t('memberRole')}</dt>
          <dd>{t('role_admin')}</dd>
        </dl>
        <p className="field-hint">{t('adminRights')}</p>
        <div className="ed-account-actions">
          <button type="submit" className="button primary" disabled={invite.isPending}>
            {t('inviteButton')}
          </button>
          <p
            role="status"
            className="ed-status"
            data-kind={sent ? 'saved' : form.failure ? 'failed' : ''}
          >
            {status()}
          </p>
        </div>
      </form>
    </section>
  );
};
