import { createSession } from '@pilar/provisioning';
import { SESSION_COOKIE } from '../../src/http/cookies.ts';
import { type BatchResult, runBatch, sample } from './fuzz-batch.ts';
import type { Payload } from './fuzz-inputs.ts';
import { procedureEffects } from './fuzz-row-effects.ts';
import { ensureOwnerSession, type FuzzOwner, type FuzzTarget } from './fuzz-target.ts';
import { sendTrpc, trpcCase } from './fuzz-trpc.ts';
import { validInputOf } from './fuzz-valid-inputs.ts';
import type { ProofTask } from './ledger.ts';
import { isObject } from './parse-json.ts';
import type { ProcedureType } from './procedures.ts';

/** Procedures that end the session they are called with: each input gets a session of its own. */
const SESSION_ENDING = new Set(['auth.logout']);
/**
 * Procedures that save against the settings version: sent one at a time, and an input still
 * carrying the version its valid original was built with gets the version current at sending,
 * so near-valid values reach the database instead of all ending in a version conflict.
 */
const VERSIONED = new Set(['settings.saveSection', 'history.restore']);
/** Procedures that end the session the browser had on success: sent without the owner's cookie. */
const WITHOUT_OWNER_COOKIE = new Set(['auth.login']);

/** The payload with `expectedVersion` moved from the version it was built with to `current`. */
const withVersion = (payload: Payload, built: number, current: number): Payload =>
  payload.kind === 'value' && isObject(payload.value) && payload.value.expectedVersion === built
    ? { kind: 'value', value: { ...payload.value, expectedVersion: current } }
    : payload;

const ownSessions = (target: FuzzTarget, count: number) =>
  Promise.all(
    Array.from({ length: count }, async () => {
      const { token } = await createSession(target.server.testDb.db, {
        id: target.owner.ownerId,
        tenantId: target.owner.tenantId,
      });
      return `${SESSION_COOKIE}=${encodeURIComponent(token)}`;
    }),
  );

const cookieFor = (owner: FuzzOwner, path: string) =>
  WITHOUT_OWNER_COOKIE.has(path) ? null : owner.cookie;

/** RUNS generated calls of one procedure, each with the owner's session unless it ends it. */
export const fuzzProcedure = async (
  target: FuzzTarget,
  task: ProofTask,
  path: string,
  type: ProcedureType,
): Promise<BatchResult> => {
  const { owner, server } = target;
  await ensureOwnerSession(owner);
  const { seed, inputs } = sample(trpcCase(await validInputOf(owner, path)), path);
  const cookies = SESSION_ENDING.has(path) ? await ownSessions(target, inputs.length) : null;
  const versioned = VERSIONED.has(path);
  const built = versioned ? (await owner.client.settings.get.query()).version : 0;
  let current = built;
  return runBatch(target, task, {
    check: `fuzz tRPC ${path}`,
    seed,
    inputs,
    send: async (input, index) => {
      const payload = versioned ? withVersion(input.payload, built, current) : input.payload;
      const cookie = cookies?.[index] ?? cookieFor(owner, path);
      const answer = await sendTrpc(server.baseUrl, path, type, { ...input, payload }, cookie);
      if (isObject(answer.data) && typeof answer.data.version === 'number') {
        current = answer.data.version;
      }
      return answer;
    },
    expected: procedureEffects(path, type),
    ...(versioned ? { concurrency: 1 } : {}),
  });
};
