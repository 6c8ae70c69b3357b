import type { WizardMessageKey } from '../../i18n/wizard-messages.ts';

/** Provisioning step names as the server reports them, in the owner's words. */
export const RUN_STEP_LABELS: Record<string, WizardMessageKey> = {
  voice: 'runStepVoice',
  whatsapp: 'runStepWhatsapp',
  integrations: 'runStepIntegrations',
  ai_profile: 'runStepAiProfile',
  ready: 'runStepReady',
};
