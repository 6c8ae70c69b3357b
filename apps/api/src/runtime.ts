import {
  createJobBoss,
  createMailDelivery,
  createOutbox,
  createPasswordHasher,
  createPhoneGoLive,
  createProvisioningEngine,
  createRunFeed,
  type DbHandle,
  type EngineOptions,
  type JobBossOptions,
  legalDocuments,
  type MailDeliveryOptions,
  type MailSender,
  type ProvisioningServices,
} from '@pilar/provisioning';
import type { Logger } from './logger.ts';
import type { MailCatcher } from './mail/mail-catcher.ts';
import { mailDomainOf } from './mail/mail-setup.ts';
import { startMaintenance } from './maintenance.ts';
import { createMetrics } from './metrics.ts';
import type { AppConfig, AppDependencies } from './trpc/context.ts';

export interface RuntimeMail {
  sender: MailSender;
  /** The built-in catcher the sender delivers to, when no SMTP server is configured. */
  catcher: MailCatcher | null;
  from: string;
  operatorName: string;
  /** The base of links in mails; known only once the server listens when not configured. */
  publicUrl(): string;
  delivery?: Pick<
    MailDeliveryOptions,
    'maxAttempts' | 'retryDelaySeconds' | 'relayIntervalSeconds' | 'pollingIntervalSeconds'
  >;
}

export interface RuntimeOptions {
  services: ProvisioningServices;
  /** Worker threads for bcrypt (default: one per core). */
  hashThreads?: number;
  config: AppConfig;
  logger: Logger;
  engine?: Omit<EngineOptions, 'observer' | 'onError'> & Omit<JobBossOptions, 'onError'>;
  mail: RuntimeMail;
  phone: { reviewPollSeconds: number; sweepIntervalSeconds?: number; retryDelaySeconds?: number };
}

/** Where the carrier reports a studio's review (signed); the route is `twilio-bundle-callback.ts`. */
export const bundleCallbackPath = (tenantId: string) => `/webhooks/twilio/bundles/${tenantId}`;

/**
 * Everything a server process runs besides HTTP: the job engine with its workers (provisioning
 * runs and mail delivery), the run feed (LISTEN), metrics and maintenance. Started before the
 * server listens, stopped after it closed.
 */
export const startRuntime = async (handle: DbHandle, options: RuntimeOptions) => {
  const { logger, services, mail } = options;
  const metrics = createMetrics();
  const onError = (error: unknown, context: string) =>
    logger.error({ err: error }, `${context} error`);
  const jobs = createJobBoss(handle, {
    jobExpireSeconds: options.engine?.jobExpireSeconds,
    onError,
  });
  const engine = createProvisioningEngine(jobs, handle, services, {
    ...options.engine,
    observer: metrics.observer,
    onError,
  });
  const delivery = createMailDelivery(jobs, handle, {
    ...mail.delivery,
    sender: mail.sender,
    keyring: services.keyring,
    from: mail.from,
    brand: () => {
      const documents = legalDocuments(options.config.legal);
      // Built-in documents are pages of this server; the operator's own are full addresses.
      const address = (url: string) => new URL(url, `${mail.publicUrl()}/`).toString();
      return {
        operatorName: mail.operatorName,
        publicUrl: mail.publicUrl(),
        imprintUrl: address(documents.imprint.url),
        privacyUrl: address(documents.privacy.url),
      };
    },
    observer: metrics.mailObserver,
    onError,
  });
  const outbox = createOutbox({
    keyring: services.keyring,
    messageIdDomain: mailDomainOf(mail.from),
    publicUrl: mail.publicUrl,
    // After a commit the mail is safe: a failed wake-up only delays it to the relay's sweep, and
    // must not turn the change that caused it into an error.
    notify: (mailIds) =>
      delivery.notify(mailIds).catch((error: unknown) => {
        logger.warn({ err: error, mailIds }, 'mail delivery not woken; the relay will send it');
      }),
  });
  const phoneGoLive = createPhoneGoLive(jobs, handle, {
    carrier: services.providers.phone,
    keyring: services.keyring,
    outbox,
    statusCallbackUrl: (tenantId) => `${mail.publicUrl()}${bundleCallbackPath(tenantId)}`,
    reviewPollSeconds: options.phone.reviewPollSeconds,
    sweepIntervalSeconds: options.phone.sweepIntervalSeconds,
    retryDelaySeconds: options.phone.retryDelaySeconds,
    onError,
  });
  await engine.start();
  await delivery.start();
  await phoneGoLive.start();
  const feed = await createRunFeed(handle);
  const passwords = createPasswordHasher(
    options.hashThreads ? { threads: options.hashThreads } : {},
  );
  const maintenance = await startMaintenance(handle.db, services.keyring, logger);
  const deps: AppDependencies = {
    passwords,
    db: handle.db,
    services,
    engine,
    feed,
    outbox,
    phoneGoLive,
    mailCatcher: mail.catcher,
    metrics,
    logger,
    config: options.config,
  };
  return {
    deps,
    delivery,
    stop: async () => {
      maintenance.stop();
      await engine.stop();
      await delivery.stop();
      await phoneGoLive.stop();
      await jobs.stop();
      await feed.close();
      await passwords.close();
      mail.sender.close();
    },
  };
};
