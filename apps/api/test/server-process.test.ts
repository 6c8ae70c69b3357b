import { mkdtemp, rm, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeySpec } from '@pilar/provisioning';
import { createTestDb, type TestDb, testServerUrl } from '@pilar/provisioning/testing';
import postgres from 'postgres';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runFailingStart, startServerProcess } from './support/server-process.ts';
import { postJson } from './support/test-server.ts';

describe('the server process on the embedded database', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pilar-server-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  const signup = {
    studioName: 'Dauerhaft Fit',
    ownerEmail: 'dauer@example.com',
    password: 'GeheimesPasswort-42',
  };

  it('keeps tenants across a restart on the same DATA_DIR and never logs the password', async () => {
    const first = await startServerProcess({ DATA_DIR: dataDir });
    const created = await postJson(`${first.baseUrl}/api/tenant/create`, signup);
    expect(created.status).toBe(201);
    expect(await first.stop()).toBe(0);
    expect((await stat(join(dataDir, 'secret.key'))).mode & 0o777).toBe(0o600);

    const second = await startServerProcess({ DATA_DIR: dataDir });
    try {
      const again = await postJson(`${second.baseUrl}/api/tenant/create`, signup);
      expect(again).toEqual({
        status: 409,
        body: { success: false, error: 'Email already exists' },
      });
    } finally {
      await second.stop();
    }
    expect(first.output()).toContain('"status":201');
    expect(second.output()).toContain('"status":409');
    for (const output of [first.output(), second.output()]) {
      expect(output).not.toContain(signup.password);
    }
  });

  it('refuses to start with PostgreSQL but no SECRET_KEY, and with a malformed key', async () => {
    const noKey = await runFailingStart({
      DATA_DIR: dataDir,
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
      SECRET_KEY: '',
    });
    expect(noKey.code).toBe(1);
    expect(noKey.output).toContain('SECRET_KEY is required with DATABASE_URL');
    const badKey = await runFailingStart({ DATA_DIR: dataDir, SECRET_KEY: 'short' });
    expect(badKey.code).toBe(1);
    expect(badKey.output).toContain('must be 32 bytes');
  });

  it('says in one line that its port is taken, instead of a stack trace', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = taken.address() as AddressInfo;
      const result = await runFailingStart({
        DATA_DIR: dataDir,
        HOST: '127.0.0.1',
        PORT: String(port),
      });
      expect(result.code).toBe(1);
      expect(result.output).toContain(`start-up failed: listen EADDRINUSE`);
      expect(result.output).toContain(`127.0.0.1:${port}`);
    } finally {
      taken.close();
    }
  });

  it('refuses an invalid environment with a readable message', async () => {
    const result = await runFailingStart({ DATA_DIR: dataDir, PORT: 'abc' });
    expect(result.code).toBe(1);
    expect(result.output).toContain('Invalid environment');
    expect(result.output).toContain('PORT');
  });
});

describe('the server process on PostgreSQL', () => {
  let testDb: TestDb;
  let admin: postgres.Sql;
  const role = `pilar_app_${process.pid}`;
  beforeEach(async () => {
    testDb = await createTestDb();
    admin = postgres(testDb.url, { max: 1, onnotice: () => {} });
  });
  afterEach(async () => {
    await admin.end();
    await testDb.close();
    const cluster = postgres(testServerUrl(), { max: 1, onnotice: () => {} });
    await cluster.unsafe(`drop role if exists ${role}`);
    await cluster.end();
  });

  it('refuses to serve tenants through a database role that row-level security would not bind', async () => {
    // A plain login role that owns the database but is neither superuser nor BYPASSRLS: it
    // could migrate, but sign-up and login would see no rows and tenant isolation is unproven.
    await admin.unsafe(`create role ${role} login password '${role}' nosuperuser nobypassrls`);
    await admin.unsafe(
      `alter database "${new URL(testDb.url).pathname.slice(1)}" owner to ${role}`,
    );
    await admin.unsafe(`alter schema drizzle owner to ${role}`);
    await admin.unsafe(`grant select, insert on all tables in schema drizzle to ${role}`);
    const url = new URL(testDb.url);
    url.username = role;
    url.password = role;
    const refused = await runFailingStart({
      DATABASE_URL: url.toString(),
      SECRET_KEY: generateKeySpec(),
    });
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('Refusing to serve tenants');
    // The log line is JSON: the message's quotes arrive escaped.
    expect(refused.output).toContain(`${role}\\" must be a superuser or have BYPASSRLS`);
    expect(refused.output).toContain(`${role}\\" cannot switch to \\"pilar_tenant\\"`);
  });
});
