import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Database, ProvisioningServices } from '@pilar/provisioning';
import type { Logger } from '../logger.ts';

/** What every request may use; built once per server, not per request. */
export interface AppDependencies {
  db: Database;
  services: ProvisioningServices;
  logger: Logger;
  driver: 'pglite' | 'postgres';
}

export interface Context extends AppDependencies {
  req: IncomingMessage;
  res: ServerResponse;
}
