import { schema } from '@pilar/provisioning';
import { afterEach, describe, expect, it } from 'vitest';
import { WIZARD_CONSENT } from './support/signup-consent.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { createTestClient, errorOf } from './support/trpc-client.ts';

const studio = (i: number) => ({
  studioName: `Grenz-Studio ${i}`,
  ownerEmail: `grenze${i}@example.com`,
  password: 'SicheresPasswort!',
});

describe('sign-ups per client address', () => {
  let server: TestServer;
  afterEach(async () => {
    await server.close();
  });

  it('refuses sign-ups over the limit with 429, a clear message and Retry-After, on tRPC and REST', async () => {
    server = await startTestServer({ signupLimit: { limit: 2, windowSeconds: 600 } });
    const { client } = createTestClient(server.baseUrl);
    const first = {
      ...studio(1),
      consent: WIZARD_CONSENT,
      idempotencyKey: '6f1c2a34-8d2b-4c1e-9f3a-1b2c3d4e5f60',
    };
    await client.signup.create.mutate(first);
    await client.signup.create.mutate({ ...studio(2), consent: WIZARD_CONSENT });
    // Replaying an idempotent request is not a new sign-up and is not counted.
    await expect(client.signup.create.mutate(first)).resolves.toMatchObject({
      tenantId: expect.any(String),
    });

    const refused = await errorOf(
      client.signup.create.mutate({ ...studio(3), consent: WIZARD_CONSENT }),
    );
    expect(refused.message).toMatch(
      /^Too many sign-ups from this address\. Try again in (599|600) seconds\.$/,
    );
    expect(refused.data).toMatchObject({
      httpStatus: 429,
      domainCode: 'TOO_MANY_SIGNUPS',
      retryAfterSeconds: expect.any(Number),
    });
    expect(refused.data?.domainData).toEqual({
      retryAfterSeconds: refused.data?.retryAfterSeconds,
    });

    const rest = await fetch(`${server.baseUrl}/api/tenant/create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(studio(4)),
    });
    expect(rest.status).toBe(429);
    expect(Number(rest.headers.get('retry-after'))).toBeGreaterThan(590);
    expect(await rest.json()).toEqual({
      success: false,
      error: expect.stringMatching(/^Too many sign-ups from this address/),
    });

    const raw = await fetch(`${server.baseUrl}/trpc/signup.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...studio(5), consent: WIZARD_CONSENT }),
    });
    expect(raw.status).toBe(429);
    expect(Number(raw.headers.get('retry-after'))).toBeGreaterThan(590);

    const tenants = await server.testDb.db.select().from(schema.tenants);
    expect(tenants.map((tenant) => tenant.name).sort()).toEqual([
      'Grenz-Studio 1',
      'Grenz-Studio 2',
    ]);
  });

  it('counts concurrent sign-ups exactly', async () => {
    server = await startTestServer({ signupLimit: { limit: 3, windowSeconds: 600 } });
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        createTestClient(server.baseUrl).client.signup.create.mutate({
          ...studio(10 + i),
          consent: WIZARD_CONSENT,
        }),
      ),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(3);
    expect(await server.testDb.db.select().from(schema.tenants)).toHaveLength(3);
  });
});
