import type { IncomingMessage, ServerResponse } from 'node:http';
import type {
  Database,
  PasswordHasher,
  ProvisioningEngine,
  ProvisioningServices,
  RateLimit,
  RunFeed,
  SignupDeps,
  ThrottlePolicy,
} from '@pilar/provisioning';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';

export interface AppConfig {
  allowedOrigins: readonly string[];
  trustProxy: boolean;
  restWaitTimeoutMs: number;
  throttlePolicy: ThrottlePolicy;
  signupLimit: RateLimit;
  /** Folder of the built web app served on the same origin, if any. */
  webRoot?: string | null;
}

/** What every request may use; built once per server, not per request. */
export interface AppDependencies {
  db: Database;
  services: ProvisioningServices;
  passwords: PasswordHasher;
  engine: ProvisioningEngine;
  feed: RunFeed;
  logger: Logger;
  metrics: Metrics;
  config: AppConfig;
}

export interface Context extends AppDependencies {
  req: IncomingMessage;
  res: ServerResponse;
}

/** What a signup needs, the same for the tRPC procedure and the REST route. */
export const signupDeps = (deps: AppDependencies): SignupDeps => ({
  keyring: deps.services.keyring,
  engine: deps.engine,
  passwords: deps.passwords,
  signupLimit: deps.config.signupLimit,
});
