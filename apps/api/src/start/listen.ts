import type { Server } from 'node:http';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';

/** Starts listening and logs where, on which database and with which sandbox faults, once bound. */
export const listen = (
  server: Server,
  { listen: { port, host }, sandbox }: Pick<Config, 'listen' | 'sandbox'>,
  embedded: boolean,
  logger: Logger,
) =>
  server.listen(port, host, () => {
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
  });
