import { once } from 'node:events';
import type { Server } from 'node:http';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';

/**
 * Listens and logs where, on which database and with which sandbox faults, once bound. A port
 * that cannot be bound (taken, not allowed) rejects, so start-up fails with one clear line.
 */
export const listen = async (
  server: Server,
  { listen: { port, host }, sandbox }: Pick<Config, 'listen' | 'sandbox'>,
  embedded: boolean,
  logger: Logger,
) => {
  server.listen(port, host);
  await once(server, 'listening');
  const address = server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  logger.info(
    {
      port: bound,
      database: embedded ? 'embedded' : 'DATABASE_URL',
      ...(sandbox.stepDelayMs || sandbox.failures.size
        ? {
            sandbox: {
              stepDelayMs: sandbox.stepDelayMs,
              failures: Object.fromEntries(sandbox.failures),
            },
          }
        : {}),
    },
    `listening on http://localhost:${bound}`,
  );
  return server;
};
