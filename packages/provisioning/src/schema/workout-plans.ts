import { index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns.ts';
import { tenantUsers } from './tenant-users.ts';
import { tenantId } from './tenants.ts';

export const workoutPlans = pgTable(
  'workout_plans',
  {
    id: id(),
    tenantId: tenantId(),
    createdById: uuid('created_by_id').references(() => tenantUsers.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    plan: jsonb('plan').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('workout_plans_tenant_id_idx').on(t.tenantId),
    index('workout_plans_created_by_id_idx').on(t.createdById),
  ],
);
