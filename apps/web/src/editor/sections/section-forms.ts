import type { SettingsSection } from '@pilar/provisioning/contracts';
import type { ComponentType } from 'react';
import { BusinessHoursSection } from './BusinessHoursSection.tsx';
import { FeaturesSection } from './FeaturesSection.tsx';
import { GeneralSection } from './GeneralSection.tsx';
import { OpeningMessagesSection } from './OpeningMessagesSection.tsx';
import { PersonalitySection } from './PersonalitySection.tsx';
import { StudioRulesSection } from './StudioRulesSection.tsx';
import type { SectionProps } from './section-props.ts';
import { VoiceSection } from './VoiceSection.tsx';
import { WhatsAppSection } from './WhatsAppSection.tsx';

/** The form of each settings section. */
export const SECTION_FORMS: { [S in SettingsSection]: ComponentType<SectionProps<S>> } = {
  general: GeneralSection,
  voice: VoiceSection,
  whatsapp: WhatsAppSection,
  personality: PersonalitySection,
  studioRules: StudioRulesSection,
  businessHours: BusinessHoursSection,
  openingMessages: OpeningMessagesSection,
  features: FeaturesSection,
};
