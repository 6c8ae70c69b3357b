import { createDb, placeholderPhone } from '@pilar/provisioning';
import { createSandboxProviders, sandboxBeforeStep } from '@pilar/provisioning/sandbox';
import { createApp } from './app.ts';
import { configFromEnv } from './config.ts';
import { openDatabaseServer } from './database.ts';
import { type Env, loadEnv } from './env.ts';
import { createLogger, type Logger } from './logger.ts';
import { openMailTransport } from './mail/mail-setup.ts';
import { startRuntime } from './runtime.ts';
import { warnAboutConfiguration } from './start/configuration-warnings.ts';
import { exitWhenEmbeddedEnds } from './start/embedded-watch.ts';
import { loadKeyring } from './start/keyring.ts';
import { listen } from './start/listen.ts';
import { phoneCarrierOf } from './start/phone-carrier.ts';
import { closeServer, onShutdown } from './start/shutdown.ts';
import { logUnhandledRejections } from './start/unhandled-rejections.ts';

const start = async (env: Env, logger: Logger) => {
  const config = configFromEnv(env);
  warnAboutConfiguration(config, logger);
  const keyring = await loadKeyring(config);
  const { url, embedded } = await openDatabaseServer(config.databaseUrl, config.dataDir, logger);
  const embeddedWatch = exitWhenEmbeddedEnds(embedded, logger);
  const handle = await createDb({ databaseUrl: url });
  const transport = await openMailTransport(config.mail, logger);
  // Without PUBLIC_URL, links point at this server itself, whose port is known once it listens.
  let ownUrl = `http://localhost:${config.listen.port}`;
  const runtime = await startRuntime(handle, {
    logger,
    services: {
      keyring,
      providers: {
        ...createSandboxProviders(),
        phone: phoneCarrierOf(config.phone, config.sandbox),
      },
      placeholderPhone,
      beforeStep: sandboxBeforeStep(config.sandbox),
    },
    config: config.app,
    engine: config.engine,
    phone: config.phone,
    mail: {
      ...transport,
      from: config.mail.from,
      operatorName: config.mail.operatorName,
      publicUrl: () => config.mail.publicUrl ?? ownUrl,
    },
  });
  const server = await listen(createApp(runtime.deps), config, !!embedded, logger);
  const bound = server.address();
  if (bound && typeof bound === 'object') ownUrl = `http://localhost:${bound.port}`;
  onShutdown(logger, async () => {
    embeddedWatch.disarm();
    await closeServer(server);
    await runtime.stop();
    await transport.catcher?.close();
    await handle.close();
    await embedded?.stop();
  });
  logUnhandledRejections(logger);
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
