import { setTimeout as sleep } from 'node:timers/promises';
import {
  createSession,
  GERMAN_STATES,
  readSection,
  SETTINGS_SECTIONS,
  schema,
  type TenantConfig,
  type ThrottlePolicy,
} from '@pilar/provisioning';
import { countAll, countOrphanRows } from '@pilar/provisioning/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../src/http/cookies.ts';
import { appRouter } from '../src/router/root.ts';
import { startTestServer, type TestServer, waitForRunStatus } from '../test/support/test-server.ts';
import { createTestClient } from '../test/support/trpc-client.ts';
import {
  anyString,
  bodyOf,
  headerValue,
  hugeString,
  junk,
  nearValid,
  type Payload,
  payloadOf,
  queryValueOf,
  TRICKY_STRINGS,
} from './support/fuzz-inputs.ts';
import { recordProof } from './support/ledger.ts';

/**
 * Fuzzing: every tRPC procedure (taken from the router itself, so a new one is fuzzed without
 * touching this file) and every REST route gets RUNS generated inputs — junk of every type,
 * huge strings, control characters, mixed scripts, near-valid objects, malformed JSON and
 * non-UTF-8 bodies. The promise: no 5xx, well-formed answers, and no row from a rejected input.
 */

/** Inputs per procedure and route. FUZZ_SEED varies them; each check's seed derives from it. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const SEED = Number(process.env.FUZZ_SEED ?? 20_240_611);
const CONCURRENCY = 8;
const REQUEST_TIMEOUT_MS = 60_000;
/** A subscription that has sent nothing but `connected` by then is an open (accepted) stream. */
const STREAM_WAIT_MS = 5_000;

/** Locks would turn validation answers into 429s; the lock itself has its own tests. */
const GENEROUS_THROTTLE: ThrottlePolicy = {
  accountFailures: 1_000_000,
  addressFailures: 1_000_000,
  windowSeconds: 60,
  lockSeconds: 1,
  maxLockSeconds: 1,
};

type ProcedureType = 'query' | 'mutation' | 'subscription';

const PROCEDURES = Object.entries(appRouter._def.procedures as Record<string, unknown>)
  .map(([path, procedure]) => ({
    path,
    type: (procedure as { _def: { type: ProcedureType } })._def.type,
  }))
  .sort((a, b) => a.path.localeCompare(b.path));

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

/** A stable seed per check, so adding a procedure does not change the inputs of the others. */
const seedOf = (name: string) => {
  let hash = SEED;
  for (const char of name) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return hash;
};

// ---------------------------------------------------------------------------------------------
// Tallies: statuses, accepted inputs, 5xx, malformed answers, tenants created.

interface Answer {
  /** HTTP status; for a subscription the status its first event stands for. */
  status: number;
  label: string;
  accepted: boolean;
  /** Why the answer is not what the protocol promises, or null. */
  malformed: string | null;
  tenantId?: string;
  /** `result.data` of an accepted tRPC call. */
  data?: unknown;
}

const clip = (value: string, max = 160) =>
  value.length > max ? `${value.slice(0, max)}…(${value.length} chars)` : value;

const describeInput = (input: unknown) =>
  clip(
    JSON.stringify(input, (_, value: unknown) =>
      typeof value === 'string' && value.length > 80
        ? `${value.slice(0, 40)}…(${value.length} chars)`
        : value,
    ) ?? String(input),
    600,
  );

class Tally {
  readonly labels = new Map<string, number>();
  readonly tenantIds = new Set<string>();
  tries = 0;
  accepted = 0;
  serverErrors = 0;
  malformed = 0;
  readonly failures: string[] = [];

  add(answer: Answer, input: unknown) {
    this.tries += 1;
    this.labels.set(answer.label, (this.labels.get(answer.label) ?? 0) + 1);
    if (answer.accepted) this.accepted += 1;
    if (answer.tenantId) this.tenantIds.add(answer.tenantId);
    const problem =
      answer.status >= 500
        ? `5xx: ${answer.label}`
        : answer.malformed
          ? `malformed: ${answer.malformed}`
          : null;
    if (answer.status >= 500) this.serverErrors += 1;
    else if (answer.malformed) this.malformed += 1;
    // A few examples of each kind of failure, for the report.
    const shown = this.failures.filter((line) => line.startsWith(`${problem} ←`)).length;
    if (problem && shown < 3 && this.failures.length < 12) {
      this.failures.push(`${problem} ← ${describeInput(input)}`);
    }
  }

  /** The most frequent answers (the 5xx count is always given on its own). */
  statuses(shown = 6) {
    const sorted = [...this.labels].sort(([, a], [, b]) => b - a);
    const rest = sorted.slice(shown).reduce((sum, [, n]) => sum + n, 0);
    return [
      ...sorted.slice(0, shown).map(([label, n]) => `${n} × ${label}`),
      ...(rest > 0 ? [`${rest} × other`] : []),
    ].join(', ');
  }
}

