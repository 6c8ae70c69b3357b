import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../src/db/embedded/start-embedded-postgres.ts';
import './provided-context.ts';

/**
 * One embedded PostgreSQL server for the whole test run (unless `DATABASE_URL` names one):
 * every test makes its own database on it. Durability is off; nothing here must survive.
 */
export default async function startTestServer(project: TestProject) {
  if (process.env.DATABASE_URL) return;
  const dataDir = await mkdtemp(join(tmpdir(), 'pilar-test-postgres-'));
  const server = await startEmbeddedPostgres({ dataDir, durable: false, maxConnections: 400 });
  project.provide('embeddedDatabaseUrl', server.url);
  return async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
