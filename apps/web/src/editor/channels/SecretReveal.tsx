import { useState } from 'react';
import { trpc } from '../../trpc.ts';
import { useEditorText } from '../useEditorText.ts';

interface SecretRevealProps {
  kind: 'sipPassword' | 'whatsappVerifyToken';
  channelId: string;
  /** What the secret is, e.g. "SIP-Passwort" — names the buttons. */
  name: string;
}

/** A secret is fetched only when the owner asks for it, and forgotten when hidden again. */
export const SecretReveal = ({ kind, channelId, name }: SecretRevealProps) => {
  const t = useEditorText();
  const reveal = trpc.channels.revealSecret.useMutation();
  const [secret, setSecret] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  const show = async () => {
    setFailed(false);
    try {
      const result = await reveal.mutateAsync({ kind, channelId });
      setSecret(result.secret);
    } catch {
      setFailed(true);
    }
  };

  return (
    <span className="ed-secret">
      <span aria-live="polite">
        {secret === null ? (
          <span className="ed-masked" role="img" aria-label={t('secretHidden')}>
            ••••••••
          </span>
        ) : (
          <code>{secret}</code>
        )}
        {failed && <span className="field-error"> {t('secretFailed')}</span>}
      </span>{' '}
      {secret === null ? (
        <button
          type="button"
          className="button small secondary"
          disabled={reveal.isPending}
          aria-label={t('revealNamed', { name })}
          onClick={() => void show()}
        >
          {t('reveal')}
        </button>
      ) : (
        <button
          type="button"
          className="button small secondary"
          aria-label={t('hideNamed', { name })}
          onClick={() => setSecret(null)}
        >
          {t('hide')}
        </button>
      )}
    </span>
  );
};
