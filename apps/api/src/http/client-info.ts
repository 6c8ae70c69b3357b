import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';

const firstForwarded = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value)?.split(',')[0]?.trim() || undefined;

/** The client's address; X-Forwarded-For only counts behind a trusted proxy. */
export const clientAddress = (req: IncomingMessage, trustProxy: boolean) =>
  (trustProxy ? firstForwarded(req.headers['x-forwarded-for']) : undefined) ??
  req.socket.remoteAddress ??
  'unknown';

export const isHttps = (req: IncomingMessage, trustProxy: boolean) =>
  Boolean((req.socket as TLSSocket).encrypted) ||
  (trustProxy && firstForwarded(req.headers['x-forwarded-proto']) === 'https');

/** The origin this request was addressed to, as a browser on the same site would send it. */
export const ownOrigin = (req: IncomingMessage, trustProxy: boolean) =>
  `${isHttps(req, trustProxy) ? 'https' : 'http'}://${req.headers.host ?? ''}`;
