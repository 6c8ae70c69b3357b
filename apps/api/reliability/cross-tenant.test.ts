import { randomUUID } from 'node:crypto';
import { inspectTenantIsolation, TENANT_ROLE, tenantTableNames } from '@pilar/provisioning';
import { countTenantRows } from '@pilar/provisioning/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startTestServer,
  type TestServer,
  waitForMailsSent,
  waitForRunStatus,
} from '../test/support/test-server.ts';
import { type MatrixSetting, runMatrixColumn } from './support/cross-tenant-calls.ts';
import { MATRIX } from './support/cross-tenant-matrix.ts';
import { signUpTenant, type TenantStudio } from './support/cross-tenant-studios.ts';
import { recordProblems, recordProof } from './support/ledger.ts';
import { procedurePaths } from './support/procedures.ts';
import { progressOutcome } from './support/progress-outcome.ts';
import { rowsReachedFromScope } from './support/rls-probe.ts';
import {
  changedRowCount,
  rowCount,
  type Snapshot,
  snapshotTenant,
  tenantTables,
} from './support/row-snapshots.ts';
import { markersOf } from './support/tenant-markers.ts';
import { storedVerifyToken, webhookHandshake } from './support/webhook-handshake.ts';

const PUBLIC_BY_DESIGN = [
  'account.requestPasswordReset',
  'account.resetPassword',
  'account.verifyEmail',
  'auth.login',
  'auth.me',
  'defaults.get',
  'invitation.accept',
  'invitation.get',
  'legal.documents',
  'signup.checkDomain',
  'signup.create',
];

