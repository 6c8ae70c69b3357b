import { randomUUID } from 'node:crypto';
import {
  inspectTenantIsolation,
  revealChannelSecrets,
  schema,
  TENANT_ROLE,
  tenantScope,
  tenantTableNames,
} from '@pilar/provisioning';
import { countTenantRows } from '@pilar/provisioning/testing';
import { eq, is, sql } from 'drizzle-orm';
import { getTableConfig, type PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, waitForRunStatus } from '../test/support/test-server.ts';
import { type CookieJar, createTestClient, type TestClient } from '../test/support/trpc-client.ts';
import { recordProof } from './support/ledger.ts';
import {
  callProcedure,
  procedurePaths,
  routerProcedures,
  type WireResult,
} from './support/procedures.ts';

const PASSWORD = 'SicheresPasswort!';
const PUBLIC_BY_DESIGN = [
  'auth.login',
  'auth.me',
  'defaults.get',
  'signup.checkDomain',
  'signup.create',
];
/** Refusals a caller may see for another tenant's ids: never a 2xx with that tenant's data. */
const REFUSALS = [400, 404, 409, 422];

/** What a call may name: one studio's identifiers (A's for an attack, B's for its own use). */
interface Ids {
  tenantId: string;
  runId: string;
  phoneId: string;
  whatsappId: string;
  version: number;
  email: string;
  domain: string;
  idempotencyKey: string;
}

interface Case {
  input: unknown;
  status: number;
  /** A further check of what came back (e.g. that it is B's own data). */
  holds?: (result: WireResult) => boolean;
}

interface MatrixRow {
  access: 'owner' | 'public';
  /** Ends or replaces the session it is sent with: runs on a throwaway session of B. */
  consumesSession?: boolean;
  /** Public procedures: calls without any session, naming A. */
  anonymous?: (a: Ids) => Case[];
  /** B's session with B's own or neutral input. */
  own: (b: Ids) => Case[];
  /** B's session with A's identifiers in the input (A's tenant id is added to every input). */
  foreign: (a: Ids, b: Ids) => Case[];
}

const dataOf = <T>(result: WireResult) => (result.data ?? {}) as Partial<T>;

const signupAttempts = (a: Ids): Case[] => [
  // A's e-mail, A's domain, A's idempotency key with another body: refused, nothing of A told.
  { input: { studioName: 'Nachahmer', ownerEmail: a.email, password: PASSWORD }, status: 409 },
  {
    input: {
      studioName: 'Nachahmer',
      ownerEmail: 'nachahmer@example.com',
      password: PASSWORD,
      domain: a.domain,
    },
    status: 409,
  },
  {
    input: {
      studioName: 'Nachahmer',
      ownerEmail: 'nachahmer@example.com',
      password: PASSWORD,
      idempotencyKey: a.idempotencyKey,
    },
    status: 422,
  },
];

const domainCheck = (a: Ids): Case[] => [
  {
    input: { domain: a.domain },
    status: 200,
    holds: (r) => JSON.stringify(r.data) === JSON.stringify({ domain: a.domain, available: false }),
  },
];

/**
 * Every procedure of the router and how to call it: with B's own ids, and with A's. Owner
 * procedures are also called without a session (with A's ids), expecting 401 each time.
 */
