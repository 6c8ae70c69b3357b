import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db/types.ts';
import { withinTransaction } from '../db/within-transaction.ts';
import { DomainError } from '../errors.ts';
import { provisioningRuns, provisioningSteps } from '../schema/index.ts';
import { recordEvents } from './events.ts';

/** Attempts a manual retry grants the failed step. */
export const RETRY_ATTEMPTS = 3;

/**
 * Reopens a failed run of the tenant: the failed step becomes pending with fresh attempts,
 * finished steps stay finished, so execution resumes exactly where it stopped.
 */
export const reopenFailedRun = (db: Queryable, tenantId: string, runId: string) =>
  withinTransaction(db, async (tx) => {
    const [run] = await tx
      .select()
      .from(provisioningRuns)
      .where(and(eq(provisioningRuns.id, runId), eq(provisioningRuns.tenantId, tenantId)))
      .for('update');
    if (!run) throw new DomainError('RUN_NOT_FOUND');
    if (run.status !== 'failed') throw new DomainError('RUN_NOT_RETRYABLE', { status: run.status });
    await tx
      .update(provisioningSteps)
      .set({
        status: 'pending',
        attemptLimit: sql`${provisioningSteps.attempts} + ${RETRY_ATTEMPTS}`,
        finishedAt: null,
      })
      .where(and(eq(provisioningSteps.runId, runId), eq(provisioningSteps.status, 'failed')));
    await tx
      .update(provisioningRuns)
      .set({ status: 'running', error: null, finishedAt: null })
      .where(eq(provisioningRuns.id, runId));
    await recordEvents(tx, [{ runId, tenantId, type: 'run.retried' }]);
  });
