import { FORMALITIES, STYLES, TONES } from '@pilar/provisioning/contracts';
import { pick } from '../fields/pick.ts';
import { RadioGroup } from '../fields/RadioGroup.tsx';
import { useEditorText } from '../useEditorText.ts';
import type { SectionProps } from './section-props.ts';

export const PersonalitySection = ({ value, onChange, errors }: SectionProps<'personality'>) => {
  const t = useEditorText();
  return (
    <>
      <RadioGroup
        id="f-tone"
        legend={t('toneLegend')}
        value={value.tone}
        options={TONES.map((tone) => ({ value: tone, label: t(`tone_${tone}`) }))}
        onChange={(tone) => onChange({ ...value, tone: pick(TONES, tone, value.tone) })}
        error={errors.tone}
      />
      <RadioGroup
        id="f-style"
        legend={t('styleLegend')}
        value={value.style}
        options={STYLES.map((style) => ({ value: style, label: t(`style_${style}`) }))}
        onChange={(style) => onChange({ ...value, style: pick(STYLES, style, value.style) })}
        error={errors.style}
      />
      <RadioGroup
        id="f-formality"
        legend={t('formalityLegend')}
        hint={t('formalityHint')}
        value={value.formality}
        options={FORMALITIES.map((formality) => ({
          value: formality,
          label: t(`formality_${formality}`),
        }))}
        onChange={(formality) =>
          onChange({ ...value, formality: pick(FORMALITIES, formality, value.formality) })
        }
        error={errors.formality}
      />
    </>
  );
};