const MATRIX: Record<string, MatrixRow> = {
  'auth.login': {
    access: 'public',
    consumesSession: true,
    anonymous: (a) => [{ input: { email: a.email, password: 'Falsch-geraten-1' }, status: 401 }],
    own: (b) => [
      {
        input: { email: b.email, password: PASSWORD },
        status: 200,
        holds: (r) => dataOf<{ tenantId: string }>(r).tenantId === b.tenantId,
      },
    ],
    foreign: (a) => [{ input: { email: a.email, password: 'Falsch-geraten-2' }, status: 401 }],
  },
  'auth.logout': {
    access: 'owner',
    consumesSession: true,
    own: () => [{ input: undefined, status: 200 }],
    // Ends only the caller's own session: A's sessions are compared after the matrix.
    foreign: () => [{ input: {}, status: 200 }],
  },
  'auth.me': {
    access: 'public',
    anonymous: () => [{ input: undefined, status: 200, holds: (r) => r.data === null }],
    own: (b) => [
      {
        input: undefined,
        status: 200,
        holds: (r) => dataOf<{ tenant: { id: string } }>(r).tenant?.id === b.tenantId,
      },
    ],
    foreign: (_a, b) => [
      {
        input: {},
        status: 200,
        holds: (r) => dataOf<{ tenant: { id: string } }>(r).tenant?.id === b.tenantId,
      },
    ],
  },
  'channels.list': {
    access: 'owner',
    own: (b) => [{ input: undefined, status: 200, holds: webhookOf(b) }],
    foreign: (_a, b) => [{ input: {}, status: 200, holds: webhookOf(b) }],
  },
  'channels.revealSecret': {
    access: 'owner',
    own: (b) => [
      { input: { kind: 'sipPassword', channelId: b.phoneId }, status: 200 },
      { input: { kind: 'whatsappVerifyToken', channelId: b.whatsappId }, status: 200 },
    ],
    foreign: (a) => [
      { input: { kind: 'sipPassword', channelId: a.phoneId }, status: 404 },
      { input: { kind: 'whatsappVerifyToken', channelId: a.whatsappId }, status: 404 },
      { input: { kind: 'sipPassword', channelId: a.whatsappId }, status: 404 },
      { input: { kind: 'whatsappVerifyToken', channelId: a.phoneId }, status: 404 },
      { input: { kind: 'sipPassword', channelId: a.tenantId }, status: 404 },
    ],
  },
  'channels.testWebhook': {
    access: 'owner',
    own: (b) => [
      {
        input: { channelId: b.whatsappId },
        status: 200,
        holds: (r) => dataOf<{ ok: boolean }>(r).ok === true,
      },
    ],
    foreign: (a) => [
      { input: { channelId: a.whatsappId }, status: 404 },
      { input: { channelId: a.phoneId }, status: 404 },
    ],
  },
  'defaults.get': {
    access: 'public',
    anonymous: () => [{ input: undefined, status: 200 }],
    own: () => [{ input: undefined, status: 200 }],
    foreign: () => [{ input: {}, status: 200 }],
  },
  'history.list': {
    access: 'owner',
    own: () => [{ input: undefined, status: 200 }],
    foreign: () => [{ input: {}, status: 200 }],
  },
  'history.restore': {
    access: 'owner',
    own: (b) => [{ input: { version: 1, expectedVersion: b.version }, status: 200 }],
    // Versions only A has (B stays far below them), against A's current version.
    foreign: (a) => [
      { input: { version: a.version, expectedVersion: a.version }, status: 404 },
      { input: { version: a.version - 1, expectedVersion: a.version }, status: 404 },
    ],
  },
  'provisioning.onProgress': {
    access: 'owner',
    own: (b) => [
      {
        input: { runId: b.runId },
        status: 200,
        holds: (r) =>
          !r.timedOut && (r.events ?? []).some((e) => e.data.includes('"type":"run.ready"')),
      },
    ],
    foreign: (a) => [
      { input: { runId: a.runId }, status: 404, holds: (r) => (r.events ?? []).length === 0 },
      {
        input: { runId: a.runId, lastEventId: '0' },
        status: 404,
        holds: (r) => (r.events ?? []).length === 0,
      },
    ],
  },
  'provisioning.retry': {
    access: 'owner',
    // B's run is ready: not retryable, but found.
    own: (b) => [{ input: { runId: b.runId }, status: 409 }],
    foreign: (a) => [{ input: { runId: a.runId }, status: 404 }],
  },
  'provisioning.status': {
    access: 'owner',
    own: (b) => [
      {
        input: { runId: b.runId },
        status: 200,
        holds: (r) => dataOf<{ tenantId: string }>(r).tenantId === b.tenantId,
      },
    ],
    foreign: (a) => [{ input: { runId: a.runId }, status: 404 }],
  },
  'settings.federalStates': {
    access: 'owner',
    own: () => [{ input: undefined, status: 200 }],
    foreign: () => [{ input: {}, status: 200 }],
  },
  'settings.get': {
    access: 'owner',
    own: (b) => [{ input: undefined, status: 200, holds: versionOf(b) }],
    foreign: (_a, b) => [{ input: {}, status: 200, holds: versionOf(b) }],
  },
  'settings.holidays': {
    access: 'owner',
    own: () => [{ input: { state: 'BE', year: 2026 }, status: 200 }],
    foreign: () => [{ input: { state: 'BE', year: 2026 }, status: 200 }],
  },
  'settings.saveSection': {
    access: 'owner',
    own: (b) => [
      {
        input: { section: 'studioRules', value: ['Regel von B'], expectedVersion: b.version },
        status: 200,
      },
    ],
    foreign: (a) => [
      {
        input: { section: 'studioRules', value: ['Übernommen'], expectedVersion: a.version },
        status: 409,
      },
    ],
  },
  'signup.checkDomain': {
    access: 'public',
    anonymous: domainCheck,
    own: () => [
      {
        input: { domain: 'frei-fuer-bruno.example' },
        status: 200,
        holds: (r) => dataOf<{ available: boolean }>(r).available === true,
      },
    ],
    foreign: domainCheck,
  },
  'signup.create': {
    access: 'public',
    anonymous: signupAttempts,
    own: () => [
      {
        input: {
          studioName: 'Zweitstudio von Bruno',
          ownerEmail: 'bruno.zweit@example.com',
          password: PASSWORD,
        },
        status: 200,
      },
    ],
    foreign: signupAttempts,
  },
};

