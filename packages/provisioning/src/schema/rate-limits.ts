import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Requests counted per key (e.g. sign-ups per client address) in a fixed window, shared by every API instance. */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  hits: integer('hits').notNull(),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull().defaultNow(),
});
