import { countAll } from '@pilar/provisioning/testing';
import { postForText, type TestServer, waitForRunStatus } from '../../test/support/test-server.ts';
import { type Owner, PASSWORD, PAYLOADS, REST_PAYLOAD } from './cross-site-payloads.ts';
import { EVIL, forgedAttempts, postForged, refusalProblems } from './forged-requests.ts';
import { newSession, storedSettingsVersion } from './studio.ts';

const countsOf = async (server: TestServer) => JSON.stringify(await countAll(server.testDb.db));

/** The owner with the settings version as stored now, for inputs that name it. */
export const currentOwner = async (server: TestServer, owner: Owner): Promise<Owner> => ({
  ...owner,
  version: await storedSettingsVersion(server, owner.tenantId),
});

/**
 * Forges one mutation with the owner's cookie: every attempt of `forgedAttempts`, then as a
 * GET (a link or an <img> must not change anything: 405). Any other answer, a cookie set,
 * or a row count changed is a problem.
 */
export const forgeMutation = async (
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
 * Sends a mutation's payload as the web app does, JSON from the server's own origin, and
 * returns the status. Logging in or out ends the session it is sent with: those get a
 * session of their own. A studio signed up this way is waited for until provisioned.
 */
export const postFromOwnOrigin = async (server: TestServer, owner: Owner, path: string) => {
  const payload = PAYLOADS[path]?.(await currentOwner(server, owner)) ?? {};
  const cookie =
    path === 'auth.login' || path === 'auth.logout'
      ? await newSession(server.baseUrl, owner.email, PASSWORD)
      : owner.jar.header();
  const { status, text } = await postForText(`${server.baseUrl}/trpc/${path}`, payload, {
    origin: server.baseUrl,
    cookie,
  });
  const runId = (JSON.parse(text) as { result?: { data?: { runId?: string } } }).result?.data
    ?.runId;
  if (path === 'signup.create' && runId) await waitForRunStatus(server, runId, 'ready');
  return status;
};
