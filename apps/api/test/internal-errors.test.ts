import { describe, expect, it } from 'vitest';
import { startTestServer } from './support/test-server.ts';
import { createTestClient, errorOf } from './support/trpc-client.ts';

describe('unexpected failures', () => {
  it('answer 500 with a generic message, never the database error', async () => {
    const server = await startTestServer();
    const { client, jar } = createTestClient(server.baseUrl);
    await client.signup.create.mutate({
      studioName: 'Kaputt',
      ownerEmail: 'kaputt@example.com',
      password: 'SicheresPasswort!',
    });
    expect(jar.cookies.get('pilar_session')).toBeDefined();
    // The database goes away under a running server.
    await server.testDb.close();
    const error = await errorOf(client.auth.me.query());
    expect(error.data?.httpStatus).toBe(500);
    expect(error.message).toBe('Internal server error');
    await server.close().catch(() => {});
  });
});
