import { CheckboxInput } from '../fields/CheckboxInput.tsx';
import { useEditorText } from '../useEditorText.ts';
import type { SectionProps } from './section-props.ts';

const FEATURES = [
  'voiceAgent',
  'whatsappAgent',
  'emailAgent',
  'trainingPlans',
  'leadClassification',
  'autoFollowup',
] as const;

export const FeaturesSection = ({ value, onChange }: SectionProps<'features'>) => {
  const t = useEditorText();
  return (
    <fieldset className="ed-plain-fieldset">
      <legend className="visually-hidden">{t('featuresLegend')}</legend>
      {FEATURES.map((feature) => (
        <CheckboxInput
          key={feature}
          id={`f-${feature}`}
          label={t(`feature_${feature}`)}
          hint={t(`feature_${feature}Hint`)}
          checked={value[feature]}
          onChange={(on) => onChange({ ...value, [feature]: on })}
        />
      ))}
    </fieldset>
  );
};
