import type { AddressInfo } from 'node:net';
import { createTestDb, createTestServices, type TestDb } from '@pilar/provisioning/testing';
import { createApp } from '../../src/app.ts';
import { createLogger } from '../../src/logger.ts';

export interface TestServer {
  baseUrl: string;
  testDb: TestDb;
  close(): Promise<void>;
}

/** The real HTTP server on an ephemeral port, over a fresh test database. */
export const startTestServer = async (): Promise<TestServer> => {
  const testDb = await createTestDb();
  const server = createApp({
    db: testDb.db,
    driver: testDb.driver,
    logger: createLogger('silent'),
    services: createTestServices(),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    testDb,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await testDb.close();
    },
  };
};

export const postJson = async (
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
) => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};
