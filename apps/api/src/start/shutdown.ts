import type { Server } from 'node:http';
import type { Logger } from '../logger.ts';

/** On SIGINT (Ctrl-C) or SIGTERM (a supervisor): runs `stop`, then exits with 0, or 1 if it failed. */
export const onShutdown = (logger: Logger, stop: () => Promise<void>) => {
  const shutdown = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'shutting down');
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
};

/** Settles once the server has closed; open keep-alive and event-stream connections are cut. */
export const closeServer = (server: Server) =>
  new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
