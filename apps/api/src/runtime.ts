import {
  createPasswordHasher,
  createProvisioningEngine,
  createRunFeed,
  type DbHandle,
  type EngineOptions,
  type ProvisioningServices,
} from '@pilar/provisioning';
import type { Logger } from './logger.ts';
import { startMaintenance } from './maintenance.ts';
import { createMetrics } from './metrics.ts';
import type { AppConfig, AppDependencies } from './trpc/context.ts';

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
 * feed (LISTEN), metrics and maintenance. Started before the server listens, stopped after it
 * closed.
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
  const maintenance = await startMaintenance(handle.db, options.services.keyring, options.logger);
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
      maintenance.stop();
      await engine.stop();
      await feed.close();
      await passwords.close();
    },
  };
};
