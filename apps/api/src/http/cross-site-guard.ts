import type { IncomingMessage } from 'node:http';
import { ownOrigin } from './client-info.ts';
import { isJsonContentType } from './json.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface Refusal {
  status: 400 | 403;
  message: string;
}

const isMultipartContentType = (value: string | undefined) =>
  /^multipart\/form-data\s*;/i.test(value?.trim() ?? '');

/**
 * Why a state-changing request must be refused as cross-site, or null if it may pass.
 * Browsers cannot send a cross-origin JSON body without a CORS preflight (which this server
 * never grants), and they name the page's origin on every POST: both are checked. A file
 * upload (multipart) needs no preflight, so it must name an allowed origin itself.
 */
export const crossSiteRefusal = (
  req: IncomingMessage,
  allowedOrigins: readonly string[],
  trustProxy: boolean,
): Refusal | null => {
  if (SAFE_METHODS.has(req.method ?? 'GET')) return null;
  const origin = req.headers.origin;
  if (origin && origin !== ownOrigin(req, trustProxy) && !allowedOrigins.includes(origin)) {
    return { status: 403, message: `Cross-site request from ${origin} refused` };
  }
  if (isMultipartContentType(req.headers['content-type'])) {
    return origin ? null : { status: 403, message: 'A form upload must name its Origin' };
  }
  if (!isJsonContentType(req.headers['content-type'])) {
    return { status: 400, message: 'Content-Type must be application/json' };
  }
  return null;
};
