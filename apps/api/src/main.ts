import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createDb,
  createSandboxProviders,
  loadOrCreateKeyFile,
  parseFailureSpec,
  parseKeyring,
  sandboxBeforeStep,
} from '@pilar/provisioning';
import { createApp } from './app.ts';
import { openDatabaseServer } from './database.ts';
import { type Env, loadEnv } from './env.ts';
import { createLogger, type Logger } from './logger.ts';
import { startRuntime } from './runtime.ts';

const DEFAULT_WEB_DIST_DIR = fileURLToPath(new URL('../../web/dist', import.meta.url));

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
  const failures = parseFailureSpec(env.SANDBOX_FAIL_STEP);
  const { url, embedded } = await openDatabaseServer(env.DATABASE_URL, dataDir, logger);
  let stopping = false;
  void embedded?.exited.then((code) => {
    if (stopping) return;
    // Requests cannot be served without it; a supervisor restarts the whole process, which
    // then starts the server again or joins the one a sibling started.
    logger.fatal(
      { code },
      embedded?.owned
        ? 'embedded PostgreSQL stopped unexpectedly'
        : 'the embedded PostgreSQL this process joined has stopped with the process that started it',
    );
    process.exit(1);
  });
  const handle = await createDb({ databaseUrl: url });
  const runtime = await startRuntime(handle, {
    logger,
    services: {
      keyring,
      providers: createSandboxProviders(),
      beforeStep: sandboxBeforeStep({ stepDelayMs: env.SANDBOX_STEP_DELAY_MS, failures }),
    },
    config: {
      allowedOrigins: env.ALLOWED_ORIGINS,
      trustProxy: env.TRUST_PROXY,
      restWaitTimeoutMs: env.REST_WAIT_TIMEOUT_SECONDS * 1000,
      throttlePolicy: {
        accountFailures: env.LOGIN_FAILURES_PER_ACCOUNT,
        addressFailures: env.LOGIN_FAILURES_PER_ADDRESS,
        windowSeconds: env.LOGIN_FAILURE_WINDOW_SECONDS,
        lockSeconds: env.LOGIN_LOCK_SECONDS,
        maxLockSeconds: env.LOGIN_MAX_LOCK_SECONDS,
      },
      signupLimit: {
        limit: env.SIGNUP_LIMIT_PER_ADDRESS,
        windowSeconds: env.SIGNUP_LIMIT_WINDOW_SECONDS,
      },
      webRoot: resolve(env.WEB_DIST_DIR ?? DEFAULT_WEB_DIST_DIR),
    },
    engine: {
      concurrency: env.PROVISIONING_CONCURRENCY,
      retryDelaySeconds: env.PROVISIONING_RETRY_DELAY_SECONDS,
      recoveryIntervalSeconds: env.PROVISIONING_RECOVERY_INTERVAL_SECONDS,
      stallSeconds: env.PROVISIONING_STALL_SECONDS,
      jobExpireSeconds: env.PROVISIONING_JOB_EXPIRE_SECONDS,
    },
  });
  const server = createApp(runtime.deps);
  server.listen(env.PORT, env.HOST, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : env.PORT;
    logger.info(
      {
        port,
        database: embedded ? 'embedded' : 'DATABASE_URL',
        ...(env.SANDBOX_STEP_DELAY_MS || failures.size
          ? {
              sandbox: {
                stepDelayMs: env.SANDBOX_STEP_DELAY_MS,
                failures: Object.fromEntries(failures),
              },
            }
          : {}),
      },
      `listening on http://localhost:${port}`,
    );
  });

  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    stopping = true;
    server.close(async () => {
      try {
        await runtime.stop();
        await handle.close();
        await embedded?.stop();
        process.exit(0);
      } catch (error) {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      }
    });
    server.closeAllConnections();
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  // When the database drops a connection mid-transaction, postgres.js can reject an internal
  // promise nobody awaits; the query's caller already got its own error and retries. Logged
  // rather than crashing every instance at once on a database failover.
  process.on('unhandledRejection', (reason) => {
    logger.error({ err: reason }, 'unhandled promise rejection');
  });
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
