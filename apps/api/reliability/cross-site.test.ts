import { schema } from '@pilar/provisioning';
import { countAll } from '@pilar/provisioning/testing';
import { eq, is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, waitForRunStatus } from '../test/support/test-server.ts';
import { type CookieJar, createTestClient, type TestClient } from '../test/support/trpc-client.ts';
import { recordProof } from './support/ledger.ts';
import { mutationPaths } from './support/procedures.ts';

const PASSWORD = 'SicheresPasswort!';
const EVIL = 'https://evil.example';

interface Owner {
  client: TestClient;
  jar: CookieJar;
  email: string;
  tenantId: string;
  runId: string;
  phoneId: string;
  whatsappId: string;
  version: number;
}

/** A well-formed input for every mutation of the router, as the web app would send it. */
const PAYLOADS: Record<string, (owner: Owner) => Record<string, unknown>> = {
  'auth.login': (owner) => ({ email: owner.email, password: PASSWORD }),
  'auth.logout': () => ({}),
  'channels.revealSecret': (owner) => ({ kind: 'sipPassword', channelId: owner.phoneId }),
  'channels.testWebhook': (owner) => ({ channelId: owner.whatsappId }),
  'history.restore': (owner) => ({ version: 1, expectedVersion: owner.version }),
  'provisioning.retry': (owner) => ({ runId: owner.runId }),
  'settings.saveSection': (owner) => ({
    section: 'studioRules',
    value: ['Von fremder Seite eingeschleust'],
    expectedVersion: owner.version,
  }),
  'signup.create': () => ({
    studioName: 'Fremdes Studio',
    ownerEmail: 'csrf-opfer@example.com',
    password: PASSWORD,
  }),
};

const REST_PAYLOAD = {
  studioName: 'Fremdes Studio',
  ownerEmail: 'csrf-rest@example.com',
  password: PASSWORD,
};

const BOUNDARY = '----pilar-csrf-boundary';

