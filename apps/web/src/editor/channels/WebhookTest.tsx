import { trpc } from '../../trpc.ts';
import { useEditorErrorText } from '../useEditorErrorText.ts';
import { useEditorText } from '../useEditorText.ts';

/** Runs Meta's verification handshake against this studio's webhook and shows the outcome. */
export const WebhookTest = ({ channelId }: { channelId: string }) => {
  const t = useEditorText();
  const errorText = useEditorErrorText();
  const test = trpc.channels.testWebhook.useMutation();
  const result = test.data;
  return (
    <div className="ed-webhook-test">
      <button
        type="button"
        className="button secondary"
        disabled={test.isPending}
        onClick={() => test.mutate({ channelId })}
      >
        {t('testWebhook')}
      </button>
      <p
        role="status"
        className="ed-status"
        data-kind={result?.ok ? 'saved' : result ? 'failed' : ''}
      >
        {test.isPending && t('testingWebhook')}
        {result?.ok &&
          t('webhookOk', { valid: result.validTokenStatus, wrong: result.wrongTokenStatus })}
        {result &&
          !result.ok &&
          t('webhookFailed', { valid: result.validTokenStatus, wrong: result.wrongTokenStatus })}
        {test.isError && t('webhookError', { message: errorText(test.error) })}
      </p>
    </div>
  );
};
