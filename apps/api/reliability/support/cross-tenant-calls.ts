import type { TestServer } from '../../test/support/test-server.ts';
import { type Case, type Ids, MATRIX, type MatrixRow, PASSWORD } from './cross-tenant-matrix.ts';
import type { TenantStudio } from './cross-tenant-studios.ts';
import { formWith, withEmailVerified } from './phone-lifecycle.ts';
import { callProcedure, describeInput, routerProcedures, type WireResult } from './procedures.ts';
import { newSession, storedSettingsVersion } from './studio.ts';

/**
 * Refusals a caller may see for another tenant's ids: never a 2xx with that tenant's data
 * (403: a wrong current password, asked before any account change).
 */
const REFUSALS = [400, 403, 404, 409, 422];

export type Column = 'anonymous' | 'own' | 'foreign';

/** The two studios of the matrix (A the victim, B the attacker) and what A's data holds. */
export interface MatrixSetting {
  server: TestServer;
  victim: TenantStudio;
  attacker: TenantStudio;
  markers: string[];
  /** Runs started by the calls (B's second studio), to wait for before the server closes. */
  laterRuns: string[];
}

/** The input with a `tenantId` added: a key of an object, a field of a form. */
const withTenantId = (input: unknown, tenantId: string) => {
  if (input instanceof FormData) return formWith(input, [['tenantId', tenantId]]);
  return input === undefined ||
    (typeof input === 'object' && input !== null && !Array.isArray(input))
    ? { ...(input as object | undefined), tenantId }
    : input;
};

/** Without a session, owner procedures get the foreign column's inputs and must answer 401. */
const casesOf = (row: MatrixRow, column: Column, a: Ids, b: Ids): Case[] =>
  column === 'own'
    ? row.own(b)
    : column === 'foreign'
      ? row.foreign(a, b)
      : row.access === 'owner'
        ? row.foreign(a, b).map(({ input }) => ({ input, status: 401 }))
        : (row.anonymous?.(a) ?? []);

/** What is wrong with one answer: its status, a refusal, A's data in it, a failed `holds`. */
const problemsOf = (
  {
    column,
    row,
    label,
    sent,
    markers,
  }: {
    column: Column;
    row: MatrixRow;
    label: string;
    sent: string;
    markers: string[];
  },
  { status, holds }: Case,
  result: WireResult,
) => {
  const problems: string[] = [];
  // What the caller sent may come back (an echo); anything else of A's may not.
  const leaked = markers.filter((m) => result.text.includes(m) && !sent.includes(m));
  const expected: readonly number[] = typeof status === 'number' ? [status] : status;
  if (!expected.includes(result.status))
    problems.push(`${label}: ${result.status}, expected ${status}: ${result.text.slice(0, 300)}`);
  if (column === 'anonymous' && row.access === 'owner' && result.error?.message !== 'Please log in')
    problems.push(`${label}: ${result.error?.message}, expected "Please log in"`);
  if (
    column === 'foreign' &&
    row.access === 'owner' &&
    !expected.includes(200) &&
    !REFUSALS.includes(result.status)
  )
    problems.push(`${label}: not refused (${result.status})`);
  if (leaked.length > 0) problems.push(`${label}: response holds A's ${leaked.join(', ')}`);
  if (holds && !holds(result))
    problems.push(`${label}: unexpected answer ${result.text.slice(0, 300)}`);
  return problems;
};

/**
 * Calls every procedure of the router as one column of the matrix says (foreign inputs also
 * carry A's tenant id), with B's session or none; every answer not as expected is a problem.
 */
export const runMatrixColumn = async (setting: MatrixSetting, column: Column) => {
  const { server, victim, attacker, markers, laterRuns } = setting;
  const problems: string[] = [];
  let tries = 0;
  for (const { path, type } of routerProcedures()) {
    const row = MATRIX[path];
    if (!row) {
      problems.push(`${path}: not in the matrix`);
      continue;
    }
    const b = {
      ...attacker,
      version: await storedSettingsVersion(server, attacker.tenantId),
    };
    for (const testCase of casesOf(row, column, victim, b)) {
      tries++;
      const input =
        column === 'own' ? testCase.input : withTenantId(testCase.input, victim.tenantId);
      const cookie =
        column === 'anonymous'
          ? undefined
          : row.consumesSession
            ? await newSession(server.baseUrl, attacker.email, PASSWORD)
            : attacker.jar.header();
      const call = () =>
        callProcedure(
          server.baseUrl,
          path,
          type,
          input,
          { ...(cookie ? { cookie } : {}) },
          { ...(row.streamUntil ? { streamUntil: row.streamUntil } : {}) },
        );
      const result = testCase.emailVerified
        ? await withEmailVerified(server, attacker.ownerId, call)
        : await call();
      const sent = describeInput(input);
      const label = `${column} ${path} ${sent}`;
      problems.push(...problemsOf({ column, row, label, sent, markers }, testCase, result));
      const runId = (result.data as { runId?: string } | undefined)?.runId;
      if (path === 'signup.create' && runId) laterRuns.push(runId);
    }
  }
  return { problems, tries };
};
