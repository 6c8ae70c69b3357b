import {
  type EmbeddedPostgres,
  findRetiredPgliteData,
  startEmbeddedPostgres,
} from '@pilar/provisioning/embedded';
import type { Logger } from './logger.ts';

// PostgreSQL's default line prefix is "<date> <time> <zone> [<pid>] ".
const SEVERITY = /^\S+ \S+ \S+ \[\d+\] (LOG|FATAL|PANIC):/;

/**
 * The embedded server logs only LOG, FATAL and PANIC: a statement's ERROR already reaches the
 * API, which logs it if it was unexpected (a taken e-mail is not), and would repeat its values.
 */
const forwardTo = (logger: Logger) => (line: string) => {
  const severity = SEVERITY.exec(line)?.[1];
  const level = severity === 'PANIC' ? 'error' : severity === 'FATAL' ? 'warn' : 'debug';
  logger[level]({ database: 'embedded' }, line);
};

const startEmbedded = async (dataDir: string, logger: Logger) => {
  const retired = await findRetiredPgliteData(dataDir);
  if (retired) {
    logger.warn(
      { folder: retired },
      `${retired} holds a database of an earlier version (PGlite). It is not read any more and stays untouched; this version keeps its data in PostgreSQL in ${dataDir}. Move or delete that folder once you no longer need it`,
    );
  }
  const embedded = await startEmbeddedPostgres({ dataDir, onLog: forwardTo(logger) });
  logger.info(
    { port: embedded.port, folder: embedded.clusterDir, owner: embedded.owned },
    embedded.owned
      ? `embedded PostgreSQL started on 127.0.0.1:${embedded.port}`
      : `joined the embedded PostgreSQL another process runs on 127.0.0.1:${embedded.port}`,
  );
  return embedded;
};

/** The server of `DATABASE_URL`, or else the zero-setup PostgreSQL in `DATA_DIR`. */
export const openDatabaseServer = async (
  databaseUrl: string | undefined,
  dataDir: string,
  logger: Logger,
): Promise<{ url: string; embedded: EmbeddedPostgres | null }> => {
  if (databaseUrl) return { url: databaseUrl, embedded: null };
  const embedded = await startEmbedded(dataDir, logger);
  return { url: embedded.url, embedded };
};
