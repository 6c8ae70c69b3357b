import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkToken, mailTo } from '../test/support/mail.ts';
import { WIZARD_CONSENT } from '../test/support/signup-consent.ts';
import { startTestServer, type TestServer } from '../test/support/test-server.ts';
import { createTestClient } from '../test/support/trpc-client.ts';
import { recordProblems } from './support/ledger.ts';
import { businessForm, waitForPhoneAtRest } from './support/phone-lifecycle.ts';
import { callProcedure, firstDataEvent, routerProcedures } from './support/procedures.ts';
import { newSession } from './support/studio.ts';

/**
 * Who may call each procedure. `public`: anyone; `session`: anyone logged in (their own
 * account); `member`: the studio's owner and admins; `owner`: the owner only. A procedure
 * missing here fails the matrix, so none is added without deciding.
 */
const ACCESS: Record<string, 'public' | 'session' | 'member' | 'owner'> = {
  'account.changeEmail': 'session',
  'account.changePassword': 'session',
  'account.deleteStudio': 'owner',
  'account.exportData': 'owner',
  'account.requestPasswordReset': 'public',
  'account.resendVerification': 'session',
  'account.resetPassword': 'public',
  'account.revokeOtherSessions': 'session',
  'account.revokeSession': 'session',
  'account.sessions': 'session',
  'account.verifyEmail': 'public',
  'account.verifyEmailCode': 'session',
  'auth.login': 'public',
  'auth.logout': 'member',
  'auth.me': 'public',
  'channels.list': 'member',
  'channels.revealSecret': 'member',
  'channels.submitPhoneVerification': 'member',
  'channels.testWebhook': 'member',
  'defaults.get': 'public',
  'golive.onStatus': 'member',
  'golive.status': 'member',
  'history.list': 'member',
  'history.restore': 'member',
  'invitation.accept': 'public',
  'invitation.get': 'public',
  'legal.documents': 'public',
  'provisioning.onProgress': 'member',
  'provisioning.retry': 'member',
  'provisioning.status': 'member',
  'settings.federalStates': 'member',
  'settings.get': 'member',
  'settings.holidays': 'member',
  'settings.saveSection': 'member',
  'signup.checkDomain': 'public',
  'signup.create': 'public',
  'team.invite': 'owner',
  'team.list': 'owner',
  'team.remove': 'owner',
  'team.revokeInvitation': 'owner',
};

/**
 * The empty input of procedures that take a form upload instead of JSON: an empty form, sent
 * as the browser does (multipart, from the app's origin), so a refusal of the input (400)
 * shows the call got past the role check here too.
 */
const EMPTY_INPUT: Record<string, () => unknown> = {
  'channels.submitPhoneVerification': () => new FormData(),
};

const PASSWORD = 'SicheresPasswort!';
const ADMIN_PASSWORD = 'Admin-Passwort-2026';
type Role = 'none' | 'admin' | 'owner';

