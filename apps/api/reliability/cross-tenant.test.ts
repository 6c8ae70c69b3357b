import { randomUUID } from 'node:crypto';
import { inspectTenantIsolation, TENANT_ROLE, tenantTableNames } from '@pilar/provisioning';
import { countTenantRows } from '@pilar/provisioning/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForPhoneStage } from '../test/support/go-live.ts';
import { codeIn, mailTo } from '../test/support/mail.ts';
import {
  startTestServer,
  type TestServer,
  waitForMailsSent,
  waitForRunStatus,
} from '../test/support/test-server.ts';
import {
  bundleCallbackUrl,
  bundleParams,
  forgedSignature,
  isSignatureRefusal,
  postBundleCallback,
} from './support/bundle-callback.ts';
import { type MatrixSetting, runMatrixColumn } from './support/cross-tenant-calls.ts';
import { MATRIX } from './support/cross-tenant-matrix.ts';
import { signUpTenant, type TenantStudio } from './support/cross-tenant-studios.ts';
import { recordProblems, recordProof } from './support/ledger.ts';
import {
  businessForm,
  countPhoneWakeUps,
  pdfFile,
  phoneLifecycleOf,
  waitForPhoneAtRest,
} from './support/phone-lifecycle.ts';
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
    // A's owner confirmed the address and sent the phone's business details, which the
    // sandbox's review rejected (the file's name): A's lifecycle holds A's details and the
    // carrier's ids, and is open to a new submission — one of B's reaching it would pass.
    const welcome = await mailTo(server, victim.email);
    await victim.client.account.verifyEmailCode.mutate({ code: codeIn(welcome) });
    await victim.client.channels.submitPhoneVerification.mutate(
      businessForm(
        {
          businessName: `Aurelia ${secretWord} GmbH`,
          street: `${secretWord}-Allee 3`,
          postalCode: '10117',
          city: `Berlin ${secretWord}`,
          documentType: 'commercial_register_extract',
        },
        pdfFile(`aurelia-reject-${secretWord}.pdf`),
      ),
    );
    await waitForPhoneStage(victim.client, 'rejected');
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
    // B's submission of the matrix goes live in the background: done before the server closes.
    if (attacker) await waitForPhoneAtRest(server, attacker.tenantId).catch(() => {});
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

  it('refuses the carrier’s bundle callback for A unsigned or with a forged signature, waking nothing', async ({
    task,
  }) => {
    const a = victim.tenantId;
    const b = attacker.tenantId;
    const cookie = attacker.jar.header();
    const urlOf = (segment: string) => bundleCallbackUrl(server.baseUrl, segment);
    const params = bundleParams();
    const body = new URLSearchParams(params).toString();
    const attempts: {
      what: string;
      url: string;
      headers: Record<string, string>;
      body?: string;
    }[] = [
      { what: 'A, unsigned, B’s cookie', url: urlOf(a), headers: { cookie } },
      {
        what: 'A, a signature with a guessed key',
        url: urlOf(a),
        headers: { 'x-twilio-signature': forgedSignature(urlOf(a), params) },
      },
      {
        what: 'A, B’s URL’s signature',
        url: urlOf(a),
        headers: { 'x-twilio-signature': forgedSignature(urlOf(b), params) },
      },
      { what: 'A, an empty signature', url: urlOf(a), headers: { 'x-twilio-signature': '' } },
      { what: 'A’s id in capitals', url: urlOf(a.toUpperCase()), headers: { cookie } },
      { what: 'A’s id encoded', url: urlOf(encodeURIComponent(a)), headers: { cookie } },
      {
        what: 'B, naming A in the fields',
        url: urlOf(b),
        headers: { cookie },
        body: new URLSearchParams([...params, ['TenantId', a]]).toString(),
      },
    ];
    const wakeUps = countPhoneWakeUps(server);
    const lifecycleBefore = await phoneLifecycleOf(server, a);
    const wrong: string[] = [];
    try {
      for (const attempt of attempts) {
        const answer = await postBundleCallback(attempt.url, {
          body: attempt.body ?? body,
          headers: attempt.headers,
        });
        if (!isSignatureRefusal(answer))
          wrong.push(`${attempt.what}: ${answer.status} ${answer.text.slice(0, 100)}`);
      }
    } finally {
      wakeUps.stop();
    }
    const lifecycleAfter = await phoneLifecycleOf(server, a);
    if (wakeUps.woken.length > 0) wrong.push(`woke ${wakeUps.woken.join(', ')}`);
    if (JSON.stringify(lifecycleAfter) !== JSON.stringify(lifecycleBefore))
      wrong.push('A’s phone lifecycle changed');
    recordProblems(task, {
      check: 'Cross-tenant: carrier bundle callback for A, unsigned / forged',
      tries: attempts.length,
      ok: '403 each, 0 wake-ups, A’s lifecycle unchanged',
      problems: wrong,
    });
    expect(wrong).toEqual([]);
    expect(lifecycleAfter?.stage).toBe('rejected');
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
    // A's phone as A left it: rejected, A's details, no document kept.
    const phone = (await victim.client.golive.status.query()).items.find(
      (item) => item.id === 'phone',
    );
    expect(phone).toMatchObject({ stage: 'rejected', documentName: null });
    expect(phone?.id === 'phone' && phone.details?.businessName).toMatch(/^Aurelia Geheimwort-/);
    const settings = await victim.client.settings.get.query();
    expect(settings.version).toBe(victim.version);
    expect(settings.studioName).toBe(victim.name);
    expect((await victim.client.auth.me.query())?.tenant.id).toBe(victim.tenantId);
  });
});