// ---------------------------------------------------------------------------------------------
// Row accounting: what a batch may change in the tenant tables.

const ANY = 'any';
type Expectation = Record<string, number | typeof ANY>;
type Counts = Record<string, number>;

/** What an accepted sign-up leaves behind once its provisioning finished. */
const signupRows = (tenants: number, sessions: number): Expectation => {
  const provisioned = tenants > 0 ? ANY : 0;
  return {
    tenants,
    tenant_users: tenants,
    tenant_settings: tenants,
    settings_history: tenants,
    provisioning_runs: tenants,
    sessions,
    phone_numbers: provisioned,
    whatsapp_channels: provisioned,
    tenant_integrations: provisioned,
    provisioning_events: provisioned,
    provisioning_steps: provisioned,
    conversations: provisioned,
    workout_plans: provisioned,
  };
};

/** Row effects of accepted mutations; a mutation missing here is reported, not checked. */
const MUTATION_EFFECTS: Record<string, (tally: Tally) => Expectation> = {
  'auth.login': (tally) => ({ sessions: tally.accepted }),
  'auth.logout': (tally) => ({ sessions: -tally.accepted }),
  'settings.saveSection': (tally) => ({ settings_history: tally.accepted }),
  'history.restore': (tally) => ({ settings_history: tally.accepted }),
  'channels.revealSecret': () => ({}),
  'channels.testWebhook': () => ({}),
  'signup.create': (tally) => signupRows(tally.tenantIds.size, tally.accepted),
};

/** Rows written beyond what accepted inputs explain (the promise's "lost"), with a summary. */
const compareRows = (before: Counts, after: Counts, expected: Expectation | null) => {
  const deltas = Object.keys({ ...before, ...after })
    .map((table) => [table, (after[table] ?? 0) - (before[table] ?? 0)] as const)
    .filter(([, delta]) => delta !== 0);
  const changed = deltas.map(([table, delta]) => `${table} ${delta > 0 ? '+' : ''}${delta}`);
  if (expected === null) {
    return { lost: 0, text: `rows ${changed.join(', ') || 'unchanged'} (accepted: not checked)` };
  }
  let lost = 0;
  for (const table of Object.keys({ ...before, ...after, ...expected })) {
    const want = expected[table] ?? 0;
    if (want === ANY) continue;
    lost += Math.abs((after[table] ?? 0) - (before[table] ?? 0) - want);
  }
  if (deltas.length === 0) return { lost, text: 'rows unchanged' };
  if (lost > 0) return { lost, text: `rows ${changed.join(', ')}: ${lost} UNEXPLAINED` };
  const shown = changed.slice(0, 2).join(', ');
  const more = changed.length > 2 ? ` +${changed.length - 2} tables` : '';
  return { lost, text: `rows as accepted (${shown}${more})` };
};

// ---------------------------------------------------------------------------------------------
// The server, its owner and the requests.

let server: TestServer;
const owner = {
  email: 'fuzz-owner@example.com',
  password: 'Fuzz-Passwort-2024!',
  domain: 'fuzz-studio.example.com',
  cookie: '',
  tenantId: '',
  userId: '',
  runId: '',
  phoneId: '',
  whatsappId: '',
  verifyToken: '',
};
/** Unexpected errors the server logged (its logger is silent in tests), for the report. */
const serverLog: string[] = [];

const sessionCookieOf = (response: Response) => {
  for (const line of response.headers.getSetCookie()) {
    const [pair = ''] = line.split(';');
    if (pair.startsWith(`${SESSION_COOKIE}=`) && pair.length > SESSION_COOKIE.length + 1) {
      return pair;
    }
  }
  return null;
};

