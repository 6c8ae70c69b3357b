import {
  createPasswordHasher,
  createProvisioningEngine,
  createRunFeed,
  type DbHandle,
  type EngineOptions,
  type ProvisioningServices,
  purgeExpired,
} from '@pilar/provisioning';
import type { Logger } from './logger.ts';
import { createMetrics } from './metrics.ts';
import type { AppConfig, AppDependencies } from './trpc/context.ts';

/** Expired sessions, idempotency keys and login counters are deleted this often. */
const PURGE_INTERVAL_MS = 10 * 60 * 1000;

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
  const purge = () =>
    purgeExpired(handle.db).then(
      (purged) => options.logger.debug({ purged }, 'purged expired rows'),
      (error: unknown) => options.logger.error({ err: error }, 'purging expired rows failed'),
    );
  await purge();
  const purgeTimer = setInterval(purge, PURGE_INTERVAL_MS);
  purgeTimer.unref();
  const deps: AppDependencies = {
    passwords,
    db: handle.db,
    driver: handle.driver,
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
      clearInterval(purgeTimer);
      await engine.stop();
      await feed.close();
      await passwords.close();
    },
  };
};