function webhookOf(b: Ids) {
  return (r: WireResult) =>
    dataOf<{ webhookUrl: string }>(r).webhookUrl?.endsWith(`/webhooks/whatsapp/${b.tenantId}`) ===
    true;
}

function versionOf(b: Ids) {
  return (r: WireResult) => dataOf<{ version: number }>(r).version === b.version;
}

interface Studio {
  client: TestClient;
  jar: CookieJar;
  name: string;
  ownerId: string;
  ids: Ids;
}

const signUp = async (
  server: TestServer,
  studio: { name: string; email: string; domain: string },
): Promise<Studio> => {
  const { client, jar } = createTestClient(server.baseUrl);
  const idempotencyKey = randomUUID();
  const created = await client.signup.create.mutate({
    studioName: studio.name,
    ownerEmail: studio.email,
    password: PASSWORD,
    domain: studio.domain,
    idempotencyKey,
  });
  await waitForRunStatus(server, created.runId, 'ready');
  const channels = await client.channels.list.query();
  const { version } = await client.settings.get.query();
  return {
    client,
    jar,
    name: studio.name,
    ownerId: created.ownerId,
    ids: {
      tenantId: created.tenantId,
      runId: created.runId,
      phoneId: channels.phoneNumbers[0]?.id ?? '',
      whatsappId: channels.whatsappChannels[0]?.id ?? '',
      version,
      email: studio.email,
      domain: studio.domain,
      idempotencyKey,
    },
  };
};

/** Every table holding tenant data, with the column that names the tenant. */
const tenantTables = () =>
  (Object.values(schema) as unknown[])
    .filter((value): value is PgTable => is(value, PgTable))
    .flatMap((table) => {
      const config = getTableConfig(table);
      const column = config.columns.find(
        (c) => c.name === (config.name === 'tenants' ? 'id' : 'tenant_id'),
      );
      return column ? [{ name: config.name, table, column: column as PgColumn }] : [];
    })
    .sort((a, b) => a.name.localeCompare(b.name));

