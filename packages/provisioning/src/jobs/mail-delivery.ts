import { and, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Locale } from '../contracts/locale.ts';
import type { DbHandle } from '../db/handle.ts';
import { isDomainError } from '../errors.ts';
import type { MailBrand } from '../mail/mail-content.ts';
import { openMailContent } from '../mail/outbox.ts';
import { renderMail } from '../mail/render-mail.ts';
import { isPermanentSmtpFailure, type MailSender } from '../mail/smtp-sender.ts';
import { outboxMails } from '../schema/index.ts';
import type { JobBoss, QueueWorkers } from './job-boss.ts';

const QUEUE = 'mail-delivery';

/** Counts deliveries for `/metrics`; `final` failures are given up on. */
export interface MailObserver {
  delivered(template: string): void;
  failed(template: string, final: boolean): void;
}

export interface MailDeliveryOptions {
  sender: MailSender;
  keyring: Parameters<typeof openMailContent>[0];
  /** The `From` of every mail (`MAIL_FROM`). */
  from: string;
  brand(): MailBrand;
  /** Attempts before a mail is given up (a 5xx answer gives up at once); 12 from 5 s span about 6 hours. */
  maxAttempts?: number;
  /** First retry delay; pg-boss doubles it per retry. */
  retryDelaySeconds?: number;
  /** How often the relay looks for committed mails that no job carries. */
  relayIntervalSeconds?: number;
  concurrency?: number;
  pollingIntervalSeconds?: number;
  observer?: MailObserver;
  onError?: (error: unknown, context: string) => void;
}

export interface MailDelivery {
  start(): Promise<void>;
  /** Sends a delivery job for each mail and wakes a worker. */
  notify(mailIds: readonly string[]): Promise<void>;
  /**
   * Sends jobs for pending mails no job is known to carry: never handed over (the writer died
   * after its commit) or neither handed over nor tried for hours (the job is gone). Returns how
   * many.
   */
  relay(options?: { unnotifiedAfterSeconds?: number }): Promise<number>;
  stop(): Promise<void>;
}

interface MailJob {
  mailId: string;
}

/**
 * A mail neither handed to a job nor tried for this long counts as lost: longer than the longest
 * wait between two of its attempts (5 s doubled ten times, with pg-boss's jitter up to twice
 * that: under 3 hours), so a mail waiting for its next retry is never given a second job.
 */
const LOST_AFTER_SECONDS = 4 * 60 * 60;
/**
 * One attempt ends within the sender's timeouts (connection, greeting, socket: under a minute);
 * a job still active after this died with its process, and pg-boss gives it to another worker.
 */
const ATTEMPT_EXPIRE_SECONDS = 90;
/** A writer notifies right after its commit; only a mail older than this missed it. */
const UNNOTIFIED_AFTER_SECONDS = 10;

const describe = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).slice(0, 500);

/**
 * Delivers the outbox over SMTP on the job engine: retries with backoff, one delivery of a mail
 * at a time (a lock), the row's status as the truth. A mail whose SMTP answer was lost in a
 * crash is sent again with the same Message-ID, so receivers can tell it is the same mail.
 */