const fieldValue = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** The bodies a foreign page can make a browser send without a CORS preflight. */
const BODIES = {
  form: {
    contentType: 'application/x-www-form-urlencoded',
    body: (payload: Record<string, unknown>) =>
      new URLSearchParams(
        Object.entries(payload).map(([key, value]): [string, string] => [key, fieldValue(value)]),
      ).toString(),
  },
  // <form enctype="text/plain"> with a field named like JSON: the body is the JSON itself.
  text: {
    contentType: 'text/plain',
    body: (payload: Record<string, unknown>) => JSON.stringify(payload),
  },
  multipart: {
    contentType: `multipart/form-data; boundary=${BOUNDARY}`,
    body: (payload: Record<string, unknown>) =>
      `${Object.entries(payload)
        .map(
          ([key, value]) =>
            `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${key}"\r\n\r\n${fieldValue(value)}\r\n`,
        )
        .join('')}--${BOUNDARY}--\r\n`,
  },
  // Not sendable cross-site without a preflight, but refused all the same.
  json: {
    contentType: 'application/json',
    body: (payload: Record<string, unknown>) => JSON.stringify(payload),
  },
  disguised: {
    contentType: 'text/plain; charset=application/json',
    body: (payload: Record<string, unknown>) => JSON.stringify(payload),
  },
} as const;

const FORM_KINDS = ['form', 'text', 'multipart'] as const;

/** Every row of every table of the schema, as sorted JSON: any write at all shows. */
const snapshotAll = async (server: TestServer) => {
  const snapshot: Record<string, string[]> = {};
  for (const table of (Object.values(schema) as unknown[]).filter((value): value is PgTable =>
    is(value, PgTable),
  )) {
    const rows = await server.testDb.db.select().from(table);
    snapshot[getTableConfig(table).name] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return snapshot;
};

describe('cross-site: every mutation as a form or text post from a foreign origin', () => {
  let server: TestServer;
  let owner: Owner;
  let foreignOrigins: string[];

  const currentOwner = async (): Promise<Owner> => {
    const [settings] = await server.testDb.db
      .select({ version: schema.tenantSettings.version })
      .from(schema.tenantSettings)
      .where(eq(schema.tenantSettings.tenantId, owner.tenantId));
    return { ...owner, version: settings?.version ?? 0 };
  };

  const settingsVersion = async () => (await currentOwner()).version;

  const post = async (
    url: string,
    contentType: string,
    body: string,
    headers: Record<string, string>,
  ) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': contentType, cookie: owner.jar.header(), ...headers },
      body,
    });
    return { status: response.status, text: await response.text(), response };
  };

  beforeAll(async () => {
    server = await startTestServer();
    const { port } = new URL(server.baseUrl);
    // Another site, a sandboxed frame or file (`null`), and this very host over another scheme.
    foreignOrigins = [EVIL, 'null', `https://127.0.0.1:${port}`];
    const { client, jar } = createTestClient(server.baseUrl);
    const email = 'csrf-owner@example.com';
    const created = await client.signup.create.mutate({
      studioName: 'Studio Gegen Fremde Formulare',
      ownerEmail: email,
      password: PASSWORD,
    });
    await waitForRunStatus(server, created.runId, 'ready');
    const channels = await client.channels.list.query();
    owner = {
      client,
      jar,
      email,
      tenantId: created.tenantId,
      runId: created.runId,
      phoneId: channels.phoneNumbers[0]?.id ?? '',
      whatsappId: channels.whatsappChannels[0]?.id ?? '',
      version: (await client.settings.get.query()).version,
    };
  });

  afterAll(async () => {
    await server?.close();
  });

  it('lists a payload for exactly the router’s mutations', () => {
    expect(Object.keys(PAYLOADS).sort()).toEqual(mutationPaths());
  });

  it('refuses every tRPC mutation sent cross-site with the owner’s cookie, writing nothing', async ({
    task,
  }) => {
    const problems: string[] = [];
    let tries = 0;
    const before = await snapshotAll(server);
    const versionBefore = await settingsVersion();
    for (const path of mutationPaths()) {
      const payload = PAYLOADS[path]?.(await currentOwner()) ?? {};
      const counts = await countAll(server.testDb.db);
      const url = `${server.baseUrl}/trpc/${path}`;
      const attempts = [
        ...foreignOrigins.flatMap((origin) =>
          (['form', 'text', 'multipart', 'json'] as const).map((kind) => ({
            kind,
            origin: origin as string | null,
            status: 403,
            error: `Cross-site request from ${origin} refused`,
          })),
        ),
        ...([...FORM_KINDS, 'disguised'] as const).map((kind) => ({
          kind,
          origin: null as string | null,
          status: 400,
          error: 'Content-Type must be application/json',
        })),
      ];
      for (const { kind, origin, status, error } of attempts) {
        tries++;
        const { contentType, body } = BODIES[kind];
        const result = await post(url, contentType, body(payload), origin ? { origin } : {});
        const expected = JSON.stringify({ success: false, error });
        if (result.status !== status || result.text !== expected) {
          problems.push(`${path} ${kind} from ${origin}: ${result.status} ${result.text}`);
        }
        if (result.response.headers.getSetCookie().length > 0) {
          problems.push(`${path} ${kind} from ${origin}: set a cookie`);
        }
      }
      // A mutation is never run over GET (a link or an <img> must not change anything).
      tries++;
      const viaGet = await fetch(`${url}?input=${encodeURIComponent(JSON.stringify(payload))}`, {
        headers: { cookie: owner.jar.header(), origin: EVIL },
      });
      if (viaGet.status !== 405) problems.push(`${path} over GET: ${viaGet.status}`);
      const countsAfter = await countAll(server.testDb.db);
      if (JSON.stringify(countsAfter) !== JSON.stringify(counts)) {
        problems.push(
          `${path}: rows changed ${JSON.stringify(counts)} → ${JSON.stringify(countsAfter)}`,
        );
      }
    }
    const after = await snapshotAll(server);
    const changedTables = Object.keys(before).filter(
      (name) => JSON.stringify(before[name]) !== JSON.stringify(after[name]),
    );
    if (changedTables.length > 0) problems.push(`rows changed in ${changedTables.join(', ')}`);
    if ((await settingsVersion()) !== versionBefore) problems.push('settings version changed');
    const me = await owner.client.auth.me.query();
    if (me?.tenant.id !== owner.tenantId) problems.push('the owner’s session did not survive');
    recordProof(task, {
      check: `Cross-site: ${mutationPaths().length} tRPC mutations × form/text/multipart, session`,
      tries,
      outcome:
        problems.length === 0
          ? '403 / 400 w/o Origin / 405 GET, 0 rows'
          : `${problems.length} wrong`,
      lost: problems.length,
    });
    expect(problems).toEqual([]);
    expect(after).toEqual(before);
  });

  it('refuses the REST signup sent cross-site, writing nothing', async ({ task }) => {
    const problems: string[] = [];
    let tries = 0;
    const url = `${server.baseUrl}/api/tenant/create`;
    const before = await snapshotAll(server);
    const counts = await countAll(server.testDb.db);
    for (const origin of foreignOrigins) {
      for (const kind of ['form', 'text', 'multipart', 'json'] as const) {
        tries++;
        const { contentType, body } = BODIES[kind];
        const result = await post(url, contentType, body(REST_PAYLOAD), { origin });
        const expected = { success: false, error: `Cross-site request from ${origin} refused` };
        if (result.status !== 403 || result.text !== JSON.stringify(expected)) {
          problems.push(`REST ${kind} from ${origin}: ${result.status} ${result.text}`);
        }
      }
    }
    for (const kind of [...FORM_KINDS, 'disguised'] as const) {
      tries++;
      const { contentType, body } = BODIES[kind];
      const result = await post(url, contentType, body(REST_PAYLOAD), {});
      const expected = { success: false, error: 'Content-Type must be application/json' };
      if (result.status !== 400 || result.text !== JSON.stringify(expected)) {
        problems.push(`REST ${kind} without Origin: ${result.status} ${result.text}`);
      }
    }
    const countsAfter = await countAll(server.testDb.db);
    if (JSON.stringify(countsAfter) !== JSON.stringify(counts)) problems.push('rows changed');
    const after = await snapshotAll(server);
    recordProof(task, {
      check: 'Cross-site: REST POST /api/tenant/create × form/text/multipart',
      tries,
      outcome: problems.length === 0 ? '403 / 400 w/o Origin, 0 rows' : `${problems.length} wrong`,
      lost: problems.length,
    });
    expect(problems).toEqual([]);
    expect(after).toEqual(before);
  });

  it('grants no CORS to a foreign origin, so a foreign page cannot read answers either', async () => {
    const preflight = await fetch(`${server.baseUrl}/trpc/settings.saveSection`, {
      method: 'OPTIONS',
      headers: {
        origin: EVIL,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const read = await fetch(`${server.baseUrl}/trpc/settings.get`, {
      headers: { origin: EVIL, cookie: owner.jar.header() },
    });
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
    expect(read.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('accepts the very same payloads as JSON from its own origin (the refusals were the guard’s)', async () => {
    const expected: Record<string, number> = {
      'auth.login': 200,
      'auth.logout': 200,
      'channels.revealSecret': 200,
      'channels.testWebhook': 200,
      'history.restore': 200,
      // The run is ready: found and refused by the handler, not by the guard.
      'provisioning.retry': 409,
      'settings.saveSection': 200,
      'signup.create': 200,
    };
    const statuses: Record<string, number> = {};
    for (const path of mutationPaths()) {
      const payload = PAYLOADS[path]?.(await currentOwner()) ?? {};
      // Logging in or out ends the session it is sent with: those get a session of their own.
      const cookie =
        path === 'auth.login' || path === 'auth.logout'
          ? await freshSession(server, owner.email)
          : owner.jar.header();
      const response = await fetch(`${server.baseUrl}/trpc/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.baseUrl, cookie },
        body: JSON.stringify(payload),
      });
      statuses[path] = response.status;
      const runId = ((await response.json()) as { result?: { data?: { runId?: string } } }).result
        ?.data?.runId;
      if (path === 'signup.create' && runId) await waitForRunStatus(server, runId, 'ready');
    }
    expect(statuses).toEqual(expected);
    expect((await owner.client.auth.me.query())?.tenant.id).toBe(owner.tenantId);
  });
});

const freshSession = async (server: TestServer, email: string) => {
  const response = await fetch(`${server.baseUrl}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  expect(response.status).toBe(200);
  return response.headers.getSetCookie()[0]?.split(';')[0] ?? '';
};
