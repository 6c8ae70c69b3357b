import { DEFAULT_TENANT_CONFIG } from '@pilar/provisioning';
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRouter } from '../src/router/root.ts';
import { WIZARD_CONSENT } from './support/signup-consent.ts';
import { startTestServer, type TestServer, waitForRunStatus } from './support/test-server.ts';
import { createTestClient, errorOf } from './support/trpc-client.ts';

describe('tRPC signup over HTTP', () => {
  let server: TestServer;
  let client: ReturnType<typeof createTRPCClient<AppRouter>>;
  beforeAll(async () => {
    server = await startTestServer();
    client = createTRPCClient<AppRouter>({ links: [httpLink({ url: `${server.baseUrl}/trpc` })] });
  });
  afterAll(async () => {
    await server.close();
  });

  const signup = {
    studioName: 'Kraftwerk Köln',
    ownerEmail: 'inhaberin@kraftwerk-koeln.de',
    password: 'SicheresPasswort!',
    domain: 'kraftwerk-koeln.de',
    consent: WIZARD_CONSENT,
  };

  it('answers with tenant, owner and run at once, and provisions in the background', async () => {
    const result = await client.signup.create.mutate(signup);
    expect(Object.keys(result).sort()).toEqual(['ownerId', 'runId', 'tenantId']);
    await waitForRunStatus(server, result.runId, 'ready');
  });

  it('puts validation messages on their fields', async () => {
    const error = await client.signup.create
      .mutate({ ...signup, ownerEmail: 'kaputt', password: 'kurz' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCClientError);
    const { data, message } = error as TRPCClientError<AppRouter>;
    expect(message).toBe('Invalid email format');
    expect(data).toMatchObject({
      code: 'BAD_REQUEST',
      httpStatus: 400,
      fieldErrors: {
        ownerEmail: ['Invalid email format'],
        password: ['Password must be at least 8 characters'],
      },
    });
    // What the browser translates: each field's problem by code, with the limit it names.
    expect(data?.issues).toEqual([
      { path: 'ownerEmail', problem: 'invalidEmail', params: {}, message: 'Invalid email format' },
      {
        path: 'password',
        problem: 'tooShort',
        params: { min: 8 },
        message: 'Password must be at least 8 characters',
      },
    ]);
  });

  it('reports a taken e-mail as a conflict with its domain code', async () => {
    const error = (await client.signup.create
      .mutate({ ...signup, domain: null })
      .catch((e: unknown) => e)) as TRPCClientError<AppRouter>;
    expect(error.message).toBe('Email already exists');
    expect(error.data).toMatchObject({
      code: 'CONFLICT',
      httpStatus: 409,
      domainCode: 'EMAIL_TAKEN',
    });
  });

  it('starts the studio in the time zone the wizard offers, and refuses an unknown one', async () => {
    const { client: owner } = createTestClient(server.baseUrl);
    await owner.signup.create.mutate({
      ...signup,
      ownerEmail: 'zeitzone@example.com',
      domain: null,
      timezone: 'America/New_York',
    });
    expect((await owner.settings.get.query()).config.timezone).toBe('America/New_York');
    const error = await errorOf(
      client.signup.create.mutate({
        ...signup,
        ownerEmail: 'mars@example.com',
        domain: null,
        timezone: 'Mars/Olympus',
      }),
    );
    expect(error.data?.fieldErrors).toEqual({ timezone: ['Unknown time zone'] });
  });

  it('checks domain availability case-insensitively', async () => {
    expect(await client.signup.checkDomain.query({ domain: 'KRAFTWERK-koeln.de' })).toEqual({
      domain: 'kraftwerk-koeln.de',
      available: false,
    });
    expect(await client.signup.checkDomain.query({ domain: 'frei.example.com' })).toEqual({
      domain: 'frei.example.com',
      available: true,
    });
    await expect(client.signup.checkDomain.query({ domain: 'kein domain' })).rejects.toThrow(
      'Invalid domain format',
    );
  });

  it('serves the defaults the editor starts from', async () => {
    const defaults = await client.defaults.get.query();
    expect(defaults.config).toEqual(DEFAULT_TENANT_CONFIG);
    expect(defaults.agentPrompt.systemPrompt).toContain('Öffnungszeiten');
  });
});
