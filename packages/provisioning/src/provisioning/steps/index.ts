import { seedAiProfile } from './seed-ai-profile.ts';
import { setupIntegrations } from './setup-integrations.ts';
import { setupVoice } from './setup-voice.ts';
import { setupWhatsApp } from './setup-whatsapp.ts';
import type { ProvisioningStep } from './step.ts';
import { verifyReady } from './verify-ready.ts';

/** The specification's order: voice → WhatsApp → integrations → AI profile → ready. */
export const PROVISIONING_STEPS: readonly ProvisioningStep[] = [
  setupVoice,
  setupWhatsApp,
  setupIntegrations,
  seedAiProfile,
  verifyReady,
];

export type { ProvisioningServices, ProvisioningStep } from './step.ts';