export const createMailDelivery = (
  jobs: JobBoss,
  handle: DbHandle,
  options: MailDeliveryOptions,
): MailDelivery => {
  const {
    sender,
    keyring,
    from,
    brand,
    maxAttempts = 12,
    retryDelaySeconds = 5,
    relayIntervalSeconds = 10,
    concurrency = 2,
    pollingIntervalSeconds = 2,
    observer = { delivered: () => {}, failed: () => {} },
    onError = () => {},
  } = options;
  const { boss } = jobs;
  const { db } = handle;
  jobs.declareQueue(QUEUE, {
    retryLimit: maxAttempts - 1,
    retryDelay: retryDelaySeconds,
    retryBackoff: true,
    expireInSeconds: ATTEMPT_EXPIRE_SECONDS,
  });
  let workers: QueueWorkers | undefined;
  let relayTimer: NodeJS.Timeout | undefined;

  const deliver = async (mailId: string) => {
    const release = await handle.tryLock(`mail:${mailId}`);
    // Held elsewhere: another process is delivering it right now.
    if (!release) return;
    try {
      const [mail] = await db.select().from(outboxMails).where(eq(outboxMails.id, mailId));
      if (mail?.status !== 'pending' || !mail.content) return;
      const attempts = mail.attempts + 1;
      // Tried now: the relay leaves it to its job for a while.
      await db
        .update(outboxMails)
        .set({ enqueuedAt: sql`now()` })
        .where(eq(outboxMails.id, mailId));
      try {
        const content = openMailContent(keyring, { ...mail, content: mail.content });
        const rendered = await renderMail(content, mail.locale as Locale, brand());
        await sender.send({ messageId: mail.messageId, from, to: mail.recipient, ...rendered });
      } catch (error) {
        const final =
          attempts >= maxAttempts ||
          isPermanentSmtpFailure(error) ||
          isDomainError(error, 'SECRET_UNREADABLE');
        await db
          .update(outboxMails)
          .set({
            attempts,
            lastError: describe(error),
            ...(final ? { status: 'failed' as const, content: null } : {}),
          })
          .where(eq(outboxMails.id, mailId));
        observer.failed(mail.template, final);
        onError(
          error,
          `mail delivery (${mail.template}, attempt ${attempts}${final ? ', given up' : ''})`,
        );
        if (final) return;
        throw error;
      }
      // A mail of no studio (a deleted studio's confirmation, a note to an unknown address)
      // is kept by no one once sent.
      if (mail.tenantId === null) await db.delete(outboxMails).where(eq(outboxMails.id, mailId));
      else {
        await db
          .update(outboxMails)
          .set({ status: 'sent', attempts, lastError: null, content: null, sentAt: sql`now()` })
          .where(eq(outboxMails.id, mailId));
      }
      observer.delivered(mail.template);
    } finally {
      await release();
    }
  };

  const notify = async (mailIds: readonly string[]) => {
    if (mailIds.length === 0) return;
    for (const mailId of mailIds) await boss.send(QUEUE, { mailId } satisfies MailJob);
    await db
      .update(outboxMails)
      .set({ enqueuedAt: sql`now()` })
      .where(inArray(outboxMails.id, [...mailIds]));
    workers?.wake();
  };

  const relay: MailDelivery['relay'] = async ({
    unnotifiedAfterSeconds = UNNOTIFIED_AFTER_SECONDS,
  } = {}) => {
    const lost = or(
      and(
        isNull(outboxMails.enqueuedAt),
        lt(outboxMails.createdAt, sql`now() - make_interval(secs => ${unnotifiedAfterSeconds})`),
      ),
      lt(outboxMails.enqueuedAt, sql`now() - make_interval(secs => ${LOST_AFTER_SECONDS})`),
    );
    const rows = await db
      .select({ id: outboxMails.id })
      .from(outboxMails)
      .where(and(eq(outboxMails.status, 'pending'), lost))
      .limit(1000);
    const free: string[] = [];
    for (const { id } of rows) {
      const release = await handle.tryLock(`mail:${id}`);
      if (!release) continue;
      await release();
      free.push(id);
    }
    await notify(free);
    return free.length;
  };

  return {
    start: async () => {
      await jobs.start();
      workers = await jobs.work<MailJob>(
        QUEUE,
        { concurrency, pollingIntervalSeconds },
        ({ mailId }) => deliver(mailId),
      );
      // Mails whose writer died before handing them over get a job now; a job that was active in
      // a process that died is expired and retried by pg-boss itself.
      await relay({ unnotifiedAfterSeconds: 0 });
      relayTimer = setInterval(() => {
        relay().catch((error: unknown) => onError(error, 'mail relay'));
      }, relayIntervalSeconds * 1000);
      relayTimer.unref();
    },
    notify,
    relay,
    stop: async () => {
      clearInterval(relayTimer);
    },
  };
};
