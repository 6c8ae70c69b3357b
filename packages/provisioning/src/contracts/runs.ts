import { z } from 'zod/mini';
import { rule } from './problems.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RUN_ID_MESSAGE = 'Invalid run id';

/** A provisioning run's id (from the wizard's address): anything else names no run. */
export const runIdSchema = z
  .string({ error: RUN_ID_MESSAGE })
  .check(z.refine((value) => UUID.test(value), rule('noSuchRun', RUN_ID_MESSAGE)));