describe('cross-tenant matrix: every procedure × {no session, own input, another tenant’s ids}', () => {
  let server: TestServer;
  let victim: TenantStudio;
  let attacker: TenantStudio;
  let matrix: MatrixSetting;
  let before: Snapshot;
  let countsBefore: Record<string, number>;

  beforeAll(async () => {
    server = await startTestServer();
    [victim, attacker] = await Promise.all([
      signUpTenant(server, {
        name: 'Opferstudio Aurelia',
        email: 'aurelia.opfer@example.com',
        domain: 'aurelia-opfer.example',
      }),
      signUpTenant(server, {
        name: 'Angreiferstudio Bruno',
        email: 'bruno.angreifer@example.com',
        domain: 'bruno-angreifer.example',
      }),
    ]);
    // A's settings move far ahead of B's, so A's version numbers are A's alone.
    const secretWord = `Geheimwort-${randomUUID().slice(0, 8)}`;
    for (let i = 1; i <= 5; i++) {
      const saved = await victim.client.settings.saveSection.mutate({
        section: 'studioRules',
        value: [`Hausregel ${i} nur fuer Aurelia ${secretWord}`],
        expectedVersion: victim.version,
      });
      victim.version = saved.version;
    }
    // Deliveries write their rows: done before A's rows are taken as the reference.
    await waitForMailsSent(server);
    before = await snapshotTenant(server, victim.tenantId);
    countsBefore = await countTenantRows(server.testDb.db, victim.tenantId);
    const markers = await markersOf(server, { victim, attacker }, before, [secretWord]);
    matrix = { server, victim, attacker, markers, laterRuns: [] };
  });

  afterAll(async () => {
    for (const runId of matrix?.laterRuns ?? []) {
      await waitForRunStatus(server, runId, 'ready').catch(() => {});
    }
    await server?.close();
  });

  it('covers exactly the router’s procedures', ({ task }) => {
    const paths = procedurePaths();
    const listed = Object.keys(MATRIX).sort();
    const missing = paths.filter((path) => !listed.includes(path));
    const extra = listed.filter((path) => !paths.includes(path));
    const publicRows = listed.filter((path) => MATRIX[path]?.access === 'public');
    const wrongAccess = publicRows.join() === PUBLIC_BY_DESIGN.join() ? 0 : 1;
    recordProof(task, {
      check: 'Cross-tenant matrix lists every router procedure',
      tries: paths.length,
      outcome: `${listed.length} listed, ${publicRows.length} public by design`,
      lost: missing.length + extra.length + wrongAccess,
    });
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    expect(publicRows).toEqual(PUBLIC_BY_DESIGN);
  });

  it('refuses every owner procedure without a session; public ones tell nothing of A', async ({
    task,
  }) => {
    const { problems, tries } = await runMatrixColumn(matrix, 'anonymous');
    recordProblems(task, {
      check: 'Cross-tenant: every procedure without a session, A’s ids',
      tries,
      ok: '401 / public: 0 of A’s data',
      problems,
    });
    expect(problems).toEqual([]);
  });

  it('answers B’s session with B’s own input and nothing of A', async ({ task }) => {
    const { problems, tries } = await runMatrixColumn(matrix, 'own');
    recordProblems(task, {
      check: 'Cross-tenant: every procedure, B’s session, B’s own input',
      tries,
      ok: 'B’s data only, 0 of A’s',
      problems,
    });
    expect(problems).toEqual([]);
  });

  it('refuses B’s session with A’s ids in the input, over HTTP and SSE', async ({ task }) => {
    const { problems, tries } = await runMatrixColumn(matrix, 'foreign');
    // The typed client's subscription too: the refusal arrives as an error, never as A's events.
    const viaClient = await progressOutcome(attacker.client, victim.runId);
    if (viaClient.events > 0 || viaClient.error !== 'Provisioning run not found')
      problems.push(`client subscription to A's run: ${JSON.stringify(viaClient)}`);
    recordProblems(task, {
      check: 'Cross-tenant: every procedure, B’s session, A’s ids',
      tries: tries + 1,
      ok: 'refused 404/409/422, 0 of A’s data',
      problems,
    });
    expect(problems).toEqual([]);
  });

  it('refuses the WhatsApp webhook handshake for A with a wrong or another tenant’s token', async ({
    task,
  }) => {
    const a = victim.tenantId;
    const b = attacker.tenantId;
    const attempts = [
      { what: 'A, wrong token', result: await webhookHandshake(server, a, 'falsches-token') },
      {
        what: 'A, B’s token',
        result: await webhookHandshake(server, a, await storedVerifyToken(server, b)),
      },
      {
        what: 'B, A’s token',
        result: await webhookHandshake(server, b, await storedVerifyToken(server, a)),
      },
    ];
    const wrong = attempts.filter(({ result }) => result.status !== 403 || result.text === '4711');
    const own = await webhookHandshake(server, a, await storedVerifyToken(server, a));
    recordProof(task, {
      check: 'Cross-tenant: webhook handshake with a foreign token',
      tries: attempts.length,
      outcome: wrong.length === 0 ? '403 each, own token 200' : `${wrong.length} accepted`,
      lost: wrong.length,
    });
    expect(attempts.map(({ what, result }) => [what, result.status])).toEqual(
      attempts.map(({ what }) => [what, 403]),
    );
    expect(own).toEqual({ status: 200, text: '4711' });
  });

  it('has row-level security enabled and forced with a policy on every tenant table', async ({
    task,
  }) => {
    const { tables, tenantRole } = await inspectTenantIsolation(server.testDb.db);
    const unsafe = tables.filter((t) => !t.enabled || !t.forced || t.policies < 1);
    const roleBypasses = tenantRole.role !== TENANT_ROLE || tenantRole.bypasses;
    recordProof(task, {
      check: 'RLS catalog: tenant tables enabled + forced + policy',
      tries: tables.length,
      outcome:
        unsafe.length === 0 && !roleBypasses
          ? `all forced, ${TENANT_ROLE} without bypass`
          : `${unsafe.map((t) => t.name).join(', ') || 'role'} unsafe`,
      lost: unsafe.length + (roleBypasses ? 1 : 0),
    });
    expect(tables.map((t) => t.name)).toEqual(tenantTableNames());
    expect(tables.map((t) => t.name)).toEqual(tenantTables().map((t) => t.name));
    expect(unsafe).toEqual([]);
    expect(tenantRole).toEqual({ role: TENANT_ROLE, bypasses: false });
  });

  it('lets B’s database scope neither see nor update a single row of A', async ({ task }) => {
    const seen = await rowsReachedFromScope(server, attacker.tenantId, victim.tenantId);
    const visible = Object.values(seen).reduce((sum, n) => sum + n, 0);
    recordProof(task, {
      check: 'RLS probe: B’s scope reads/updates A’s rows',
      tries: Object.keys(seen).length * 2,
      outcome: `${visible} rows seen or updated`,
      lost: visible,
    });
    expect(seen).toEqual(Object.fromEntries(Object.keys(seen).map((name) => [name, 0])));
  });

  it('leaves every row of A unchanged', async ({ task }) => {
    const after = await snapshotTenant(server, victim.tenantId);
    const rows = rowCount(before);
    const changed = changedRowCount(before, after);
    recordProof(task, {
      check: 'Cross-tenant: A’s rows after the whole matrix',
      tries: rows,
      outcome: changed === 0 ? `${rows} rows unchanged` : `${changed} rows changed`,
      lost: changed,
    });
    expect(await countTenantRows(server.testDb.db, victim.tenantId)).toEqual(countsBefore);
    expect(after).toEqual(before);
    const settings = await victim.client.settings.get.query();
    expect(settings.version).toBe(victim.version);
    expect(settings.studioName).toBe(victim.name);
    expect((await victim.client.auth.me.query())?.tenant.id).toBe(victim.tenantId);
  });
});
