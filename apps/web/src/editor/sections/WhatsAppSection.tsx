import { WHATSAPP_MAX_MESSAGE_LENGTH } from '@pilar/provisioning/contracts';
import { useLanguage } from '../../i18n/i18n.tsx';
import { CheckboxInput } from '../fields/CheckboxInput.tsx';
import { NumberInput } from '../fields/NumberInput.tsx';
import { useEditorText } from '../useEditorText.ts';
import type { SectionProps } from './section-props.ts';

export const WhatsAppSection = ({ value, onChange, errors }: SectionProps<'whatsapp'>) => {
  const t = useEditorText();
  const { language } = useLanguage();
  const seconds = Number.isFinite(value.responseDelay) ? value.responseDelay / 1000 : null;
  return (
    <>
      <CheckboxInput
        id="f-autoReply"
        label={t('autoReplyLabel')}
        hint={t('autoReplyHint')}
        checked={value.autoReply}
        onChange={(autoReply) => onChange({ ...value, autoReply })}
      />
      <NumberInput
        id="f-responseDelay"
        label={t('responseDelayLabel')}
        hint={
          seconds === null
            ? t('responseDelayHint')
            : `${t('responseDelayHint')} ${t('responseDelaySeconds', { seconds: seconds.toLocaleString(language) })}`
        }
        min={0}
        max={60_000}
        step={100}
        value={value.responseDelay}
        onChange={(responseDelay) => onChange({ ...value, responseDelay })}
        error={errors.responseDelay}
      />
      <NumberInput
        id="f-maxMessageLength"
        label={t('maxMessageLengthLabel')}
        hint={t('maxMessageLengthHint', { max: WHATSAPP_MAX_MESSAGE_LENGTH })}
        min={1}
        max={WHATSAPP_MAX_MESSAGE_LENGTH}
        value={value.maxMessageLength}
        onChange={(maxMessageLength) => onChange({ ...value, maxMessageLength })}
        error={errors.maxMessageLength}
      />
    </>
  );
};
