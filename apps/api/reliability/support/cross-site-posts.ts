import { countAll } from '@pilar/provisioning/testing';
import { postForText, type TestServer, waitForRunStatus } from '../../test/support/test-server.ts';
import {
  FORM_UPLOADS,
  type Owner,
  PASSWORD,
  PAYLOADS,
  REST_PAYLOAD,
} from './cross-site-payloads.ts';
import { EVIL, forgedAttempts, postForged, refusalProblems } from './forged-requests.ts';
import { withEmailVerified } from './phone-lifecycle.ts';
import { newSession, storedSettingsVersion } from './studio.ts';

const countsOf = async (server: TestServer) => JSON.stringify(await countAll(server.testDb.db));

/** The owner with the settings version as stored now, for inputs that name it. */
export const currentOwner = async (server: TestServer, owner: Owner): Promise<Owner> => ({
  ...owner,
  version: await storedSettingsVersion(server, owner.tenantId),
});

/** Runs `work` as the path needs the owner: a form upload with the address confirmed. */
const asOwnerFor = <T>(server: TestServer, owner: Owner, path: string, work: () => Promise<T>) =>
  FORM_UPLOADS.has(path) ? withEmailVerified(server, owner.ownerId, work) : work();

/** The payload as the web app's form upload posts it. */
const formOf = (payload: Record<string, unknown>) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(payload))
    form.append(name, value instanceof Blob ? value : String(value));
  return form;
};

/** The forgeries of one mutation, as `forgeMutation` says. */
const forgeAs = async (
  server: TestServer,
  owner: Owner,
  path: string,
  foreignOrigins: string[],
) => {
  const problems: string[] = [];
  let tries = 0;
  const payload = PAYLOADS[path]?.(await currentOwner(server, owner)) ?? {};
  const counts = await countsOf(server);
  const url = `${server.baseUrl}/trpc/${path}`;
  for (const attempt of forgedAttempts(foreignOrigins)) {
    tries++;
    const result = await postForged(url, attempt, payload, owner.jar.header());
    problems.push(...refusalProblems(path, attempt, result));
    if (result.setsCookie) problems.push(`${path} ${attempt.kind}: set a cookie`);
  }
  tries++;
  const viaGet = await fetch(`${url}?input=${encodeURIComponent(JSON.stringify(payload))}`, {
    headers: { cookie: owner.jar.header(), origin: EVIL },
  });
  if (viaGet.status !== 405) problems.push(`${path} over GET: ${viaGet.status}`);
  const countsAfter = await countsOf(server);
  if (countsAfter !== counts) problems.push(`${path}: rows changed ${counts} → ${countsAfter}`);
  return { problems, tries };
};

/**
 * Forges one mutation with the owner's cookie: every attempt of `forgedAttempts`, then as a
 * GET (a link or an <img> must not change anything: 405). Any other answer, a cookie set,
 * or a row count changed is a problem.
 */
export const forgeMutation = (
  server: TestServer,
  owner: Owner,
  path: string,
  foreignOrigins: string[],
) => asOwnerFor(server, owner, path, () => forgeAs(server, owner, path, foreignOrigins));

/** Forges the REST sign-up with the owner's cookie: every attempt of `forgedAttempts`. */
export const forgeRestSignup = async (
  server: TestServer,
  owner: Owner,
  foreignOrigins: string[],
) => {
  const problems: string[] = [];
  let tries = 0;
  const url = `${server.baseUrl}/api/tenant/create`;
  const counts = await countsOf(server);
  for (const attempt of forgedAttempts(foreignOrigins)) {
    tries++;
    const result = await postForged(url, attempt, REST_PAYLOAD, owner.jar.header());
    problems.push(...refusalProblems('REST', attempt, result));
  }
  if ((await countsOf(server)) !== counts) problems.push('rows changed');
  return { problems, tries };
};

/**
 * Sends a mutation's payload as the web app does, JSON (a form upload: multipart) from the
 * server's own origin, and returns the status. Logging in or out ends the session it is sent
 * with: those get a session of their own. A studio signed up this way is waited for until
 * provisioned.
 */
export const postFromOwnOrigin = async (server: TestServer, owner: Owner, path: string) => {
  const payload = PAYLOADS[path]?.(await currentOwner(server, owner)) ?? {};
  const cookie =
    path === 'auth.login' || path === 'auth.logout'
      ? await newSession(server.baseUrl, owner.email, PASSWORD)
      : owner.jar.header();
  const url = `${server.baseUrl}/trpc/${path}`;
  const headers = { origin: server.baseUrl, cookie };
  const { status, text } = FORM_UPLOADS.has(path)
    ? await asOwnerFor(server, owner, path, async () => {
        const response = await fetch(url, { method: 'POST', headers, body: formOf(payload) });
        return { status: response.status, text: await response.text() };
      })
    : await postForText(url, payload, headers);
  const runId = (JSON.parse(text) as { result?: { data?: { runId?: string } } }).result?.data
    ?.runId;
  if (path === 'signup.create' && runId) await waitForRunStatus(server, runId, 'ready');
  return status;
};