/** All of one tenant's rows, table by table, as sorted JSON: any write shows as a difference. */
const snapshotOf = async (server: TestServer, tenantId: string) => {
  const snapshot: Record<string, string[]> = {};
  for (const { name, table, column } of tenantTables()) {
    const rows = await server.testDb.db.select().from(table).where(eq(column, tenantId));
    snapshot[name] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return snapshot;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T/;

const leavesOf = (value: unknown): string[] => {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(leavesOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(leavesOf);
  return [];
};

const sessionCookieOf = (response: Response) => {
  const line = response.headers.getSetCookie().find((l) => l.startsWith('pilar_session='));
  return line?.split(';')[0] ?? '';
};

const withTenantId = (input: unknown, tenantId: string) =>
  input === undefined || (typeof input === 'object' && input !== null && !Array.isArray(input))
    ? { ...(input as object | undefined), tenantId }
    : input;

describe('cross-tenant matrix: every procedure × {no session, own input, another tenant’s ids}', () => {
  let server: TestServer;
  let victim: Studio;
  let attacker: Studio;
  /** Strings only A's data holds: none may reach B or an anonymous caller. */
  let markers: string[];
  let before: Record<string, string[]>;
  let countsBefore: Record<string, number>;
  const laterRuns: string[] = [];

  const attackerCookie = () => attacker.jar.header();
  const freshAttackerSession = async () => {
    const response = await fetch(`${server.baseUrl}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: attacker.ids.email, password: PASSWORD }),
    });
    expect(response.status).toBe(200);
    return sessionCookieOf(response);
  };
  const attackerIds = async (): Promise<Ids> => {
    const [settings] = await server.testDb.db
      .select({ version: schema.tenantSettings.version })
      .from(schema.tenantSettings)
      .where(eq(schema.tenantSettings.tenantId, attacker.ids.tenantId));
    return { ...attacker.ids, version: settings?.version ?? 0 };
  };

  beforeAll(async () => {
    server = await startTestServer();
    [victim, attacker] = await Promise.all([
      signUp(server, {
        name: 'Opferstudio Aurelia',
        email: 'aurelia.opfer@example.com',
        domain: 'aurelia-opfer.example',
      }),
      signUp(server, {
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
        expectedVersion: victim.ids.version,
      });
      victim.ids.version = saved.version;
    }

    const db = server.testDb.db;
    const keyring = server.deps.services.keyring;
    const secrets = await revealChannelSecrets(db, keyring, victim.ids.tenantId);
    const attackerSecrets = await revealChannelSecrets(db, keyring, attacker.ids.tenantId);
    before = await snapshotOf(server, victim.ids.tenantId);
    countsBefore = await countTenantRows(db, victim.ids.tenantId);
    const channelLeaves = async (tenantId: string) =>
      [
        ...(await db
          .select()
          .from(schema.phoneNumbers)
          .where(eq(schema.phoneNumbers.tenantId, tenantId))),
        ...(await db
          .select()
          .from(schema.whatsAppChannels)
          .where(eq(schema.whatsAppChannels.tenantId, tenantId))),
      ].flatMap((row) => leavesOf(row));
    const attackerLeaves = new Set([
      ...(await channelLeaves(attacker.ids.tenantId)),
      ...leavesOf(attackerSecrets),
    ]);
    const uuids = Object.values(before)
      .flat()
      .flatMap((row) => leavesOf(JSON.parse(row)))
      .filter((value) => UUID.test(value));
    markers = [
      ...new Set([
        victim.ids.tenantId,
        victim.ids.runId,
        victim.ids.phoneId,
        victim.ids.whatsappId,
        victim.ids.email,
        victim.ids.domain,
        victim.ids.idempotencyKey,
        victim.name,
        victim.ownerId,
        secretWord,
        decodeURIComponent(victim.jar.cookies.get('pilar_session') ?? ''),
        ...uuids,
        ...leavesOf(secrets),
        ...(await channelLeaves(victim.ids.tenantId)),
      ]),
    ].filter((m) => m.length >= 8 && !ISO_DATE.test(m) && !attackerLeaves.has(m));
  });

  afterAll(async () => {
    for (const runId of laterRuns) await waitForRunStatus(server, runId, 'ready').catch(() => {});
    await server?.close();
  });

  /** Runs one column of the matrix; every call that was not refused as expected is a problem. */
  const runColumn = async (column: 'anonymous' | 'own' | 'foreign') => {
    const problems: string[] = [];
    let tries = 0;
    for (const { path, type } of routerProcedures()) {
      const row = MATRIX[path];
      if (!row) {
        problems.push(`${path}: not in the matrix`);
        continue;
      }
      const b = await attackerIds();
      const cases: Case[] =
        column === 'own'
          ? row.own(b)
          : column === 'foreign'
            ? row.foreign(victim.ids, b)
            : row.access === 'owner'
              ? row.foreign(victim.ids, b).map(({ input }) => ({ input, status: 401 }))
              : (row.anonymous?.(victim.ids) ?? []);
      for (const { input: base, status, holds } of cases) {
        tries++;
        const input = column === 'own' ? base : withTenantId(base, victim.ids.tenantId);
        const cookie =
          column === 'anonymous'
            ? undefined
            : row.consumesSession
              ? await freshAttackerSession()
              : attackerCookie();
        const result = await callProcedure(server.baseUrl, path, type, input, {
          ...(cookie ? { cookie } : {}),
        });
        const sent = JSON.stringify(input) ?? '';
        // What the caller sent may come back (an echo); anything else of A's may not.
        const leaked = markers.filter((m) => result.text.includes(m) && !sent.includes(m));
        const label = `${column} ${path} ${sent}`;
        if (result.status !== status)
          problems.push(
            `${label}: ${result.status}, expected ${status}: ${result.text.slice(0, 300)}`,
          );
        if (
          column === 'anonymous' &&
          row.access === 'owner' &&
          result.error?.message !== 'Please log in'
        )
          problems.push(`${label}: ${result.error?.message}, expected "Please log in"`);
        if (
          column === 'foreign' &&
          row.access === 'owner' &&
          status !== 200 &&
          !REFUSALS.includes(result.status)
        )
          problems.push(`${label}: not refused (${result.status})`);
        if (leaked.length > 0) problems.push(`${label}: response holds A's ${leaked.join(', ')}`);
        if (holds && !holds(result))
          problems.push(`${label}: unexpected answer ${result.text.slice(0, 300)}`);
        const runId = (result.data as { runId?: string } | undefined)?.runId;
        if (path === 'signup.create' && runId) laterRuns.push(runId);
      }
    }
    return { problems, tries };
  };

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
    const { problems, tries } = await runColumn('anonymous');
    recordProof(task, {
      check: 'Cross-tenant: every procedure without a session, A’s ids',
      tries,
      outcome: problems.length === 0 ? '401 / public: 0 of A’s data' : `${problems.length} wrong`,
      lost: problems.length,
    });
    expect(problems).toEqual([]);
  });

  it('answers B’s session with B’s own input and nothing of A', async ({ task }) => {
    const { problems, tries } = await runColumn('own');
    recordProof(task, {
      check: 'Cross-tenant: every procedure, B’s session, B’s own input',
      tries,
      outcome: problems.length === 0 ? 'B’s data only, 0 of A’s' : `${problems.length} wrong`,
      lost: problems.length,
    });
    expect(problems).toEqual([]);
  });

  it('refuses B’s session with A’s ids in the input, over HTTP and SSE', async ({ task }) => {
    const { problems, tries } = await runColumn('foreign');
    // The typed client's subscription too: the refusal arrives as an error, never as A's events.
    const viaClient = await new Promise<{ events: number; error?: string }>((resolve) => {
      let events = 0;
      const finish = (error?: string) => {
        clearTimeout(timer);
        subscription.unsubscribe();
        resolve({ events, error });
      };
      const timer = setTimeout(() => finish('no answer within 5 s'), 5_000);
      const subscription = attacker.client.provisioning.onProgress.subscribe(
        { runId: victim.ids.runId },
        {
          onData: () => {
            events++;
          },
          onError: (error) => finish(error.message),
          onComplete: () => finish(),
        },
      );
    });
    if (viaClient.events > 0 || viaClient.error !== 'Provisioning run not found')
      problems.push(`client subscription to A's run: ${JSON.stringify(viaClient)}`);
    recordProof(task, {
      check: 'Cross-tenant: every procedure, B’s session, A’s ids',
      tries: tries + 1,
      outcome:
        problems.length === 0 ? 'refused 404/409/422, 0 of A’s data' : `${problems.length} wrong`,
      lost: problems.length,
    });
    expect(problems).toEqual([]);
  });

  it('refuses the WhatsApp webhook handshake for A with a wrong or another tenant’s token', async ({
    task,
  }) => {
    const keyring = server.deps.services.keyring;
    const db = server.testDb.db;
    const tokenOf = async (tenantId: string) =>
      (await revealChannelSecrets(db, keyring, tenantId)).whatsApp[0]?.webhookVerifyToken ?? '';
    const handshake = async (tenantId: string, token: string) => {
      const response = await fetch(
        `${server.baseUrl}/webhooks/whatsapp/${tenantId}?hub.mode=subscribe&hub.verify_token=${encodeURIComponent(token)}&hub.challenge=4711`,
      );
      return { status: response.status, text: await response.text() };
    };
    const a = victim.ids.tenantId;
    const b = attacker.ids.tenantId;
    const attempts = [
      { what: 'A, wrong token', result: await handshake(a, 'falsches-token') },
      { what: 'A, B’s token', result: await handshake(a, await tokenOf(b)) },
      { what: 'B, A’s token', result: await handshake(b, await tokenOf(a)) },
    ];
    const wrong = attempts.filter(({ result }) => result.status !== 403 || result.text === '4711');
    const own = await handshake(a, await tokenOf(a));
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
    const db = server.testDb.db;
    const inB = tenantScope(db, attacker.ids.tenantId);
    const seen: Record<string, number> = {};
    for (const { name, column } of tenantTables()) {
      const col = sql.identifier(column.name);
      const table = sql.identifier(name);
      const a = victim.ids.tenantId;
      const read = await inB((tx) =>
        tx.execute<{ n: number }>(sql`select count(*)::int as n from ${table} where ${col} = ${a}`),
      );
      const updated = await inB((tx) =>
        tx.execute(sql`update ${table} set ${col} = ${col} where ${col} = ${a} returning 1`),
      );
      seen[name] = (read[0]?.n ?? 0) + updated.length;
    }
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
    const after = await snapshotOf(server, victim.ids.tenantId);
    const rows = Object.values(before).reduce((sum, list) => sum + list.length, 0);
    const changed = Object.keys({ ...before, ...after }).reduce((sum, name) => {
      const was = new Set(before[name] ?? []);
      const now = new Set(after[name] ?? []);
      return (
        sum +
        [...was].filter((r) => !now.has(r)).length +
        [...now].filter((r) => !was.has(r)).length
      );
    }, 0);
    recordProof(task, {
      check: 'Cross-tenant: A’s rows after the whole matrix',
      tries: rows,
      outcome: changed === 0 ? `${rows} rows unchanged` : `${changed} rows changed`,
      lost: changed,
    });
    expect(await countTenantRows(server.testDb.db, victim.ids.tenantId)).toEqual(countsBefore);
    expect(after).toEqual(before);
    const settings = await victim.client.settings.get.query();
    expect(settings.version).toBe(victim.ids.version);
    expect(settings.studioName).toBe(victim.name);
    expect((await victim.client.auth.me.query())?.tenant.id).toBe(victim.ids.tenantId);
  });
});
