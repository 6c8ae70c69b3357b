import {
  type DbHandle,
  type ProvisioningServices,
  purgeExpired,
  resealChannelSecrets,
} from '@pilar/provisioning';
import type { Logger } from './logger.ts';

/** Expired rows are deleted and rotated secrets re-encrypted this often. */
const MAINTENANCE_INTERVAL_MS = 10 * 60 * 1000;

/**
 * Housekeeping, once before the server listens and then periodically: expired rows go, secrets
 * still under a rotated-out key get the current one.
 */
export const startMaintenance = async (
  db: DbHandle['db'],
  keyring: ProvisioningServices['keyring'],
  logger: Logger,
) => {
  const maintain = async () => {
    try {
      const purged = await purgeExpired(db);
      const secrets = await resealChannelSecrets(db, keyring);
      logger.debug({ purged, secrets }, 'maintenance done');
      if (secrets.unreadable > 0) {
        logger.error({ secrets }, 'stored secrets unreadable with the configured keys');
      }
    } catch (error) {
      logger.error({ err: error }, 'maintenance failed');
    }
  };
  await maintain();
  const timer = setInterval(maintain, MAINTENANCE_INTERVAL_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
};
