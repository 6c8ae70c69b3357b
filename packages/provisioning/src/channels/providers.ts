/**
 * Seams to the outside world: a telephony carrier (Twilio, or the sandbox) and the WhatsApp
 * Cloud API (the sandbox's placeholder until WhatsApp goes live through Meta).
 */
import type { PhoneCarrier } from './phone-carrier.ts';

export interface RegisteredWhatsAppChannel {
  waNumber: string;
  phoneNumberId: string;
  businessAccountId: string;
  apiVersion: string;
  accessToken: string;
}

export interface WhatsAppProvider {
  registerChannel(request: { tenantId: string }): Promise<RegisteredWhatsAppChannel>;
  /** Disconnects the number from the app (the studio is deleted); done once it resolves. */
  releaseChannel(request: { tenantId: string; waNumber: string }): Promise<void>;
}

export interface ChannelProviders {
  phone: PhoneCarrier;
  whatsApp: WhatsAppProvider;
}
