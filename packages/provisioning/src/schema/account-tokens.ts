import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns.ts';
import { accountTokenPurpose } from './enums.ts';
import { tenantUsers } from './tenant-users.ts';
import { tenantId } from './tenants.ts';

/**
 * Single-use proofs sent by mail: a link's token and, for address verification, a short code.
 * Only hashes are kept; each row is bound to one user and one purpose.
 */
export const accountTokens = pgTable(
  'account_tokens',
  {
    id: id(),
    tenantId: tenantId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => tenantUsers.id, { onDelete: 'cascade' }),
    purpose: accountTokenPurpose('purpose').notNull(),
    tokenHash: text('token_hash').notNull().unique('account_tokens_token_hash_key'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    codeHash: text('code_hash'),
    codeExpiresAt: timestamp('code_expires_at', { withTimezone: true }),
    codeAttempts: integer('code_attempts').notNull().default(0),
    /** For an address change: the address that replaces the current one once confirmed. */
    newEmail: text('new_email'),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('account_tokens_user_purpose_idx').on(t.userId, t.purpose),
    index('account_tokens_tenant_id_idx').on(t.tenantId),
  ],
);
