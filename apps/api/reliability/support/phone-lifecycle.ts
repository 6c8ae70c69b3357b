import { setTimeout as sleep } from 'node:timers/promises';
import { type PhoneStage, schema } from '@pilar/provisioning';
import { eq, sql } from 'drizzle-orm';
import { detailsForm, GOOD_DETAILS, pdfBytes } from '../../test/support/go-live.ts';
import type { TestServer } from '../../test/support/test-server.ts';

/** Stages the phone's work moves on from by itself (see `WORKING_STAGES`). */
const WORKING: readonly PhoneStage[] = ['in_review', 'buying_number', 'configuring_sip'];

/** A PDF by its first bytes, named so: the sandbox's review rejects a file called "…reject…". */
export const pdfFile = (name: string, content: Buffer = pdfBytes()) =>
  new File([content], name, { type: 'application/pdf' });

/** The business-details form as the web app posts it (`detailsForm` of the API's tests). */
export const businessForm = (
  fields: Record<string, string> = GOOD_DETAILS,
  document: File | null = pdfFile('gewerbeanmeldung.pdf'),
) => detailsForm(fields, document);

/** A copy of `form` with `extra` fields appended (a name may come twice). */
export const formWith = (form: FormData, extra: [string, string | File][]) => {
  const copy = new FormData();
  for (const [name, value] of form.entries()) copy.append(name, value);
  for (const [name, value] of extra) copy.append(name, value);
  return copy;
};

/** The studio's phone lifecycle row (null before a first submission), read past the API. */
export const phoneLifecycleOf = async (server: TestServer, tenantId: string) => {
  const [lifecycle] = await server.testDb.db
    .select()
    .from(schema.channelLifecycles)
    .where(eq(schema.channelLifecycles.tenantId, tenantId));
  return lifecycle ?? null;
};

/**
 * Waits until the studio's phone work rests (no lifecycle, a stage that waits for the owner or
 * is done, or work stopped on a refusal someone must lift): nothing writes its rows any more,
 * and the server may close.
 */
export const waitForPhoneAtRest = async (
  server: TestServer,
  tenantId: string,
  timeoutMs = 30_000,
) => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const lifecycle = await phoneLifecycleOf(server, tenantId);
    if (!lifecycle || !WORKING.includes(lifecycle.stage) || lifecycle.problem?.retryable === false)
      return lifecycle;
    if (Date.now() > deadline)
      throw new Error(`the phone of ${tenantId} is still ${lifecycle.stage}`);
    await sleep(100);
  }
};

/**
 * Runs `work` while the user's e-mail address counts as confirmed (the upload requires it),
 * then puts the column back as it was. Raw SQL: no `updated_at` is touched, so the row is
 * exactly as before afterwards and row snapshots around it stay comparable.
 */
export const withEmailVerified = async <T>(
  server: TestServer,
  userId: string,
  work: () => Promise<T>,
): Promise<T> => {
  const { db } = server.testDb;
  const [row] = await db.execute<{ was: string | null }>(
    sql`select email_verified_at::text as was from tenant_users where id = ${userId}`,
  );
  if (!row) throw new Error(`no user ${userId}`);
  if (row.was !== null) return work();
  await db.execute(sql`update tenant_users set email_verified_at = now() where id = ${userId}`);
  try {
    return await work();
  } finally {
    await db.execute(sql`update tenant_users set email_verified_at = null where id = ${userId}`);
  }
};

/**
 * Counts the wake-ups of studios' phone work from requests (a submission:
 * `deps.phoneGoLive.notify`; a signed carrier callback that found the phone in review:
 * `deps.phoneGoLive.wake`) from now on, by tenant id; `stop` puts both back.
 */
export const countPhoneWakeUps = (server: TestServer) => {
  const { phoneGoLive } = server.deps;
  const { notify, wake } = phoneGoLive;
  const woken: string[] = [];
  phoneGoLive.notify = async (tenantId) => {
    woken.push(tenantId);
    return notify(tenantId);
  };
  phoneGoLive.wake = async (tenantId) => {
    const inReview = await wake(tenantId);
    if (inReview) woken.push(tenantId);
    return inReview;
  };
  return {
    woken,
    stop: () => {
      phoneGoLive.notify = notify;
      phoneGoLive.wake = wake;
    },
  };
};
