import { revealChannelSecrets, schema } from '@pilar/provisioning';
import { eq } from 'drizzle-orm';
import { SESSION_COOKIE } from '../../src/http/cookies.ts';
import type { TestServer } from '../../test/support/test-server.ts';
import type { TenantStudio } from './cross-tenant-studios.ts';
import type { Snapshot } from './row-snapshots.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T/;

const leavesOf = (value: unknown): string[] => {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(leavesOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(leavesOf);
  return [];
};

const channelLeaves = async (server: TestServer, tenantId: string) => {
  const { db } = server.testDb;
  return [
    ...(await db
      .select()
      .from(schema.phoneNumbers)
      .where(eq(schema.phoneNumbers.tenantId, tenantId))),
    ...(await db
      .select()
      .from(schema.whatsAppChannels)
      .where(eq(schema.whatsAppChannels.tenantId, tenantId))),
  ].flatMap((row) => leavesOf(row));
};

/**
 * The phone lifecycle's own strings: the carrier's answers (its ids) and the business's name
 * and address (the document type is one of two words every studio may send).
 */
const lifecycleLeaves = async (server: TestServer, tenantId: string) => {
  const lifecycles = await server.testDb.db
    .select({ steps: schema.channelLifecycles.steps, details: schema.channelLifecycles.details })
    .from(schema.channelLifecycles)
    .where(eq(schema.channelLifecycles.tenantId, tenantId));
  return lifecycles.flatMap(({ steps, details }) => {
    const { documentType: _, ...address } = details ?? {};
    return [...leavesOf(steps), ...leavesOf(address)];
  });
};

const secretLeaves = async (server: TestServer, tenantId: string) =>
  leavesOf(await revealChannelSecrets(server.testDb.db, server.deps.services.keyring, tenantId));

/**
 * Strings only A's data holds — its ids, names, session, channel secrets, its phone's carrier
 * ids and business address, every uuid of its rows in `snapshot`, and `extra` — leaving out what B's channels hold too and what is too
 * short or a date to tell apart: none of them may reach B or an anonymous caller.
 */
export const markersOf = async (
  server: TestServer,
  { victim, attacker }: { victim: TenantStudio; attacker: TenantStudio },
  snapshot: Snapshot,
  extra: string[],
) => {
  const attackerLeaves = new Set([
    ...(await channelLeaves(server, attacker.tenantId)),
    ...(await secretLeaves(server, attacker.tenantId)),
  ]);
  const uuids = Object.values(snapshot)
    .flat()
    .flatMap((row) => leavesOf(JSON.parse(row)))
    .filter((value) => UUID.test(value));
  return [
    ...new Set([
      victim.tenantId,
      victim.runId,
      victim.phoneId,
      victim.whatsappId,
      victim.email,
      victim.domain,
      victim.idempotencyKey,
      victim.name,
      victim.ownerId,
      ...extra,
      decodeURIComponent(victim.jar.cookies.get(SESSION_COOKIE) ?? ''),
      ...uuids,
      ...(await secretLeaves(server, victim.tenantId)),
      ...(await channelLeaves(server, victim.tenantId)),
      ...(await lifecycleLeaves(server, victim.tenantId)),
    ]),
  ].filter((m) => m.length >= 8 && !ISO_DATE.test(m) && !attackerLeaves.has(m));
};
