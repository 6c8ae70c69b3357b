import { and, asc, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/types.ts';
import { provisioningEvents, provisioningRuns } from '../schema/index.ts';

/**
 * Runs that are neither ready nor failed and have recorded no event for `quietSeconds`:
 * their job may have died with a killed process. Re-sending one is always safe — execution
 * is idempotent and serialised by the run lock.
 */
export const findStalledRuns = async (db: Database, quietSeconds: number, limit = 100) => {
  const lastActivity = sql`coalesce(
    (select max(${provisioningEvents.createdAt}) from ${provisioningEvents}
      where ${provisioningEvents.runId} = ${provisioningRuns.id}),
    ${provisioningRuns.createdAt})`;
  const rows = await db
    .select({ id: provisioningRuns.id })
    .from(provisioningRuns)
    .where(
      and(
        inArray(provisioningRuns.status, ['pending', 'running']),
        sql`${lastActivity} <= now() - make_interval(secs => ${quietSeconds})`,
      ),
    )
    .orderBy(asc(provisioningRuns.createdAt))
    .limit(limit);
  return rows.map((row) => row.id);
};
