import type { SealedSecret } from '../secrets/sealed-secret.ts';

/** `phone_numbers.sip_credentials`: the password only as ciphertext. */
export interface StoredSipCredentials {
  username: string;
  domain: string;
  password: SealedSecret;
}

/** `whatsapp_channels.wa_cloud_api_config`: tokens only as ciphertext. */
export interface StoredWhatsAppCloudApiConfig {
  phoneNumberId: string;
  businessAccountId: string;
  apiVersion: string;
  accessToken: SealedSecret;
  webhookVerifyToken: SealedSecret;
}

export const secretPurpose = {
  sipPassword: 'phone_numbers.sip_credentials.password',
  whatsAppAccessToken: 'whatsapp_channels.wa_cloud_api_config.access_token',
  whatsAppVerifyToken: 'whatsapp_channels.wa_cloud_api_config.webhook_verify_token',
} as const;
