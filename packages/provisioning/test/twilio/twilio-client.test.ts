import { describe, expect, it } from 'vitest';
import { CarrierError } from '../../src/channels/phone-carrier.ts';
import { rewriteTwilioUrl } from '../../src/channels/twilio/twilio-client.ts';
import { toCarrierError } from '../../src/channels/twilio/twilio-errors.ts';

describe('the base-URL rewrite', () => {
  it("puts Twilio's host label first in the path below the base URL", () => {
    const base = 'http://127.0.0.1:4010';
    expect(
      rewriteTwilioUrl('https://api.twilio.com/2010-04-01/Accounts/AC1/Addresses.json', base),
    ).toBe('http://127.0.0.1:4010/api/2010-04-01/Accounts/AC1/Addresses.json');
    expect(
      rewriteTwilioUrl(
        'https://numbers-upload.twilio.com/v2/RegulatoryCompliance/SupportingDocuments',
        `${base}/`,
      ),
    ).toBe('http://127.0.0.1:4010/numbers-upload/v2/RegulatoryCompliance/SupportingDocuments');
    expect(rewriteTwilioUrl('https://trunking.twilio.com/v1/Trunks?PageSize=50&Page=1', base)).toBe(
      'http://127.0.0.1:4010/trunking/v1/Trunks?PageSize=50&Page=1',
    );
    // An edge and region in the host (TWILIO_EDGE, TWILIO_REGION) keep the product's label.
    expect(
      rewriteTwilioUrl('https://numbers.frankfurt.de1.twilio.com/v2/RegulatoryCompliance', base),
    ).toBe('http://127.0.0.1:4010/numbers/v2/RegulatoryCompliance');
  });

  it("leaves a URL alone without a base URL, and what is not Twilio's", () => {
    const url = 'https://api.twilio.com/2010-04-01/Accounts/AC1/Addresses.json';
    expect(rewriteTwilioUrl(url, undefined)).toBe(url);
    expect(rewriteTwilioUrl('https://example.com/x', 'http://127.0.0.1:1')).toBe(
      'https://example.com/x',
    );
  });
});

describe("the mapping of Twilio's failures", () => {
  const refusal = (status: number, code?: number, message = 'Refused') =>
    Object.assign(new Error(message), { status, code });
  const context = { step: 'number', secrets: ['secret-auth-token'] };

  it('keeps Twilio’s code for a 4xx, and retries none but 429', () => {
    expect(toCarrierError(refusal(400, 21649), context)).toMatchObject({
      code: 'twilio:21649',
      retryable: false,
    });
    expect(toCarrierError(refusal(404), context)).toMatchObject({
      code: 'twilio:http_404',
      retryable: false,
    });
    expect(toCarrierError(refusal(429, 20429), context)).toMatchObject({
      code: 'twilio:20429',
      retryable: true,
    });
  });

  it('retries a 5xx, named by its status', () => {
    expect(toCarrierError(refusal(503, 20503), context)).toMatchObject({
      code: 'twilio:http_503',
      retryable: true,
    });
    expect(toCarrierError(refusal(500), context)).toMatchObject({
      code: 'twilio:http_500',
      retryable: true,
    });
  });

  it('retries network failures and timeouts, axios’ and fetch’s alike', () => {
    const axiosTimeout = Object.assign(new Error('timeout of 100ms exceeded'), {
      code: 'ECONNABORTED',
    });
    const fetchTimeout = new DOMException(
      'The operation was aborted due to timeout',
      'TimeoutError',
    );
    const refused = Object.assign(new TypeError('fetch failed'), {
      cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
    });
    expect(toCarrierError(axiosTimeout, context)).toMatchObject({
      code: 'timeout',
      retryable: true,
    });
    expect(toCarrierError(fetchTimeout, context)).toMatchObject({
      code: 'timeout',
      retryable: true,
    });
    expect(toCarrierError(refused, context)).toMatchObject({
      code: 'unreachable',
      retryable: true,
      message: 'Twilio could not be reached for number (ECONNREFUSED)',
    });
  });

  it('never repeats a secret in the message, and passes a CarrierError through', () => {
    const leaky = refusal(400, 20001, 'Invalid value secret-auth-token for Password');
    const mapped = toCarrierError(leaky, context);
    expect(mapped.message).toBe(
      'Twilio refused number (HTTP 400, error 20001): Invalid value [redacted] for Password',
    );
    const own = new CarrierError('noncompliant', 'Incomplete', { retryable: false });
    expect(toCarrierError(own, context)).toBe(own);
    expect(toCarrierError(new Error('boom secret-auth-token'), context)).toMatchObject({
      code: 'twilio:unexpected',
      retryable: false,
      message: 'number failed: boom [redacted]',
    });
  });
});
