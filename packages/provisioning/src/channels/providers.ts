/**
 * Seams to the outside world. A real deployment plugs in a telephony carrier (Twilio, Plivo)
 * and the WhatsApp Cloud API; the built-in sandbox allocates placeholders without a network.
 */
export interface AllocatedPhoneNumber {
  number: string;
  sip: { username: string; domain: string; password: string };
}

export interface PhoneNumberProvider {
  allocateNumber(request: { tenantId: string }): Promise<AllocatedPhoneNumber>;
  /** Gives the number back to the carrier (the studio is deleted); done once it resolves. */
  releaseNumber(request: { tenantId: string; number: string }): Promise<void>;
}

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
  phone: PhoneNumberProvider;
  whatsApp: WhatsAppProvider;
}
