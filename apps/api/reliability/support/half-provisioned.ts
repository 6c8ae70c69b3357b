import { isFullyProvisioned, type TestDb } from '@pilar/provisioning/testing';

/** How many of the tenants are not fully provisioned (a step's rows missing or doubled). */
export const countHalfProvisioned = async (db: TestDb['db'], tenantIds: string[]) => {
  let half = 0;
  for (const tenantId of tenantIds) if (!(await isFullyProvisioned(db, tenantId))) half++;
  return half;
};
