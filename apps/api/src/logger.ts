import { pino } from 'pino';

/** Paths that may carry credentials; pino replaces them before anything is written. */
const REDACTED = [
  'password',
  '*.password',
  'passwordHash',
  '*.passwordHash',
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
];

export const createLogger = (level: string) =>
  pino({ level, redact: { paths: REDACTED, censor: '[redacted]' }, base: { service: 'api' } });

export type Logger = ReturnType<typeof createLogger>;
