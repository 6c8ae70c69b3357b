import bcrypt from 'bcryptjs';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_AGENT_PROMPT,
  DEFAULT_TENANT_CONFIG,
  type DomainError,
  deleteTenant,
  getTenant,
  getTenantByDomain,
  isDomainError,
  PROVISIONING_STEPS,
  placeholderPhone,
  schema,
} from '../src/index.ts';
import { countOrphanRows, countTenantRows } from './support/tenant-rows.ts';
import {
  createTestDb,
  createTestServices,
  describeDatabase,
  startTestProvisioning,
  type TestDb,
  type TestProvisioning,
} from './support/test-db.ts';

const signup = (overrides: Record<string, unknown> = {}) => ({
  studioName: 'FitZone Berlin',
  ownerEmail: 'owner@fitzone-berlin.de',
  password: 'SecurePassword123!',
  domain: 'fitzone-berlin.pilarsystems.com',
  ...overrides,
});

describe(`createTenant on ${describeDatabase()}`, () => {
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

  it('provisions every record of the specification and answers ready', async () => {
    const { db } = testDb;
    const result = await provisioning.createTenant(db, signup());
    expect(result).toMatchObject({ status: 'ready', defaultConfig: DEFAULT_TENANT_CONFIG });
    expect(result.tenantId).toMatch(/^[0-9a-f-]{36}$/);

    const tenant = await getTenant(db, result.tenantId);
    expect(tenant).toMatchObject({
      name: 'FitZone Berlin',
      domain: 'fitzone-berlin.pilarsystems.com',
    });

    const [owner] = await db
      .select()
      .from(schema.tenantUsers)
      .where(eq(schema.tenantUsers.tenantId, result.tenantId));
    expect(owner).toMatchObject({
      id: result.ownerId,
      email: 'owner@fitzone-berlin.de',
      role: 'owner',
    });
    expect(owner?.passwordHash).toMatch(/^\$2[ab]\$10\$/);
    expect(await bcrypt.compare('SecurePassword123!', owner?.passwordHash ?? '')).toBe(true);

    expect(tenant.phoneNumbers).toHaveLength(1);
    const phone = tenant.phoneNumbers[0];
    expect(phone?.status).toBe('PENDING');
    expect(phone?.number).toMatch(/^\+49\d{12}$/);
    expect(phone?.sipCredentials.username).toMatch(/^sip-[0-9a-f]{16}$/);
    expect(phone?.sipCredentials.domain).toMatch(/\.sip\.pending\.pilarsystems\.com$/);
    expect(phone?.sipCredentials.password).toMatchObject({ v: 1, kid: expect.any(String) });

    expect(tenant.whatsappChannels).toHaveLength(1);
    const channel = tenant.whatsappChannels[0];
    expect(channel?.status).toBe('PENDING');
    expect(channel?.waCloudApiConfig).toMatchObject({
      apiVersion: 'v21.0',
      accessToken: { v: 1 },
      webhookVerifyToken: { v: 1 },
    });

    expect(tenant.tenantIntegrations.map((i) => [i.type, i.active]).sort()).toEqual([
      ['FITOGRAM', false],
      ['GOOGLE_CALENDAR', false],
      ['MAGICLINE', false],
    ]);

    expect(tenant.conversations).toHaveLength(1);
    expect(tenant.conversations[0]).toMatchObject({
      channel: 'VOICE',
      transcript: { messages: [], profile: { systemPrompt: DEFAULT_AGENT_PROMPT.systemPrompt } },
      metadata: { type: 'system_initialization', config: DEFAULT_TENANT_CONFIG },
    });

    expect(tenant.settings).toMatchObject({ version: 1, config: DEFAULT_TENANT_CONFIG });
    const [run] = tenant.provisioningRuns;
    expect(run?.status).toBe('ready');
    expect(
      run?.steps.sort((a, b) => a.position - b.position).map((s) => [s.name, s.status, s.attempts]),
    ).toEqual([
      ['voice', 'done', 1],
      ['whatsapp', 'done', 1],
      ['integrations', 'done', 1],
      ['ai_profile', 'done', 1],
      ['ready', 'done', 1],
    ]);
  });

  it('runs every step again without duplicating a row', async () => {
    const { db } = testDb;
    const { tenantId } = await provisioning.createTenant(db, signup());
    const before = await countTenantRows(db, tenantId);
    const runStep = (step: (typeof PROVISIONING_STEPS)[number]) =>
      db.transaction((tx) => step.run(tx, services, tenantId));
    for (const step of PROVISIONING_STEPS) await runStep(step);
    await Promise.all(PROVISIONING_STEPS.map(runStep));
    expect(await countTenantRows(db, tenantId)).toEqual(before);
    expect(before).toMatchObject({
      tenants: 1,
      tenant_users: 1,
      phone_numbers: 1,
      whatsapp_channels: 1,
      tenant_integrations: 3,
      conversations: 1,
      tenant_settings: 1,
    });
  });

  it.each([
    ['the same address', 'owner@fitzone-berlin.de'],
    ['a case and whitespace variant', '  OWNER@FitZone-Berlin.de '],
  ])('refuses %s with "Email already exists"', async (_label, ownerEmail) => {
    const { db } = testDb;
    await provisioning.createTenant(db, signup());
    const second = provisioning.createTenant(
      db,
      signup({ studioName: 'Another Studio', ownerEmail, domain: undefined }),
    );
    await expect(second).rejects.toMatchObject({ code: 'EMAIL_TAKEN' });
    await expect(second).rejects.toThrow('Email already exists');
  });

  it('refuses a domain already taken, in any letter case', async () => {
    const { db } = testDb;
    await provisioning.createTenant(db, signup());
    await expect(
      provisioning.createTenant(
        db,
        signup({ ownerEmail: 'b@example.com', domain: 'FITZONE-berlin.pilarsystems.com' }),
      ),
    ).rejects.toMatchObject({ code: 'DOMAIN_TAKEN' });
  });

  it('refuses invalid input before touching the database', async () => {
    const { db } = testDb;
    const failure = await provisioning
      .createTenant(db, signup({ ownerEmail: 'invalid-email', password: 'weak' }))
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'INVALID_INPUT' });
    expect((failure as DomainError<'INVALID_INPUT'>).data.issues).toEqual([
      { path: 'ownerEmail', problem: 'invalidEmail', params: {}, message: 'Invalid email format' },
      {
        path: 'password',
        problem: 'tooShort',
        params: { min: 8 },
        message: 'Password must be at least 8 characters',
      },
    ]);
    expect(await db.select().from(schema.tenants)).toEqual([]);
  });

  it('finds a tenant by domain case-insensitively, with its relations', async () => {
    const { db } = testDb;
    const { tenantId } = await provisioning.createTenant(db, signup());
    const found = await getTenantByDomain(db, 'FitZone-Berlin.PilarSystems.com');
    expect(found?.id).toBe(tenantId);
    expect(found?.tenantUsers[0]).not.toHaveProperty('passwordHash');
    expect(await getTenantByDomain(db, 'unknown.example.com')).toBeUndefined();
  });

  it('deletes a tenant with every row it owns', async () => {
    const { db } = testDb;
    const { tenantId } = await provisioning.createTenant(db, signup());
    const other = await provisioning.createTenant(
      db,
      signup({ ownerEmail: 'other@example.com', domain: null }),
    );
    await db
      .insert(schema.workoutPlans)
      .values({ tenantId, title: 'Anfängerplan', plan: { tage: 3 } });
    await deleteTenant(db, tenantId);
    const remaining = await countTenantRows(db, tenantId);
    expect(Object.values(remaining).every((n) => n === 0)).toBe(true);
    expect((await countTenantRows(db, other.tenantId)).phone_numbers).toBe(1);
    expect(await countOrphanRows(db)).toBe(0);
    await expect(deleteTenant(db, tenantId)).rejects.toMatchObject({ code: 'TENANT_NOT_FOUND' });
  });

  it('retries a placeholder number that is already taken', async () => {
    const { db } = testDb;
    const first = await provisioning.createTenant(db, signup());
    const [taken] = await db
      .select()
      .from(schema.phoneNumbers)
      .where(eq(schema.phoneNumbers.tenantId, first.tenantId));
    let calls = 0;
    const colliding = createTestServices({
      keyring: services.keyring,
      placeholderPhone: () => {
        calls++;
        const fresh = placeholderPhone();
        return calls === 1 ? { ...fresh, number: taken?.number ?? '' } : fresh;
      },
    });
    await provisioning.stop();
    provisioning = await startTestProvisioning(testDb, colliding);
    const second = await provisioning.createTenant(
      db,
      signup({ ownerEmail: 'second@example.com', domain: null }),
    );
    expect(calls).toBe(2);
    const [phone] = await db
      .select()
      .from(schema.phoneNumbers)
      .where(eq(schema.phoneNumbers.tenantId, second.tenantId));
    expect(phone?.number).not.toBe(taken?.number);
  });

  it('gives 100 concurrent signups 100 ready tenants with distinct numbers', async () => {
    const { db } = testDb;
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        provisioning.createTenant(
          db,
          signup({ ownerEmail: `owner${i}@example.com`, domain: `studio-${i}.example.com` }),
        ),
      ),
    );
    expect(results.every((result) => result.status === 'ready')).toBe(true);
    const phones = await db
      .select({ number: schema.phoneNumbers.number })
      .from(schema.phoneNumbers);
    const channels = await db
      .select({ number: schema.whatsAppChannels.waNumber })
      .from(schema.whatsAppChannels);
    expect(new Set(phones.map((p) => p.number)).size).toBe(100);
    expect(new Set(channels.map((c) => c.number)).size).toBe(100);
  });

  it('lets exactly one of 50 concurrent signups with one e-mail win', async () => {
    const { db } = testDb;
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        provisioning.createTenant(
          db,
          signup({
            studioName: `Studio ${i}`,
            ownerEmail: i % 2 ? 'race@example.com' : ' Race@Example.com',
            domain: null,
          }),
        ),
      ),
    );
    const fulfilled = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.filter(
      (o): o is PromiseRejectedResult =>
        o.status === 'rejected' && isDomainError(o.reason, 'EMAIL_TAKEN'),
    );
    expect(fulfilled).toHaveLength(1);
    expect(refused).toHaveLength(49);
    expect(await db.select().from(schema.tenants)).toHaveLength(1);
    expect(await countOrphanRows(db)).toBe(0);
  });
});
