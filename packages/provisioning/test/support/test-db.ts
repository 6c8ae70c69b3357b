import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import postgres from 'postgres';
import {
  assertTenantIsolation,
  createDb,
  createPasswordHasher,
  createProvisioningEngine,
  createRunFeed,
  createSandboxProviders,
  type DbHandle,
  type EngineOptions,
  generateKeySpec,
  MIGRATIONS_FOLDER,
  openPglite,
  type PasswordHasher,
  type Provisioner,
  type ProvisioningServices,
  parseKeyring,
} from '../../src/index.ts';

/**
 * A fresh, migrated database per test: PGlite by default, a new database on the server of
 * `DATABASE_URL` when that is set. Both start from a migrated template, so each costs
 * milliseconds rather than a full migration.
 */
export interface TestDb extends DbHandle {
  /** A dump of everything the database holds, for checks that no plaintext secret is in it. */
  dump(): Promise<Buffer>;
  /** A postgres:// URL of this database (PostgreSQL only), for a child server process. */
  url?: string;
}

const migrationsFingerprint = async () => {
  const hash = createHash('sha256');
  for (const file of (await readdir(MIGRATIONS_FOLDER)).sort()) {
    if (file.endsWith('.sql')) hash.update(await readFile(join(MIGRATIONS_FOLDER, file)));
  }
  return hash.digest('hex').slice(0, 12);
};

/** Installs the job engine's schema too, so tests do not pay for it each time. */
const installJobEngine = async (handle: DbHandle) => {
  const engine = createProvisioningEngine(handle, createTestServices(), { concurrency: 1 });
  await engine.start();
  await engine.stop();
};

let pgliteTemplate: Promise<Blob> | undefined;
const buildPgliteTemplate = async () => {
  const handle = await openPglite();
  await assertTenantIsolation(handle.db);
  await installJobEngine(handle);
  const blob = await handle.client.dumpDataDir('none');
  await handle.close();
  return blob;
};

const createPgliteTestDb = async (): Promise<TestDb> => {
  pgliteTemplate ??= buildPgliteTemplate();
  const handle = await openPglite({ loadDataDir: await pgliteTemplate });
  return {
    ...handle,
    dump: async () => Buffer.from(await (await handle.client.dumpDataDir('none')).arrayBuffer()),
  };
};

const withDatabase = (url: string, database: string) => {
  const next = new URL(url);
  next.pathname = `/${database}`;
  return next.toString();
};

let postgresTemplate: Promise<string> | undefined;
const buildPostgresTemplate = async (admin: postgres.Sql, adminUrl: string) => {
  const name = `pilar_template_${await migrationsFingerprint()}_jobs`;
  await admin`select pg_advisory_lock(hashtext(${name}))`;
  try {
    const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
    if (!exists) {
      const building = `${name}_building_${randomBytes(4).toString('hex')}`;
      await admin.unsafe(`create database "${building}"`);
      const handle = await createDb({
        driver: 'postgres',
        databaseUrl: withDatabase(adminUrl, building),
      });
      await installJobEngine(handle);
      await handle.close();
      await admin.unsafe(`alter database "${building}" rename to "${name}"`);
    }
  } finally {
    await admin`select pg_advisory_unlock(hashtext(${name}))`;
  }
  return name;
};

const createPostgresTestDb = async (adminUrl: string): Promise<TestDb> => {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  postgresTemplate ??= buildPostgresTemplate(admin, adminUrl);
  const template = await postgresTemplate;
  const name = `pilar_test_${randomBytes(6).toString('hex')}`;
  await admin.unsafe(`create database "${name}" template "${template}"`);
  const url = withDatabase(adminUrl, name);
  const handle = await createDb({ driver: 'postgres', databaseUrl: url, maxConnections: 20 });
  return {
    ...handle,
    url,
    dump: async () => {
      const { stdout } = await promisify(execFile)('pg_dump', ['--dbname', url], {
        maxBuffer: 256 * 1024 * 1024,
        encoding: 'buffer',
      });
      return stdout;
    },
    close: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
};

export const createTestDb = (): Promise<TestDb> => {
  const url = process.env.DATABASE_URL;
  return url ? createPostgresTestDb(url) : createPgliteTestDb();
};

export const createTestServices = (
  overrides: Partial<ProvisioningServices> = {},
): ProvisioningServices => ({
  keyring: parseKeyring(generateKeySpec()),
  providers: createSandboxProviders(),
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
  provisioner: Provisioner;
  stop(): Promise<void>;
}

/** The durable engine and the run feed over a test database, as the API runs them. */
export const startTestProvisioning = async (
  handle: DbHandle,
  services = createTestServices(),
  options: EngineOptions = {},
): Promise<TestProvisioning> => {
  const engine = createProvisioningEngine(handle, services, { ...TEST_ENGINE_OPTIONS, ...options });
  await engine.start();
  const feed = await createRunFeed(handle);
  return {
    services,
    provisioner: {
      engine,
      feed,
      keyring: services.keyring,
      passwords: testPasswordHasher(),
      timeoutMs: 30_000,
    },
    stop: async () => {
      await engine.stop();
      await feed.close();
    },
  };
};

export const describeDriver = () => (process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite');
export * from './tenant-rows.ts';