/** Logs the owner in again if a fuzzed input ended the session. */
const ensureOwnerSession = async () => {
  const me = await fetch(`${server.baseUrl}/trpc/auth.me`, { headers: { cookie: owner.cookie } });
  const body = (await me.json()) as { result?: { data: unknown } };
  if (body.result?.data) return;
  const login = await fetch(`${server.baseUrl}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: owner.email, password: owner.password }),
  });
  const cookie = sessionCookieOf(login);
  if (!cookie) throw new Error(`owner login failed with ${login.status}`);
  owner.cookie = cookie;
};

/** Waits until no provisioning run is pending or running and the row counts hold still. */
const settle = async () => {
  const deadline = Date.now() + 120_000;
  let previous = '';
  for (;;) {
    const runs = await server.testDb.db
      .select({ status: schema.provisioningRuns.status })
      .from(schema.provisioningRuns);
    const counts = JSON.stringify(await countAll(server.testDb.db));
    if (runs.every((run) => run.status === 'ready' || run.status === 'failed')) {
      if (counts === previous) return;
    }
    if (Date.now() > deadline) throw new Error(`provisioning did not settle: ${counts}`);
    previous = counts;
    await sleep(200);
  }
};

const runPool = async <T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<void>,
) => {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const parseJson = (text: string): { ok: true; value: unknown } | { ok: false } => {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
};

/**
 * Every fuzzed request on a connection of its own: under load a reused keep-alive connection
 * can be closed by the server's idle timer just as the next request goes out (ECONNRESET on
 * the client), which would be noise here, not an answer of the server.
 */
const freshConnection = () => new Headers({ connection: 'close' });

/** Node refuses a request line above its header limit itself, without a body. */
const isHeaderOverflow = (status: number) => status === 431 || status === 414;

const networkFailure = (error: unknown): Answer => {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const reason = cause?.code ?? cause?.message ?? (error as Error).message;
  return { status: 0, label: `no answer (${reason})`, accepted: false, malformed: String(reason) };
};

// ---------------------------------------------------------------------------------------------
// tRPC over HTTP.

interface TrpcCase {
  payload: Payload;
  /** `?batch=1` with the input under "0". */
  batch: boolean;
  /** The input text unencoded in the query string (broken percent-escapes reach the server). */
  rawQuery: boolean;
  contentType: string | null;
  /** GET for a mutation, POST for a query or subscription. */
  wrongMethod: boolean;
}

const weighted = <T>(common: T, rare: fc.Arbitrary<T>, rareWeight = 1, commonWeight = 19) =>
  fc.oneof(
    { weight: commonWeight, arbitrary: fc.constant(common) },
    { weight: rareWeight, arbitrary: rare },
  );

const jsonContentType = weighted(
  'application/json' as string | null,
  fc.constantFrom(
    'application/json; charset=utf-8',
    'Application/JSON',
    'application/vnd.api+json',
    'application/json;charset=latin1',
    'application/json ; x=y',
    null,
    'text/plain',
    'text/plain;charset=UTF-8',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=fuzz',
    'application/octet-stream',
    'application/jsonx',
    'json',
    '',
  ),
  3,
);

const trpcCase = (valid: fc.Arbitrary<unknown> | null): fc.Arbitrary<TrpcCase> =>
  fc.record({
    payload: payloadOf(valid),
    batch: weighted(false, fc.constant(true), 1, 12),
    rawQuery: weighted(false, fc.constant(true), 1, 9),
    contentType: jsonContentType,
    wrongMethod: weighted(false, fc.constant(true), 1, 39),
  });

const batched = (payload: Payload): Payload =>
  payload.kind === 'value' ? { kind: 'value', value: { 0: payload.value } } : payload;

/** Reads an SSE stream up to its first event that is not `connected` or `ping`. */
const firstEvent = async (response: Response) => {
  const reader = response.body?.getReader();
  if (!reader) return { event: 'end', data: '' };
  const decoder = new TextDecoder();
  let buffer = '';
  const deadline = Date.now() + STREAM_WAIT_MS;
  try {
    for (;;) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) return { event: 'open', data: '' };
      const chunk = await Promise.race([
        reader.read(),
        sleep(remaining).then(() => ({ done: false, value: undefined, timeout: true }) as const),
      ]);
      if ('timeout' in chunk) return { event: 'open', data: '' };
      if (chunk.done) return { event: 'end', data: buffer };
      buffer += decoder.decode(chunk.value, { stream: true });
      let split = buffer.indexOf('\n\n');
      while (split !== -1) {
        const block = buffer.slice(0, split);
        buffer = buffer.slice(split + 2);
        split = buffer.indexOf('\n\n');
        const fields = new Map<string, string>();
        for (const line of block.split('\n')) {
          const colon = line.indexOf(':');
          if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 1).trimStart());
        }
        const event = fields.get('event') ?? 'message';
        if (event === 'connected' || event === 'ping') continue;
        if (fields.size === 0) continue;
        return { event, data: fields.get('data') ?? '' };
      }
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
};

const subscriptionAnswer = async (response: Response): Promise<Answer> => {
  const { event, data } = await firstEvent(response);
  if (event === 'serialized-error') {
    const parsed = parseJson(data);
    const shape = parsed.ok && isObject(parsed.value) ? parsed.value : null;
    const status = Number((shape?.data as { httpStatus?: unknown } | undefined)?.httpStatus);
    if (!shape || !Number.isInteger(status)) {
      return { status: 200, label: 'SSE bad error', accepted: false, malformed: clip(data) };
    }
    const code = (shape.data as { code?: unknown }).code;
    return { status, label: `SSE ${status} ${String(code)}`, accepted: false, malformed: null };
  }
  if (event === 'message' || event === 'return' || event === 'open') {
    const ok = event !== 'message' || parseJson(data).ok;
    return {
      status: 200,
      label: `SSE ${event}`,
      accepted: true,
      malformed: ok ? null : `event data is not JSON: ${clip(data)}`,
    };
  }
  return { status: 200, label: `SSE ${event}`, accepted: false, malformed: `event ${event}` };
};

const trpcAnswer = async (response: Response, batch: boolean): Promise<Answer> => {
  const { status } = response;
  const text = await response.text();
  if (isHeaderOverflow(status))
    return { status, label: String(status), accepted: false, malformed: null };
  const parsed = parseJson(text);
  const label = String(status);
  if (!parsed.ok) return { status, label, accepted: false, malformed: `not JSON: ${clip(text)}` };
  const envelopes = batch && Array.isArray(parsed.value) ? parsed.value : [parsed.value];
  const wellFormed = envelopes.every(
    (envelope) => isObject(envelope) && ('result' in envelope || 'error' in envelope),
  );
  const first = envelopes[0];
  const accepted = status < 300 && isObject(first) && 'result' in first;
  const data = isObject(first) && isObject(first.result) ? first.result.data : undefined;
  const tenantId = isObject(data) && typeof data.tenantId === 'string' ? data.tenantId : undefined;
  return {
    status,
    label,
    accepted,
    malformed: wellFormed ? null : `unexpected JSON: ${clip(text)}`,
    ...(tenantId ? { tenantId } : {}),
    ...(accepted ? { data } : {}),
  };
};

const sendTrpc = async (
  path: string,
  type: ProcedureType,
  input: TrpcCase,
  cookie: string | null,
): Promise<Answer> => {
  const payload = input.batch ? batched(input.payload) : input.payload;
  const usesBody = type === 'mutation' ? !input.wrongMethod : input.wrongMethod;
  const headers = freshConnection();
  if (cookie) headers.set('cookie', cookie);
  if (type === 'subscription') headers.set('accept', 'text/event-stream');
  const target = `${server.baseUrl}/trpc/${path}`;
  const params = input.batch ? ['batch=1'] : [];
  let init: RequestInit;
  if (usesBody) {
    if (input.contentType !== null) headers.set('content-type', input.contentType);
    const body = bodyOf(payload);
    init = { method: 'POST', headers, ...(body === undefined ? {} : { body }) };
  } else {
    const value = input.rawQuery && payload.kind === 'text' ? payload.text : queryValueOf(payload);
    if (value !== undefined) params.push(`input=${value}`);
    init = { method: 'GET', headers };
  }
  const url = params.length > 0 ? `${target}?${params.join('&')}` : target;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
  try {
    const response = await fetch(url, { ...init, signal: controller.signal });
    const contentType = response.headers.get('content-type') ?? '';
    if (contentType.startsWith('text/event-stream')) return await subscriptionAnswer(response);
    return await trpcAnswer(response, input.batch);
  } catch (error) {
    return networkFailure(error);
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
};

// ---------------------------------------------------------------------------------------------
// Valid inputs per procedure (the starting points of near-valid ones); null: junk only.

const signupForm = fc
  .tuple(fc.uuid(), fc.constantFrom('taken-email', 'taken-email', 'taken-domain', 'fresh'))
  .map(([id, variant]) => ({
    studioName: 'Fuzz Fitness Studio',
    ownerEmail: variant === 'taken-email' ? owner.email : `fuzz-${id}@example.com`,
    password: 'Sicheres-Passwort-1',
    domain: variant === 'taken-domain' ? owner.domain : `s-${id.slice(0, 8)}.example.com`,
    timezone: 'Europe/Berlin',
  }));

const currentSettings = async () => {
  const response = await fetch(`${server.baseUrl}/trpc/settings.get`, {
    headers: { cookie: owner.cookie },
  });
  const body = (await response.json()) as {
    result: { data: { version: number; config: TenantConfig } };
  };
  return body.result.data;
};

const validInputOf = async (path: string): Promise<fc.Arbitrary<unknown> | null> => {
  const run = { runId: owner.runId };
  switch (path) {
    case 'auth.login':
      return fc.constantFrom(
        { email: owner.email, password: owner.password },
        { email: 'nobody@example.com', password: 'Irgendein-Passwort-1' },
      );
    case 'channels.revealSecret':
      return fc.constantFrom(
        { kind: 'sipPassword', channelId: owner.phoneId },
        { kind: 'whatsappVerifyToken', channelId: owner.whatsappId },
      );
    case 'channels.testWebhook':
      return fc.constant({ channelId: owner.whatsappId });
    case 'history.restore': {
      const { version } = await currentSettings();
      return fc.constant({ version: 1, expectedVersion: version });
    }
    case 'provisioning.status':
    case 'provisioning.retry':
      return fc.constant(run);
    case 'provisioning.onProgress':
      return fc.constantFrom(run, { ...run, lastEventId: '0' }, { ...run, lastEventId: null });
    case 'settings.saveSection': {
      const { version, config } = await currentSettings();
      return fc.constantFrom(
        ...SETTINGS_SECTIONS.map((section) => ({
          section,
          value: readSection(config, section),
          expectedVersion: version,
        })),
      );
    }
    case 'settings.holidays':
      return fc.record({
        state: fc.constantFrom(...GERMAN_STATES),
        year: fc.integer({ min: 2000, max: 2100 }),
      });
    case 'signup.create':
      return fc
        .tuple(signupForm, fc.option(fc.uuid(), { nil: undefined }))
        .map(([form, idempotencyKey]) => (idempotencyKey ? { ...form, idempotencyKey } : form));
    case 'signup.checkDomain':
      return fc.constantFrom(
        { domain: owner.domain },
        { domain: 'frei.example.com' },
        { domain: null },
      );
    default:
      return null;
  }
};

// ---------------------------------------------------------------------------------------------
// REST: POST /api/tenant/create and GET /webhooks/whatsapp/:tenantId.

interface RestCase {
  method: string;
  contentType: string | null;
  origin: 'none' | 'same' | 'foreign';
  idempotencyKey: string | null;
  payload: Payload;
  /** Sent chunked, without Content-Length, so only the streamed size check can stop it. */
  streamed: boolean;
}

const restCase: fc.Arbitrary<RestCase> = fc.record({
  method: weighted(
    'POST',
    fc.constantFrom('GET', 'HEAD', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'),
    1,
    15,
  ),
  contentType: jsonContentType,
  origin: fc.oneof(
    { weight: 12, arbitrary: fc.constant('none' as const) },
    { weight: 7, arbitrary: fc.constant('same' as const) },
    { weight: 1, arbitrary: fc.constant('foreign' as const) },
  ),
  idempotencyKey: fc.oneof(
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: headerValue },
  ),
  payload: payloadOf(signupForm),
  streamed: weighted(false, fc.constant(true), 1, 9),
});

const withoutBody = (method: string) => method === 'GET' || method === 'HEAD';

const sendRest = async (input: RestCase): Promise<Answer> => {
  const headers = freshConnection();
  if (input.contentType !== null) headers.set('content-type', input.contentType);
  if (input.origin === 'same') headers.set('origin', server.baseUrl);
  if (input.origin === 'foreign') headers.set('origin', 'https://evil.example');
  if (input.idempotencyKey !== null) headers.set('idempotency-key', input.idempotencyKey);
  const init: RequestInit & { duplex?: 'half' } = { method: input.method, headers };
  const body = withoutBody(input.method) ? undefined : bodyOf(input.payload);
  if (body !== undefined) {
    const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
    if (input.streamed) {
      init.body = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let at = 0; at < bytes.length; at += 4096)
            controller.enqueue(bytes.slice(at, at + 4096));
          controller.close();
        },
      });
      init.duplex = 'half';
    } else {
      init.body = bytes;
    }
  }
  try {
    const response = await fetch(`${server.baseUrl}/api/tenant/create`, {
      ...init,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const { status } = response;
    const text = await response.text();
    const accepted = status >= 200 && status < 300 && !withoutBody(input.method);
    const label = `${input.method === 'POST' ? '' : `${input.method} `}${status}`;
    if (input.method === 'HEAD') return { status, label, accepted, malformed: null };
    const parsed = parseJson(text);
    if (!parsed.ok || !isObject(parsed.value)) {
      return { status, label, accepted, malformed: `not a JSON object: ${clip(text)}` };
    }
    const answer = parsed.value;
    const tenantId = typeof answer.tenantId === 'string' ? answer.tenantId : undefined;
    const wellFormed =
      input.method === 'GET'
        ? status === 200
        : typeof answer.success === 'boolean' &&
          answer.success === (status === 201) &&
          (status !== 201 || (tenantId !== undefined && answer.status === 'ready')) &&
          (answer.success || typeof answer.error === 'string');
    return {
      status,
      label,
      accepted,
      malformed: wellFormed ? null : `unexpected answer: ${clip(text)}`,
      ...(status === 201 && tenantId ? { tenantId } : {}),
    };
  } catch (error) {
    return networkFailure(error);
  }
};

interface WebhookCase {
  method: string;
  segment: string;
  params: unknown;
  encodeQuery: boolean;
}

const webhookCase = (): fc.Arbitrary<WebhookCase> => {
  const handshake = [
    ['hub.mode', 'subscribe'],
    ['hub.verify_token', owner.verifyToken],
    ['hub.challenge', '1158201444'],
  ];
  const segment = fc.oneof(
    { weight: 6, arbitrary: fc.constant(owner.tenantId) },
    { weight: 1, arbitrary: fc.uuid() },
    {
      weight: 3,
      arbitrary: anyString.map((text) => encodeURIComponent(text.replace(/[\ud800-\udfff]/g, ''))),
    },
    { weight: 3, arbitrary: anyString },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '%',
        '%E0%A4%A',
        '%ZZ',
        '%00',
        '%2F',
        '%2e%2e',
        '..',
        '',
        owner.tenantId.toUpperCase(),
        `${owner.tenantId}%00`,
        `%20${owner.tenantId}`,
        `${owner.tenantId}/extra`,
        encodeURIComponent(owner.tenantId),
      ),
    },
  );
  const params = fc.oneof(
    { weight: 6, arbitrary: nearValid(fc.constant(handshake)) },
    { weight: 2, arbitrary: fc.constant(handshake) },
    {
      weight: 3,
      arbitrary: fc.array(
        fc.tuple(
          fc.oneof(fc.constantFrom('hub.mode', 'hub.verify_token', 'hub.challenge'), anyString),
          fc.oneof(anyString, fc.constant(owner.verifyToken), hugeString),
        ),
        { maxLength: 5 },
      ),
    },
  );
  return fc.record({
    method: weighted('GET', fc.constantFrom('HEAD', 'POST', 'DELETE', 'OPTIONS'), 1, 12),
    segment,
    params,
    encodeQuery: weighted(true, fc.constant(false), 1, 2),
  });
};

const textOf = (value: unknown) =>
  typeof value === 'string' ? value : (JSON.stringify(value) ?? '');

const webhookUrl = ({ segment, params, encodeQuery }: WebhookCase) => {
  const pairs = (Array.isArray(params) ? params : [params]).map((pair): [string, string] =>
    Array.isArray(pair) ? [textOf(pair[0]), textOf(pair[1])] : [textOf(pair), ''],
  );
  const query = encodeQuery
    ? new URLSearchParams(pairs).toString()
    : pairs.map(([key, value]) => `${key}=${value}`).join('&');
  return `${server.baseUrl}/webhooks/whatsapp/${segment}${query ? `?${query}` : ''}`;
};

const sendWebhook = async (input: WebhookCase): Promise<Answer> => {
  const url = webhookUrl(input);
  const headers = freshConnection();
  if (input.method === 'POST') headers.set('content-type', 'application/json');
  try {
    const response = await fetch(url, {
      method: input.method,
      headers,
      ...(input.method === 'POST' ? { body: '{}' } : {}),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const { status } = response;
    const text = await response.text();
    const label = `${input.method === 'GET' ? '' : `${input.method} `}${status}`;
    const contentType = response.headers.get('content-type') ?? '';
    if (status === 200) {
      // Only the stored token may get the challenge back, and exactly the challenge.
      const sent = new URL(url).searchParams;
      const rightful =
        sent.get('hub.mode') === 'subscribe' && sent.get('hub.verify_token') === owner.verifyToken;
      const malformed = !rightful
        ? 'challenge echoed without the verify token'
        : text !== sent.get('hub.challenge')
          ? `echo ${clip(text)} is not the challenge`
          : null;
      return { status, label, accepted: true, malformed };
    }
    if (
      isHeaderOverflow(status) ||
      input.method === 'HEAD' ||
      contentType.startsWith('text/plain')
    ) {
      return { status, label, accepted: false, malformed: null };
    }
    const wellFormed = parseJson(text).ok;
    return {
      status,
      label,
      accepted: false,
      malformed: wellFormed ? null : `not JSON: ${clip(text)}`,
    };
  } catch (error) {
    return networkFailure(error);
  }
};

// ---------------------------------------------------------------------------------------------

interface Batch<T> {
  check: string;
  seed: number;
  inputs: readonly T[];
  send: (input: T, index: number) => Promise<Answer>;
  /** Expected row changes once the batch's answers are known; null: not checked. */
  expected: (tally: Tally) => Expectation | null;
  concurrency?: number;
}

/** Sends a batch, counts rows before and after, records the proof and asserts it. */
const runBatch = async <T>(task: Parameters<typeof recordProof>[0], batch: Batch<T>) => {
  await settle();
  const before = await countAll(server.testDb.db);
  const logged = serverLog.length;
  const tally = new Tally();
  const started = performance.now();
  await runPool(batch.inputs, batch.concurrency ?? CONCURRENCY, async (input, index) => {
    tally.add(await batch.send(input, index), input);
  });
  const seconds = (performance.now() - started) / 1000;
  await settle();
  const after = await countAll(server.testDb.db);
  const rows = compareRows(before, after, batch.expected(tally));
  const lost = tally.serverErrors + rows.lost;
  const outcome = [
    `seed ${batch.seed}`,
    `${tally.serverErrors} × 5xx`,
    tally.statuses(),
    `${tally.accepted} accepted`,
    ...(tally.malformed > 0 ? [`${tally.malformed} malformed`] : []),
    rows.text,
    `${seconds.toFixed(1)} s`,
  ].join('; ');
  recordProof(task, { check: batch.check, tries: tally.tries, outcome, lost });
  console.log(`${batch.check}: ${outcome}`);
  const report = {
    failures: tally.failures,
    serverLog: [...new Set(serverLog.slice(logged))].slice(0, 5),
  };
  expect(tally.tries).toBeGreaterThanOrEqual(RUNS);
  expect({ lost, malformed: tally.malformed, ...report }).toEqual({
    lost: 0,
    malformed: 0,
    failures: [],
    serverLog: [],
  });
};

/** The payload with `expectedVersion` moved from the version it was built with to `current`. */
const withVersion = (payload: Payload, built: number, current: number): Payload =>
  payload.kind === 'value' && isObject(payload.value) && payload.value.expectedVersion === built
    ? { kind: 'value', value: { ...payload.value, expectedVersion: current } }
    : payload;

const expectedFor = (path: string, type: ProcedureType) => (tally: Tally) => {
  if (type !== 'mutation' || tally.accepted === 0) return {};
  return MUTATION_EFFECTS[path]?.(tally) ?? null;
};

describe(`fuzzing every tRPC procedure and REST route (${RUNS} inputs each)`, () => {
  beforeAll(async () => {
    server = await startTestServer({ throttlePolicy: GENEROUS_THROTTLE });
    const logger = server.deps.logger;
    // The server's logger is silent in tests; what it reports as unexpected goes to the report.
    logger.error = ((object: unknown, message?: string) => {
      const error = isObject(object) ? (object.err as Error | undefined) : undefined;
      let root: unknown = error;
      while (root instanceof Error && root.cause instanceof Error) root = root.cause;
      const cause = root !== error && root instanceof Error ? ` (cause: ${root.message})` : '';
      const frames = (error?.stack ?? '')
        .split('\n')
        .filter((line) => line.includes(' at ') && !line.includes('node_modules'))
        .slice(0, 3)
        .map((line) => line.trim().replace(/(file:\/\/)?\/[^\s(]*\/(?=(apps|packages)\/)/g, ''));
      const path = isObject(object) && object.path ? ` [${String(object.path)}]` : '';
      serverLog.push(
        `${message ?? ''}${path}: ${clip(`${error?.message ?? String(object)}`, 120)}${cause} ${frames.join(' ')}`,
      );
    }) as typeof logger.error;
    const { client, jar } = createTestClient(server.baseUrl);
    const signed = await client.signup.create.mutate({
      studioName: 'Fuzz Studio',
      ownerEmail: owner.email,
      password: owner.password,
      domain: owner.domain,
    });
    await waitForRunStatus(server, signed.runId, 'ready');
    owner.cookie = jar.header();
    owner.tenantId = signed.tenantId;
    owner.userId = signed.ownerId;
    owner.runId = signed.runId;
    const channels = await client.channels.list.query();
    owner.phoneId = channels.phoneNumbers[0]?.id ?? '';
    owner.whatsappId = channels.whatsappChannels[0]?.id ?? '';
    owner.verifyToken = (
      await client.channels.revealSecret.mutate({
        kind: 'whatsappVerifyToken',
        channelId: owner.whatsappId,
      })
    ).secret;
  });

  afterAll(async () => {
    await server?.close();
  });

  it('finds the procedures in the router', ({ task }) => {
    const byType = (type: ProcedureType) => PROCEDURES.filter((p) => p.type === type).length;
    recordProof(task, {
      check: 'fuzz: procedures taken from appRouter',
      tries: PROCEDURES.length,
      outcome: `${byType('query')} queries, ${byType('mutation')} mutations, ${byType('subscription')} subscriptions`,
      lost: 0,
    });
    console.log(PROCEDURES.map(({ path, type }) => `${path} (${type})`).join(', '));
    expect(PROCEDURES.length).toBeGreaterThan(0);
    expect(owner.verifyToken).not.toBe('');
  });

  for (const { path, type } of PROCEDURES) {
    it(`fuzz tRPC ${path} (${type})`, async ({ task }) => {
      await ensureOwnerSession();
      const seed = seedOf(path);
      const inputs = fc.sample(trpcCase(await validInputOf(path)), { numRuns: RUNS, seed });
      const cookies = SESSION_ENDING.has(path)
        ? await Promise.all(
            inputs.map(async () => {
              const { token } = await createSession(server.testDb.db, {
                id: owner.userId,
                tenantId: owner.tenantId,
              });
              return `${SESSION_COOKIE}=${encodeURIComponent(token)}`;
            }),
          )
        : null;
      const versioned = VERSIONED.has(path);
      const built = versioned ? (await currentSettings()).version : 0;
      let current = built;
      await runBatch(task, {
        check: `fuzz tRPC ${path}`,
        seed,
        inputs,
        send: async (input, index) => {
          const payload = versioned ? withVersion(input.payload, built, current) : input.payload;
          const answer = await sendTrpc(
            path,
            type,
            { ...input, payload },
            cookies?.[index] ?? (WITHOUT_OWNER_COOKIE.has(path) ? null : owner.cookie),
          );
          if (isObject(answer.data) && typeof answer.data.version === 'number') {
            current = answer.data.version;
          }
          return answer;
        },
        expected: expectedFor(path, type),
        ...(versioned ? { concurrency: 1 } : {}),
      });
    });
  }

  it('fuzz REST POST /api/tenant/create', async ({ task }) => {
    const seed = seedOf('rest:tenant-create');
    await runBatch(task, {
      check: 'fuzz REST POST /api/tenant/create',
      seed,
      inputs: fc.sample(restCase, { numRuns: RUNS, seed }),
      send: sendRest,
      expected: (tally) => signupRows(tally.tenantIds.size, 0),
    });
  });

  it('fuzz REST GET /webhooks/whatsapp/:tenantId', async ({ task }) => {
    const seed = seedOf('rest:whatsapp-webhook');
    await runBatch(task, {
      check: 'fuzz REST GET /webhooks/whatsapp/:tenantId',
      seed,
      inputs: fc.sample(webhookCase(), { numRuns: RUNS, seed }),
      send: sendWebhook,
      expected: () => ({}),
    });
  });

  it('fuzz the session cookie of owner procedures', async ({ task }) => {
    const seed = seedOf('cookie');
    const cookieValue = fc.oneof(
      fc.constantFrom(...TRICKY_STRINGS.filter((text) => /^[\x20-\x7e]*$/.test(text))),
      headerValue,
      fc.constant(owner.cookie.slice(SESSION_COOKIE.length + 1)),
    );
    const cookies = fc.oneof(
      cookieValue.map((value) => `${SESSION_COOKIE}=${value}`),
      fc
        .tuple(cookieValue, headerValue)
        .map(([value, other]) => `${other}; ${SESSION_COOKIE}=${value}`),
      headerValue,
    );
    const targets = PROCEDURES.filter((p) => p.type === 'query').map((p) => p.path);
    const inputs = fc.sample(fc.tuple(fc.constantFrom(...targets), cookies), {
      numRuns: RUNS,
      seed,
    });
    await runBatch(task, {
      check: `fuzz session cookie (${targets.length} queries)`,
      seed,
      inputs,
      send: ([path, cookie]) =>
        sendTrpc(
          path,
          'query',
          {
            payload: { kind: 'value', value: undefined },
            batch: false,
            rawQuery: false,
            contentType: null,
            wrongMethod: false,
          },
          cookie,
        ),
      expected: () => ({}),
    });
  });

  it('answers /health and /metrics whatever the query string', async ({ task }) => {
    const seed = seedOf('health');
    const inputs = fc.sample(
      fc.tuple(fc.constantFrom('/health', '/metrics'), fc.constantFrom('GET', 'HEAD'), junk),
      { numRuns: 100, seed },
    );
    const tally = new Tally();
    await runPool(inputs, CONCURRENCY, async (input) => {
      const [path, method, query] = input;
      const search = encodeURIComponent(textOf(query).replace(/[\ud800-\udfff]/g, '')).slice(
        0,
        4000,
      );
      try {
        const response = await fetch(`${server.baseUrl}${path}?${search}`, {
          method,
          headers: freshConnection(),
        });
        const text = await response.text();
        const wellFormed =
          method === 'HEAD' || (path === '/health' ? parseJson(text).ok : text.includes('# HELP'));
        tally.add(
          {
            status: response.status,
            label: `${path} ${response.status}`,
            accepted: response.status === 200,
            malformed: wellFormed ? null : clip(text),
          },
          input,
        );
      } catch (error) {
        tally.add(networkFailure(error), input);
      }
    });
    const orphans = await countOrphanRows(server.testDb.db);
    recordProof(task, {
      check: 'fuzz /health and /metrics; orphan rows after fuzzing',
      tries: tally.tries,
      outcome: `${tally.statuses()}; ${orphans} orphan rows`,
      lost: tally.serverErrors + orphans,
    });
    expect({ errors: tally.serverErrors, orphans, failures: tally.failures }).toEqual({
      errors: 0,
      orphans: 0,
      failures: [],
    });
  });
});
