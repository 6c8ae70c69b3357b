import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import postgres from 'postgres';
import { inject } from 'vitest';
import { MIGRATIONS_FOLDER } from '../../src/db/migrations-folder.ts';
import {
  type ConsentDocument,
  type CreateTenantDeps,
  createDb,
  createJobBoss,
  createOutbox,
  createPasswordHasher,
  createProvisioningEngine,
  createRunFeed,
  createTenant,
  type Database,
  type DbHandle,
  type EngineOptions,
  generateKeySpec,
  type Keyring,
  type PasswordHasher,
  type ProvisioningServices,
  parseKeyring,
  parseOrThrow,
  placeholderPhone,
  signupInputSchema,
} from '../../src/index.ts';
import { createSandboxProviders } from '../../src/sandbox.ts';
import './provided-context.ts';

/**
 * A fresh, migrated database per test on real PostgreSQL: the embedded server this test run
 * started (see `embedded-server.global.ts`), or the server of `DATABASE_URL` when that is set.
 * Each is created from a migrated template, so it costs milliseconds, not a migration.
 */
export interface TestDb extends DbHandle {
  /** Every row of every table as text, for checks that no plaintext secret is stored. */
  dump(): Promise<Buffer>;
  /** A postgres:// URL of this database, for a child server process. */
  url: string;
}

/** The server the test databases are made on. */
export const testServerUrl = () => process.env.DATABASE_URL || inject('embeddedDatabaseUrl');

export const describeDatabase = () =>
  process.env.DATABASE_URL ? 'PostgreSQL at DATABASE_URL' : 'embedded PostgreSQL';

const migrationsFingerprint = async () => {
  const hash = createHash('sha256');
  for (const file of (await readdir(MIGRATIONS_FOLDER)).sort()) {
    if (file.endsWith('.sql')) hash.update(await readFile(join(MIGRATIONS_FOLDER, file)));
  }
  return hash.digest('hex').slice(0, 12);
};

/** Installs the job engine's schema too, so tests do not pay for it each time. */
const installJobEngine = async (handle: DbHandle) => {
  const jobs = createJobBoss(handle);
  const engine = createProvisioningEngine(jobs, handle, createTestServices(), { concurrency: 1 });
  await engine.start();
  await engine.stop();
  await jobs.stop();
};

const withDatabase = (url: string, database: string) => {
  const next = new URL(url);
  next.pathname = `/${database}`;
  return next.toString();
};

let template: Promise<string> | undefined;
const buildTemplate = async (admin: postgres.Sql, adminUrl: string) => {
  const name = `pilar_template_${await migrationsFingerprint()}_jobs`;
  await admin`select pg_advisory_lock(hashtext(${name}))`;
  try {
    const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
    if (!exists) {
      const building = `${name}_building_${randomBytes(4).toString('hex')}`;
      await admin.unsafe(`create database "${building}"`);
      const handle = await createDb({ databaseUrl: withDatabase(adminUrl, building) });
      await installJobEngine(handle);
      await handle.close();
      await admin.unsafe(`alter database "${building}" rename to "${name}"`);
    }
  } finally {
    await admin`select pg_advisory_unlock(hashtext(${name}))`;
  }
  return name;
};

/** What pg_dump would find, read over the connection (the embedded server ships no pg_dump). */
const dumpRows = async (url: string) => {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const tables = await client<{ name: string }[]>`
      select format('%I.%I', schemaname, tablename) as name from pg_tables
      where schemaname not in ('pg_catalog', 'information_schema') order by 1`;
    const lines: string[] = [];
    for (const { name } of tables) {
      const rows = await client.unsafe<{ row: string }[]>(`select t::text as row from ${name} t`);
      lines.push(`-- ${name}`, ...rows.map(({ row }) => row));
    }
    return Buffer.from(lines.join('\n'));
  } finally {
    await client.end();
  }
};

export const createTestDb = async (): Promise<TestDb> => {
  const adminUrl = testServerUrl();
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  template ??= buildTemplate(admin, adminUrl);
  const name = `pilar_test_${randomBytes(6).toString('hex')}`;
  await admin.unsafe(`create database "${name}" template "${await template}"`);
  const url = withDatabase(adminUrl, name);
  const handle = await createDb({ databaseUrl: url, maxConnections: 20 });
  return {
    ...handle,
    url,
    dump: () => dumpRows(url),
    close: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
};

export const createTestServices = (
  overrides: Partial<ProvisioningServices> = {},
): ProvisioningServices => ({
  keyring: parseKeyring(generateKeySpec()),
  providers: createSandboxProviders({ reviewSeconds: 0 }),
  placeholderPhone,
  ...overrides,
});

/** Engine settings that keep tests quick: fast retries and recovery. */
export const TEST_ENGINE_OPTIONS: EngineOptions = {
  concurrency: 4,
  pollingIntervalSeconds: 0.5,
  retryDelaySeconds: 0,
  recoveryIntervalSeconds: 1,
  stallSeconds: 2,
};

let sharedPasswords: PasswordHasher | undefined;
/** One worker pool per test process: pools are meant to live as long as the process. */
export const testPasswordHasher = () => {
  sharedPasswords ??= createPasswordHasher({ threads: 2 });
  return sharedPasswords;
};

export interface TestProvisioning {
  services: ProvisioningServices;
  deps: CreateTenantDeps;
  /** A signup as the REST route makes it: the body validated, then the domain's createTenant. */
  createTenant(db: Database, body: unknown): ReturnType<typeof createTenant>;
  stop(): Promise<void>;
}

/** The durable engine and the run feed over a test database, as the API runs them. */
export const startTestProvisioning = async (
  handle: DbHandle,
  services = createTestServices(),
  options: EngineOptions = {},
): Promise<TestProvisioning> => {
  const jobs = createJobBoss(handle);
  const engine = createProvisioningEngine(jobs, handle, services, {
    ...TEST_ENGINE_OPTIONS,
    ...options,
  });
  await engine.start();
  const feed = await createRunFeed(handle);
  const deps = {
    engine,
    feed,
    keyring: services.keyring,
    passwords: testPasswordHasher(),
    outbox: outboxWithoutDelivery(services.keyring),
    consentDocuments: TEST_CONSENT_DOCUMENTS,
  };
  return {
    services,
    deps,
    createTenant: async (db, body) =>
      createTenant(db, deps, {
        signup: parseOrThrow(signupInputSchema, body),
        source: 'api',
        timeoutMs: 30_000,
      }),
    stop: async () => {
      await engine.stop();
      await jobs.stop();
      await feed.close();
    },
  };
};

/** What a signup in these tests accepts; the API's tests accept the operator's real documents. */
export const TEST_CONSENT_DOCUMENTS: ConsentDocument[] = [
  { document: 'terms', version: 'test', hash: createHash('sha256').update('terms').digest('hex') },
  { document: 'dpa', version: 'test', hash: createHash('sha256').update('dpa').digest('hex') },
];

/**
 * The outbox as the domain writes it, with no delivery running: these tests look at what is
 * written (mails stay pending); the API's tests deliver them over SMTP.
 */
export const outboxWithoutDelivery = (keyring: Keyring) =>
  createOutbox({
    keyring,
    messageIdDomain: 'test.invalid',
    publicUrl: () => 'http://localhost:3000',
    notify: async () => {},
  });

export * from './tenant-rows.ts';
