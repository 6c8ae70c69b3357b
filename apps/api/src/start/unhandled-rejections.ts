import type { Logger } from '../logger.ts';

/**
 * When the database drops a connection mid-transaction, postgres.js can reject an internal
 * promise nobody awaits; the query's caller already got its own error and retries. Logged
 * rather than crashing every instance at once on a database failover.
 */
export const logUnhandledRejections = (logger: Logger) => {
  process.on('unhandledRejection', (reason) => {
    logger.error({ err: reason }, 'unhandled promise rejection');
  });
};
