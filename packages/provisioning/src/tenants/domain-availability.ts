import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db/types.ts';
import { tenants } from '../schema/index.ts';

/** Whether no studio uses `domain` yet (expects a normalised domain from the contract). */
export const isDomainAvailable = async (db: Queryable, domain: string) => {
  const taken = await db
    .select({ id: tenants.id })
    .from(tenants)
    .where(eq(sql`lower(${tenants.domain})`, domain))
    .limit(1);
  return taken.length === 0;
};
