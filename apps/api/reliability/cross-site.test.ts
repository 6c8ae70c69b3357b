import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, waitForMailsSent } from '../test/support/test-server.ts';
import {
  bundleCallbackUrl,
  bundleParams,
  forgedSignature,
  isSignatureRefusal,
  postBundleCallback,
} from './support/bundle-callback.ts';
import { type Owner, PASSWORD, PAYLOADS } from './support/cross-site-payloads.ts';
import { forgeMutation, forgeRestSignup, postFromOwnOrigin } from './support/cross-site-posts.ts';
import { EVIL, forgedAttempts, postForged } from './support/forged-requests.ts';
import { recordProblems } from './support/ledger.ts';
import {
  countPhoneWakeUps,
  waitForPhoneAtRest,
  withEmailVerified,
} from './support/phone-lifecycle.ts';
import { mutationPaths } from './support/procedures.ts';
import { changedTables, snapshotAll } from './support/row-snapshots.ts';
import { signUpStudio, storedSettingsVersion } from './support/studio.ts';

describe('cross-site: every mutation as a form or text post from a foreign origin', () => {
  let server: TestServer;
  let owner: Owner;
  let foreignOrigins: string[];

  beforeAll(async () => {
    server = await startTestServer();
    const { port } = new URL(server.baseUrl);
    // Another site, a sandboxed frame or file (`null`), and this very host over another scheme.
    foreignOrigins = [EVIL, 'null', `https://127.0.0.1:${port}`];
    const email = 'csrf-owner@example.com';
    const studio = await signUpStudio(server, {
      studioName: 'Studio Gegen Fremde Formulare',
      ownerEmail: email,
      password: PASSWORD,
    });
    owner = { ...studio, email };
    // The welcome mail's delivery writes its row: done before any snapshot is compared.
    await waitForMailsSent(server);
  });

  afterAll(async () => {
    // The own-origin upload goes live in the background: done before the server closes.
    if (owner) await waitForPhoneAtRest(server, owner.tenantId).catch(() => {});
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
    const versionBefore = await storedSettingsVersion(server, owner.tenantId);
    const wakeUps = countPhoneWakeUps(server);
    try {
      for (const path of mutationPaths()) {
        const forged = await forgeMutation(server, owner, path, foreignOrigins);
        problems.push(...forged.problems);
        tries += forged.tries;
      }
    } finally {
      wakeUps.stop();
    }
    if (wakeUps.woken.length > 0) problems.push(`phone work woken for ${wakeUps.woken.join(', ')}`);
    const after = await snapshotAll(server);
    const changed = changedTables(before, after);
    if (changed.length > 0) problems.push(`rows changed in ${changed.join(', ')}`);
    if ((await storedSettingsVersion(server, owner.tenantId)) !== versionBefore)
      problems.push('settings version changed');
    const me = await owner.client.auth.me.query();
    if (me?.tenant.id !== owner.tenantId) problems.push('the owner’s session did not survive');
    recordProblems(task, {
      check: `Cross-site: ${mutationPaths().length} tRPC mutations × form/text/multipart, session`,
      tries,
      ok: '403 / w/o Origin: upload 403, other 400 / 405 GET, 0 rows',
      problems,
    });
    expect(problems).toEqual([]);
    expect(after).toEqual(before);
  });

  it('refuses the REST signup sent cross-site, writing nothing', async ({ task }) => {
    const before = await snapshotAll(server);
    const { problems, tries } = await forgeRestSignup(server, owner, foreignOrigins);
    const after = await snapshotAll(server);
    recordProblems(task, {
      check: 'Cross-site: REST POST /api/tenant/create × form/text/multipart',
      tries,
      ok: '403 / w/o Origin: upload 403, other 400, 0 rows',
      problems,
    });
    expect(problems).toEqual([]);
    expect(after).toEqual(before);
  });

  it('refuses cross-site posts to the carrier’s bundle callback by its signature (no guard there), writing nothing', async ({
    task,
  }) => {
    const problems: string[] = [];
    let tries = 0;
    const url = bundleCallbackUrl(server.baseUrl, owner.tenantId);
    const params = bundleParams();
    const payload = Object.fromEntries(params);
    const before = await snapshotAll(server);
    const wakeUps = countPhoneWakeUps(server);
    // The owner's address confirmed: whatever a callback could start is not held back by it.
    await withEmailVerified(server, owner.ownerId, async () => {
      try {
        // Every kind of body from every foreign origin and without one, the owner's cookie
        // with it; and the carrier's own fields with a signature made with a guessed key.
        for (const attempt of forgedAttempts(foreignOrigins)) {
          tries++;
          const result = await postForged(url, attempt, payload, owner.jar.header());
          if (!isSignatureRefusal(result))
            problems.push(
              `${attempt.kind} from ${attempt.origin}: ${result.status} ${result.text}`,
            );
        }
        for (const origin of [...foreignOrigins, server.baseUrl]) {
          tries++;
          const answer = await postBundleCallback(url, {
            body: new URLSearchParams(params).toString(),
            headers: {
              origin,
              cookie: owner.jar.header(),
              'x-twilio-signature': forgedSignature(url, params),
            },
          });
          if (!isSignatureRefusal(answer))
            problems.push(
              `signed with a guessed key from ${origin}: ${answer.status} ${answer.text}`,
            );
        }
      } finally {
        wakeUps.stop();
      }
    });
    if (wakeUps.woken.length > 0) problems.push(`phone work woken for ${wakeUps.woken.join(', ')}`);
    const after = await snapshotAll(server);
    const changed = changedTables(before, after);
    if (changed.length > 0) problems.push(`rows changed in ${changed.join(', ')}`);
    recordProblems(task, {
      check: 'Cross-site: POST /webhooks/twilio/bundles/:tenantId (no guard: signature)',
      tries,
      ok: '403 by the signature, 0 wake-ups, 0 rows',
      problems,
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

  it('accepts the very same payloads from its own origin as the web app sends them, JSON or the upload as multipart (the refusals were the guard’s)', async () => {
    const statuses: Record<string, number> = {};
    for (const path of mutationPaths())
      statuses[path] = await postFromOwnOrigin(server, owner, path);
    // Refused by the handler (a minute has not passed since the welcome mail) or sent.
    expect([200, 429]).toContain(statuses['account.resendVerification']);
    delete statuses['account.resendVerification'];
    expect(statuses).toEqual({
      'account.changeEmail': 200,
      'account.changePassword': 200,
      'account.deleteStudio': 400,
      'account.exportData': 200,
      'account.requestPasswordReset': 200,
      // Never-issued tokens, a wrong code and an unknown session: refused by the handlers.
      'account.resetPassword': 400,
      'account.revokeOtherSessions': 200,
      'account.revokeSession': 404,
      'account.verifyEmail': 400,
      'account.verifyEmailCode': 400,
      'auth.login': 200,
      'auth.logout': 200,
      'channels.revealSecret': 200,
      // Multipart from the app's origin, the owner's address confirmed: in review.
      'channels.submitPhoneVerification': 200,
      'channels.testWebhook': 200,
      'history.restore': 200,
      'invitation.accept': 400,
      // The run is ready: found and refused by the handler, not by the guard.
      'provisioning.retry': 409,
      'settings.saveSection': 200,
      'signup.create': 200,
      'team.invite': 200,
      'team.remove': 404,
      'team.revokeInvitation': 404,
    });
    expect((await owner.client.auth.me.query())?.tenant.id).toBe(owner.tenantId);
  });
});