describe('role matrix: every procedure × {no session, admin, owner}', () => {
  let server: TestServer;
  let tenantId: string;
  beforeAll(async () => {
    server = await startTestServer();
    const { client } = createTestClient(server.baseUrl);
    ({ tenantId } = await client.signup.create.mutate({
      studioName: 'Rollen-Studio',
      ownerEmail: 'rollen-inhaber@example.com',
      password: PASSWORD,
      consent: WIZARD_CONSENT,
    }));
    await client.team.invite.mutate({ email: 'rollen-admin@example.com', role: 'admin' });
    const token = linkToken(await mailTo(server, 'rollen-admin@example.com'), '/invitation');
    await createTestClient(server.baseUrl).client.invitation.accept.mutate({
      token,
      password: ADMIN_PASSWORD,
    });
  });
  afterAll(async () => {
    // The admin's submission goes live in the background: done before the server closes.
    if (tenantId) await waitForPhoneAtRest(server, tenantId).catch(() => {});
    await server.close();
  });

  it('classifies every procedure of the router', ({ task }) => {
    const paths = routerProcedures().map(({ path }) => path);
    const unclassified = paths.filter((path) => !(path in ACCESS));
    const stale = Object.keys(ACCESS).filter((path) => !paths.includes(path));
    recordProblems(task, {
      check: 'Role matrix classifies every router procedure',
      tries: paths.length,
      ok: `${paths.length} classified`,
      problems: [
        ...unclassified.map((p) => `${p}: unclassified`),
        ...stale.map((p) => `${p}: gone`),
      ],
    });
    expect({ unclassified, stale }).toEqual({ unclassified: [], stale: [] });
  });

  it('lets each role through exactly where its class allows, and refuses it everywhere else', async ({
    task,
  }) => {
    const problems: string[] = [];
    let tries = 0;
    for (const { path, type } of routerProcedures()) {
      const access = ACCESS[path];
      for (const role of ['none', 'admin', 'owner'] as Role[]) {
        tries++;
        // A session of its own per call: some procedures end the session they are sent with.
        const cookie =
          role === 'none'
            ? undefined
            : await newSession(
                server.baseUrl,
                role === 'admin' ? 'rollen-admin@example.com' : 'rollen-inhaber@example.com',
                role === 'admin' ? ADMIN_PASSWORD : PASSWORD,
              );
        // An empty input: the role is decided before the input is read, so a refusal of the
        // input (400) shows the call got past the role check.
        // A stream's first data event shows the call got through (some never end by themselves).
        const result = await callProcedure(
          server.baseUrl,
          path,
          type,
          EMPTY_INPUT[path]?.() ?? {},
          cookie ? { cookie } : {},
          { streamTimeoutMs: 2_000, streamUntil: firstDataEvent },
        );
        const code = (result.error?.data as { domainCode?: string } | undefined)?.domainCode;
        const refusedForRole = result.status === 401 || code === 'OWNER_ONLY';
        const allowed =
          access === 'public' ||
          (role !== 'none' && access !== 'owner') ||
          (role === 'owner' && access === 'owner');
        const expectedRefusal = role === 'none' ? 401 : 403;
        if (allowed && refusedForRole) problems.push(`${role} ${path}: refused (${result.status})`);
        if (!allowed && result.status !== expectedRefusal)
          problems.push(`${role} ${path}: ${result.status}, expected ${expectedRefusal}`);
        if (result.status >= 500) problems.push(`${role} ${path}: ${result.status}`);
      }
    }
    recordProblems(task, {
      check: 'Role matrix: every procedure × no session / admin / owner',
      tries,
      ok: '401 without a session, 403 for an admin on owner-only, through otherwise',
      problems,
    });
    expect(problems).toEqual([]);
  });

  it('lets an admin send the phone’s business details the owner then sees, and follow the status', async ({
    task,
  }) => {
    const problems: string[] = [];
    const admin = await newSession(server.baseUrl, 'rollen-admin@example.com', ADMIN_PASSWORD);
    const owner = await newSession(server.baseUrl, 'rollen-inhaber@example.com', PASSWORD);
    const call = (
      path: string,
      type: 'query' | 'mutation' | 'subscription',
      cookie: string,
      input?: unknown,
    ) =>
      callProcedure(server.baseUrl, path, type, input, { cookie }, { streamUntil: firstDataEvent });
    // The admin accepted an invitation by its mail: a confirmed address, unlike the owner's.
    const byOwner = await call(
      'channels.submitPhoneVerification',
      'mutation',
      owner,
      businessForm(),
    );
    const byAdmin = await call(
      'channels.submitPhoneVerification',
      'mutation',
      admin,
      businessForm(),
    );
    const domainCode = (r: typeof byOwner) =>
      (r.error?.data as { domainCode?: string } | undefined)?.domainCode;
    if (byOwner.status !== 403 || domainCode(byOwner) !== 'EMAIL_NOT_VERIFIED')
      problems.push(`owner, unconfirmed address: ${byOwner.status} ${byOwner.text.slice(0, 200)}`);
    if (byAdmin.status !== 200)
      problems.push(`admin: ${byAdmin.status} ${byAdmin.text.slice(0, 200)}`);
    const businessOf = (status: unknown) =>
      (
        status as { items?: { id: string; details?: { businessName?: string } | null }[] }
      )?.items?.find((item) => item.id === 'phone')?.details?.businessName;
    for (const [who, cookie] of [
      ['owner', owner],
      ['admin', admin],
    ] as const) {
      const status = await call('golive.status', 'query', cookie);
      if (businessOf(status.data) !== 'Studio Grün GmbH')
        problems.push(`${who} golive.status: ${status.text.slice(0, 200)}`);
      const stream = await call('golive.onStatus', 'subscription', cookie);
      const first = stream.events?.[0]?.data;
      if (stream.timedOut || !first || businessOf(JSON.parse(first)) !== 'Studio Grün GmbH')
        problems.push(`${who} golive.onStatus: ${stream.text.slice(0, 200)}`);
    }
    recordProblems(task, {
      check: 'Role matrix: an admin sends the phone’s business details',
      tries: 6,
      ok: 'admin 200, owner (unconfirmed) 403, both read it',
      problems,
    });
    expect(problems).toEqual([]);
  });
});
