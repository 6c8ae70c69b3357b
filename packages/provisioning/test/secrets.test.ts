import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type Database,
  generateKeySpec,
  type Keyring,
  loadOrCreateKeyFile,
  openSecret,
  parseKeyring,
  resealChannelSecrets,
  revealChannelSecrets,
  schema,
  sealSecret,
} from '../src/index.ts';
import {
  createTestDb,
  createTestServices,
  describeDatabase,
  startTestProvisioning,
  type TestDb,
  type TestProvisioning,
} from './support/test-db.ts';

const phoneOf = async (db: Database, tenantId: string) => {
  const [phone] = await db
    .select()
    .from(schema.phoneNumbers)
    .where(eq(schema.phoneNumbers.tenantId, tenantId));
  if (!phone) throw new Error(`tenant ${tenantId} has no phone number`);
  return phone;
};

/** The keyring after a rotation: a new current key, the old one still listed for reading. */
const rotateTo = (id: string, old: Keyring) =>
  parseKeyring(`${generateKeySpec(id)},${old.current.id}:${old.current.key.toString('base64')}`);

const context = { tenantId: '00000000-0000-4000-8000-000000000001', purpose: 'test' };

describe('sealed secrets', () => {
  it('round-trips UTF-8 and never stores the plaintext', () => {
    const keyring = parseKeyring(generateKeySpec());
    const sealed = sealSecret(keyring, 'Grüße 🔐', context);
    expect(JSON.stringify(sealed)).not.toContain('Grüße');
    expect(openSecret(keyring, sealed, context)).toBe('Grüße 🔐');
  });

  it('reads data sealed under an older key after rotation, and seals new data with the new key', () => {
    const v1 = generateKeySpec('v1');
    const sealedUnderV1 = sealSecret(parseKeyring(v1), 'alt', context);
    const rotated = parseKeyring(`${generateKeySpec('v2')},${v1}`);
    expect(openSecret(rotated, sealedUnderV1, context)).toBe('alt');
    expect(sealSecret(rotated, 'neu', context).kid).toBe('v2');
  });

  it('refuses a tampered ciphertext, a secret moved to another tenant, and an unknown key', () => {
    const keyring = parseKeyring(generateKeySpec());
    const sealed = sealSecret(keyring, 'geheim', context);
    const flipped = Buffer.from(sealed.ct, 'base64');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() =>
      openSecret(keyring, { ...sealed, ct: flipped.toString('base64') }, context),
    ).toThrow(expect.objectContaining({ code: 'SECRET_UNREADABLE' }));
    expect(() =>
      openSecret(keyring, sealed, { ...context, tenantId: '00000000-0000-4000-8000-000000000002' }),
    ).toThrow(expect.objectContaining({ code: 'SECRET_UNREADABLE' }));
    expect(() => openSecret(keyring, { ...sealed, kid: 'nope' }, context)).toThrow(
      'unknown key id',
    );
  });

  it.each([
    ['', 'SECRET_KEY is empty'],
    ['tooshort', 'must be 32 bytes'],
    [`bad id!:${'a'.repeat(64)}`, 'Secret key id'],
    [`k1:${'a'.repeat(64)},k1:${'b'.repeat(64)}`, 'lists a key id twice'],
  ])('refuses the key specification %j', (spec, message) => {
    expect(() => parseKeyring(spec)).toThrow(message);
  });

  it('accepts a bare hex or base64 key', () => {
    expect(parseKeyring('ab'.repeat(32)).current.key).toHaveLength(32);
    expect(parseKeyring(Buffer.alloc(32, 7).toString('base64')).current.key).toHaveLength(32);
  });
});

describe('embedded key file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pilar-key-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is created once, private to its owner, and reused', async () => {
    const [first, second] = await Promise.all([loadOrCreateKeyFile(dir), loadOrCreateKeyFile(dir)]);
    expect(first).toBe(second);
    expect(await loadOrCreateKeyFile(dir)).toBe(first);
    expect((await stat(join(dir, 'secret.key'))).mode & 0o777).toBe(0o600);
    expect(parseKeyring(first).current.id).toBe('k1');
    expect((await readFile(join(dir, 'secret.key'), 'utf8')).trim()).toBe(first);
  });
});

