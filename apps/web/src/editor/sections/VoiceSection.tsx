import { TTS_MODELS, TTS_VOICES } from '@pilar/provisioning/contracts';
import { CheckboxInput } from '../fields/CheckboxInput.tsx';
import { NumberInput } from '../fields/NumberInput.tsx';
import { pick } from '../fields/pick.ts';
import { SelectInput } from '../fields/SelectInput.tsx';
import { useEditorText } from '../useEditorText.ts';
import type { SectionProps } from './section-props.ts';

const capitalized = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

export const VoiceSection = ({ value, onChange, errors }: SectionProps<'voice'>) => {
  const t = useEditorText();
  return (
    <>
      <SelectInput
        id="f-model"
        label={t('ttsModelLabel')}
        hint={t('ttsModelHint')}
        value={value.model}
        options={TTS_MODELS.map((model) => ({ value: model, label: model }))}
        onChange={(model) => onChange({ ...value, model: pick(TTS_MODELS, model, value.model) })}
        error={errors.model}
      />
      <SelectInput
        id="f-voice"
        label={t('ttsVoiceLabel')}
        value={value.voice}
        options={TTS_VOICES.map((voice) => ({ value: voice, label: capitalized(voice) }))}
        onChange={(voice) => onChange({ ...value, voice: pick(TTS_VOICES, voice, value.voice) })}
        error={errors.voice}
      />
      <NumberInput
        id="f-temperature"
        label={t('temperatureLabel')}
        hint={t('temperatureHint')}
        min={0}
        max={2}
        step={0.1}
        value={value.temperature}
        onChange={(temperature) => onChange({ ...value, temperature })}
        error={errors.temperature}
      />
      <NumberInput
        id="f-maxDuration"
        label={t('maxDurationLabel')}
        hint={t('maxDurationHint')}
        min={30}
        max={3600}
        value={value.maxDuration}
        onChange={(maxDuration) => onChange({ ...value, maxDuration })}
        error={errors.maxDuration}
      />
      <NumberInput
        id="f-silenceTimeout"
        label={t('silenceTimeoutLabel')}
        hint={t('silenceTimeoutHint')}
        min={1}
        max={60}
        value={value.silenceTimeout}
        onChange={(silenceTimeout) => onChange({ ...value, silenceTimeout })}
        error={errors.silenceTimeout}
      />
      <CheckboxInput
        id="f-interruptible"
        label={t('interruptibleLabel')}
        hint={t('interruptibleHint')}
        checked={value.interruptible}
        onChange={(interruptible) => onChange({ ...value, interruptible })}
      />
    </>
  );
};
