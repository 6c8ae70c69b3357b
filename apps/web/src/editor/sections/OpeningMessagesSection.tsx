import { OPENING_MESSAGE_MAX_LENGTH } from '@pilar/provisioning/contracts';
import { TextArea } from '../fields/TextArea.tsx';
import { useEditorText } from '../useEditorText.ts';
import type { SectionProps } from './section-props.ts';

const CHANNELS = ['voice', 'whatsapp', 'email'] as const;

export const OpeningMessagesSection = ({
  value,
  onChange,
  errors,
}: SectionProps<'openingMessages'>) => {
  const t = useEditorText();
  return (
    <>
      {CHANNELS.map((channel) => (
        <TextArea
          key={channel}
          id={`f-${channel}`}
          label={t(`opening_${channel}`)}
          hint={t(`opening_${channel}Hint`)}
          maxLength={OPENING_MESSAGE_MAX_LENGTH[channel]}
          rows={channel === 'email' ? 5 : 3}
          value={value[channel]}
          onChange={(text) => onChange({ ...value, [channel]: text })}
          error={errors[channel]}
        />
      ))}
    </>
  );
};