describe(`channel secrets in the database on ${describeDatabase()}`, () => {
  let testDb: TestDb;
  let provisioning: TestProvisioning;
  const services = createTestServices();
  beforeEach(async () => {
    testDb = await createTestDb();
    provisioning = await startTestProvisioning(testDb, services);
  });
  afterEach(async () => {
    await provisioning.stop();
    await testDb.close();
  });

  const signup = (i: number) => ({
    studioName: `Studio ${i}`,
    ownerEmail: `owner${i}@example.com`,
    password: `Passwort-${i}-sicher`,
  });

  it('keeps no generated secret or password in plaintext anywhere in a full dump', async () => {
    const { db } = testDb;
    const tenants = await Promise.all(
      [1, 2, 3].map((i) => provisioning.createTenant(db, signup(i))),
    );
    const generated = (
      await Promise.all(
        tenants.map(({ tenantId }) => revealChannelSecrets(db, services.keyring, tenantId)),
      )
    ).flatMap((secrets) => [
      ...secrets.sipPasswords.map((s) => s.password),
      ...secrets.whatsApp.flatMap((w) => [w.accessToken, w.webhookVerifyToken]),
    ]);
    expect(generated).toHaveLength(9);
    expect(new Set(generated).size).toBe(9);
    const dump = await testDb.dump();
    expect(dump.length).toBeGreaterThan(10_000);
    // The dump really holds the rows: the studio names are there in clear text.
    expect(dump.includes(Buffer.from('Studio 2'))).toBe(true);
    for (const secret of [
      ...generated,
      'Passwort-1-sicher',
      'Passwort-2-sicher',
      'Passwort-3-sicher',
    ]) {
      expect(dump.includes(Buffer.from(secret)), `plaintext ${secret.slice(0, 4)}… in dump`).toBe(
        false,
      );
    }
  });

  it('reads secrets sealed under the old key after rotation and re-encrypts them under the new one', async () => {
    const { db } = testDb;
    const created = await provisioning.createTenant(db, signup(1));
    const before = await revealChannelSecrets(db, services.keyring, created.tenantId);
    const rotated = rotateTo('v2', services.keyring);
    // Readable with the old key still listed, before anything was re-encrypted.
    expect(await revealChannelSecrets(db, rotated, created.tenantId)).toEqual(before);

    expect(await resealChannelSecrets(db, rotated)).toEqual({ resealed: 2, unreadable: 0 });
    const phone = await phoneOf(db, created.tenantId);
    const [channel] = await db.select().from(schema.whatsAppChannels);
    expect([
      phone.sipCredentials.password.kid,
      channel?.waCloudApiConfig.accessToken.kid,
      channel?.waCloudApiConfig.webhookVerifyToken.kid,
    ]).toEqual(['v2', 'v2', 'v2']);
    // The old key can now be retired.
    const newOnly = parseKeyring(`v2:${rotated.current.key.toString('base64')}`);
    expect(await revealChannelSecrets(db, newOnly, created.tenantId)).toEqual(before);
    expect(await resealChannelSecrets(db, newOnly)).toEqual({ resealed: 0, unreadable: 0 });
  });

  it('leaves a secret it cannot read untouched when re-encrypting', async () => {
    const { db } = testDb;
    const victim = await provisioning.createTenant(db, signup(1));
    const attacker = await provisioning.createTenant(db, signup(2));
    const victimPhone = await phoneOf(db, victim.tenantId);
    const attackerPhone = await phoneOf(db, attacker.tenantId);
    const moved = {
      ...attackerPhone.sipCredentials,
      password: victimPhone.sipCredentials.password,
    };
    await db
      .update(schema.phoneNumbers)
      .set({ sipCredentials: moved })
      .where(eq(schema.phoneNumbers.id, attackerPhone.id));
    const rotated = rotateTo('v2', services.keyring);
    expect(await resealChannelSecrets(db, rotated)).toEqual({ resealed: 3, unreadable: 1 });
    expect((await phoneOf(db, attacker.tenantId)).sipCredentials).toEqual(moved);
  });

  it('refuses a SIP password copied into another tenant’s row', async () => {
    const { db } = testDb;
    const victim = await provisioning.createTenant(db, signup(1));
    const attacker = await provisioning.createTenant(db, signup(2));
    const victimPhone = await phoneOf(db, victim.tenantId);
    const attackerPhone = await phoneOf(db, attacker.tenantId);
    await db
      .update(schema.phoneNumbers)
      .set({
        sipCredentials: {
          ...attackerPhone.sipCredentials,
          password: victimPhone.sipCredentials.password,
        },
      })
      .where(eq(schema.phoneNumbers.id, attackerPhone.id));
    await expect(
      revealChannelSecrets(db, services.keyring, attacker.tenantId),
    ).rejects.toMatchObject({
      code: 'SECRET_UNREADABLE',
    });
    await expect(
      revealChannelSecrets(db, services.keyring, victim.tenantId),
    ).resolves.toBeDefined();
  });
});
