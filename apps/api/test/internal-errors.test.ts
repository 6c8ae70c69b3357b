import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { WIZARD_CONSENT } from './support/signup-consent.ts';
import { startTestServer } from './support/test-server.ts';
import { createTestClient, errorOf } from './support/trpc-client.ts';

describe('unexpected failures', () => {
  it('answer 500 with a generic message, never the database error', async () => {
    const server = await startTestServer();
    try {
      const { client } = createTestClient(server.baseUrl);
      await client.signup.create.mutate({
        studioName: 'Kaputt',
        ownerEmail: 'kaputt@example.com',
        password: 'SicheresPasswort!',
        consent: WIZARD_CONSENT,
      });
      // A broken schema stands for any failure nobody planned for.
      await server.testDb.db.execute(sql`alter table sessions rename to sessions_gone`);
      const error = await errorOf(client.auth.me.query());
      expect(error.data?.httpStatus).toBe(500);
      expect(error.message).toBe('Internal server error');
      await server.testDb.db.execute(sql`alter table sessions_gone rename to sessions`);
    } finally {
      await server.close();
    }
  });
});
