import { resolve } from 'node:path';
import {
  createDb,
  createSandboxProviders,
  loadOrCreateKeyFile,
  parseKeyring,
} from '@pilar/provisioning';
import { createApp } from './app.ts';
import { type Env, loadEnv } from './env.ts';
import { createLogger, type Logger } from './logger.ts';

const keySpec = async (env: Env, dataDir: string) => {
  if (env.SECRET_KEY) return env.SECRET_KEY;
  if (env.DATABASE_URL) {
    throw new Error(
      'SECRET_KEY is required with DATABASE_URL: every API instance must encrypt with the same key',
    );
  }
  return loadOrCreateKeyFile(dataDir);
};

const start = async (env: Env, logger: Logger) => {
  const dataDir = resolve(env.DATA_DIR);
  const keyring = parseKeyring(await keySpec(env, dataDir));
  const handle = await createDb(
    env.DATABASE_URL
      ? { driver: 'postgres', databaseUrl: env.DATABASE_URL }
      : { driver: 'pglite', dataDir },
  );
  const server = createApp({
    db: handle.db,
    driver: handle.driver,
    logger,
    services: { keyring, providers: createSandboxProviders() },
  });
  server.listen(env.PORT, env.HOST, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : env.PORT;
    logger.info(
      { port, database: handle.driver, ...(handle.driver === 'pglite' ? { dataDir } : {}) },
      `listening on http://localhost:${port}`,
    );
  });

  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    server.close(() => {
      handle.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
    server.closeAllConnections();
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
};

const main = async () => {
  let logger = createLogger('info');
  try {
    const env = loadEnv();
    logger = createLogger(env.LOG_LEVEL);
    await start(env, logger);
  } catch (error) {
    logger.fatal(
      { err: error },
      `start-up failed: ${error instanceof Error ? error.message : error}`,
    );
    process.exit(1);
  }
};

await main();
