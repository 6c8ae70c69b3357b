import twilio from 'twilio';
import type { VerificationDocument } from '../phone-carrier.ts';
import { DEFAULT_TIMEOUT_MS, rewriteTwilioUrl, type TwilioConnection } from './twilio-client.ts';

export const SUPPORTING_DOCUMENTS_UPLOAD_URL =
  'https://numbers-upload.twilio.com/v2/RegulatoryCompliance/SupportingDocuments';

export interface SupportingDocumentUpload {
  friendlyName: string;
  /** Twilio's supporting-document type (`commercial_registrar_excerpt` …). */
  type: string;
  attributes: Record<string, string | string[]>;
  document: VerificationDocument;
}

/**
 * Creates a supporting document with its file. The SDK sends form-encoded bodies only, so this is
 * the multipart POST Twilio documents for numbers-upload.twilio.com, with the same basic auth,
 * base-URL rewrite and timeout as the SDK's requests. A refusal is thrown as the SDK's
 * RestException, so it maps like every other.
 */
export const uploadSupportingDocument = async (
  { accountSid, authToken, apiBaseUrl, timeoutMs = DEFAULT_TIMEOUT_MS }: TwilioConnection,
  { friendlyName, type, attributes, document }: SupportingDocumentUpload,
): Promise<{ sid: string }> => {
  const form = new FormData();
  form.set('FriendlyName', friendlyName);
  form.set('Type', type);
  form.set('Attributes', JSON.stringify(attributes));
  form.set(
    'File',
    new Blob([new Uint8Array(document.content)], { type: document.contentType }),
    document.fileName,
  );
  const response = await fetch(rewriteTwilioUrl(SUPPORTING_DOCUMENTS_UPLOAD_URL, apiBaseUrl), {
    method: 'POST',
    headers: {
      Authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`,
      Accept: 'application/json',
    },
    body: form,
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new twilio.RestException({ statusCode: response.status, body: text });
  }
  const body = JSON.parse(text) as { sid?: unknown };
  if (typeof body.sid !== 'string') {
    throw new Error('Twilio answered the document upload without a sid');
  }
  return { sid: body.sid };
};
