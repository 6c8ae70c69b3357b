import { createHmac } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Database } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import { idempotencyKeys } from '../schema/index.ts';
import type { Keyring } from '../secrets/keyring.ts';

export const IDEMPOTENCY_KEY_TTL_HOURS = 24;

export interface IdempotentRequest {
  scope: string;
  key: string;
  body: unknown;
}

const canonicalJson = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
};

const requestHash = (keyring: Keyring, body: unknown) =>
  createHmac('sha256', keyring.current.key)
    .update('idempotency:')
    .update(canonicalJson(body))
    .digest('hex');

/**
 * Runs `execute` once per (scope, key): a repeat with the same body gets the stored response
 * (waiting while the first is still running), a repeat with another body is refused, and
 * keys expire after 24 hours. A failed execution releases the key so the client may retry.
 */
export const withIdempotency = async <T>(
  db: Database,
  keyring: Keyring,
  request: IdempotentRequest,
  execute: () => Promise<T>,
  { waitMs = 15_000 } = {},
): Promise<{ response: T; replayed: boolean }> => {
  const hash = requestHash(keyring, request.body);
  const match = and(eq(idempotencyKeys.scope, request.scope), eq(idempotencyKeys.key, request.key));
  await db
    .delete(idempotencyKeys)
    .where(
      and(
        match,
        lt(
          idempotencyKeys.createdAt,
          sql`now() - make_interval(hours => ${IDEMPOTENCY_KEY_TTL_HOURS})`,
        ),
      ),
    );
  const claimed = await db
    .insert(idempotencyKeys)
    .values({ scope: request.scope, key: request.key, requestHash: hash })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (claimed.length > 0) {
    try {
      const response = await execute();
      await db.update(idempotencyKeys).set({ status: 'done', response }).where(match);
      return { response, replayed: false };
    } catch (error) {
      await db.delete(idempotencyKeys).where(match);
      throw error;
    }
  }
  const deadline = Date.now() + waitMs;
  for (;;) {
    const [existing] = await db.select().from(idempotencyKeys).where(match);
    // Released by a failed first attempt: this request becomes the new first one.
    if (!existing) return withIdempotency(db, keyring, request, execute, { waitMs });
    if (existing.requestHash !== hash) throw new DomainError('IDEMPOTENCY_KEY_REUSED');
    if (existing.status === 'done') return { response: existing.response as T, replayed: true };
    if (Date.now() > deadline) throw new DomainError('IDEMPOTENCY_IN_PROGRESS');
    await sleep(50);
  }
};
