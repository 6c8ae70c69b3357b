import { randomBytes } from 'node:crypto';

/** A request as the fake's routes see it: below the label, with query and body parameters. */
export interface FakeRequest {
  label: string;
  method: string;
  path: string;
  params: Record<string, string>;
  file: { name: string; type: string; content: Buffer } | null;
}

export interface Answer {
  status: number;
  body?: unknown;
}

export type Handler = (request: FakeRequest, groups: string[]) => Answer | Promise<Answer>;
export type Route = [method: string, path: RegExp, handler: Handler];

/** A refusal, answered with Twilio's error body. */
export class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export const errorBody = (status: number, code: number, message: string) => ({
  code,
  message,
  more_info: `https://www.twilio.com/docs/errors/${code}`,
  status,
});

/** The fake's own refusal of a bad request (Twilio's code for it is not in the specs). */
export const badRequest = (message: string) => new Refusal(400, 20001, message);

export const notFound = (path: string) =>
  new Refusal(404, 20404, `The requested resource ${path} was not found`);

export const requireParams = (params: Record<string, string>, ...names: string[]) => {
  for (const name of names) {
    if (!params[name]) throw badRequest(`Missing required parameter ${name} in the post body`);
  }
};

export const parseJsonObject = (
  text: string | undefined,
  name: string,
): Record<string, unknown> => {
  if (!text) return {};
  try {
    const value = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value;
  } catch {}
  throw badRequest(`Invalid ${name}: not a JSON object`);
};

export const hex = (bytes: number) => randomBytes(bytes).toString('hex');
export const newSid = (prefix: string) => `${prefix}${hex(16)}`;
/** Dates as the v1/v2 APIs write them, and as 2010-04-01 does (RFC 2822). */
export const isoNow = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
export const rfc2822Now = () => new Date().toUTCString().replace('GMT', '+0000');

/** A v1/v2 list (numbers, trunking), everything on one page. */
export const page = (key: string, url: string, items: unknown[]): Answer => ({
  status: 200,
  body: {
    [key]: items,
    meta: {
      page: 0,
      page_size: 50,
      first_page_url: url,
      previous_page_url: null,
      url,
      next_page_url: null,
      key,
    },
  },
});

/** A 2010-04-01 list, everything on one page. */
export const legacyPage = (key: string, uri: string, items: unknown[]): Answer => ({
  status: 200,
  body: {
    [key]: items,
    end: Math.max(items.length - 1, 0),
    first_page_uri: uri,
    next_page_uri: null,
    page: 0,
    page_size: 50,
    previous_page_uri: null,
    start: 0,
    uri,
  },
});
