import type { EmbeddedPostgres } from '@pilar/provisioning/embedded';
import type { Logger } from '../logger.ts';

/**
 * Ends the process with 1 when the embedded server stops before `disarm()`: requests cannot be
 * served without it, and a supervisor restarts the whole process, which then starts the server
 * again or joins the one a sibling started.
 */
export const exitWhenEmbeddedEnds = (embedded: EmbeddedPostgres | null, logger: Logger) => {
  let disarmed = false;
  void embedded?.exited.then((code) => {
    if (disarmed) return;
    logger.fatal(
      { code },
      embedded.owned
        ? 'embedded PostgreSQL stopped unexpectedly'
        : 'the embedded PostgreSQL this process joined has stopped with the process that started it',
    );
    process.exit(1);
  });
  return {
    disarm: () => {
      disarmed = true;
    },
  };
};
