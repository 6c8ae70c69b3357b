import type { IncomingMessage } from 'node:http';
import { decodeComponent } from './decode.ts';

export const SESSION_COOKIE = 'pilar_session';

export const readCookie = (req: IncomingMessage, name: string): string | undefined => {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator !== -1 && part.slice(0, separator).trim() === name) {
      return decodeComponent(part.slice(separator + 1).trim()) ?? undefined;
    }
  }
  return undefined;
};

interface CookieOptions {
  maxAgeSeconds: number;
  secure: boolean;
}

/** HttpOnly, SameSite=Lax, whole site; Secure whenever the request came over https. */
export const sessionCookie = (value: string, { maxAgeSeconds, secure }: CookieOptions) =>
  [
    `${SESSION_COOKIE}=${encodeURIComponent(value)}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${maxAgeSeconds}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');

export const clearedSessionCookie = (secure: boolean) =>
  sessionCookie('', { maxAgeSeconds: 0, secure });
