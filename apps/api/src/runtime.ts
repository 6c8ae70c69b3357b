import {
  createPasswordHasher,
  createProvisioningEngine,
  createRunFeed,
  type DbHandle,
  type EngineOptions,
  type ProvisioningServices,
  purgeExpired,
  resealChannelSecrets,
} from '@pilar/provisioning';
import type { Logger } from './logger.ts';
import { createMetrics } from './metrics.ts';
import type { AppConfig, AppDependencies } from './trpc/context.ts';

/** Expired rows are deleted and rotated secrets re-encrypted this often. */
const MAINTENANCE_INTERVAL_MS = 10 * 60 * 1000;

export interface RuntimeOptions {
  services: ProvisioningServices;
  /** Worker threads for bcrypt (default: one per core). */
  hashThreads?: number;
  config: AppConfig;
  logger: Logger;
  engine?: Omit<EngineOptions, 'observer' | 'onError'>;
}

/**
 * Everything a server process runs besides HTTP: the job engine with its workers, the run
 * feed (LISTEN) and metrics. Started before the server listens, stopped after it closed.
 */
export const startRuntime = async (handle: DbHandle, options: RuntimeOptions) => {
  const metrics = createMetrics();
  const engine = createProvisioningEngine(handle, options.services, {
    ...options.engine,
    observer: metrics.observer,
    onError: (error, context) => options.logger.error({ err: error }, `${context} error`),
  });
  await engine.start();
  const feed = await createRunFeed(handle);
  const passwords = createPasswordHasher(
    options.hashThreads ? { threads: options.hashThreads } : {},
  );
  // Housekeeping: expired rows go, secrets still under a rotated-out key get the current one.
  const maintain = async () => {
    try {
      const purged = await purgeExpired(handle.db);
      const secrets = await resealChannelSecrets(handle.db, options.services.keyring);
      options.logger.debug({ purged, secrets }, 'maintenance done');
      if (secrets.unreadable > 0) {
        options.logger.error({ secrets }, 'stored secrets unreadable with the configured keys');
      }
    } catch (error) {
      options.logger.error({ err: error }, 'maintenance failed');
    }
  };
  await maintain();
  const maintenanceTimer = setInterval(maintain, MAINTENANCE_INTERVAL_MS);
  maintenanceTimer.unref();
  const deps: AppDependencies = {
    passwords,
    db: handle.db,
    services: options.services,
    engine,
    feed,
    metrics,
    logger: options.logger,
    config: options.config,
  };
  return {
    deps,
    stop: async () => {
      clearInterval(maintenanceTimer);
      await engine.stop();
      await feed.close();
      await passwords.close();
    },
  };
};
