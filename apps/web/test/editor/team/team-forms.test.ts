import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import {
  hasOpenInvitation,
  inviteProblems,
  inviteRefusalProblems,
  isExpired,
  roleKey,
} from '../../../src/editor/team/team-forms.ts';

const refusal = (data: Record<string, unknown>) =>
  new TRPCClientError('English wording the browser never reads', {
    result: { error: { code: -32600, message: 'x', data } },
  } as never);

const members = [{ email: 'inhaberin@kraftwerk.de' }, { email: 'admin@kraftwerk.de' }];

describe('inviteProblems', () => {
  it('finds nothing in a new, valid address', () => {
    expect(inviteProblems(' Neu@Kraftwerk.de ', members)).toEqual({});
  });

  it('refuses what the contract refuses', () => {
    expect(inviteProblems('', members)).toEqual({ email: { problem: 'empty', params: {} } });
    expect(inviteProblems('kein-at', members)).toEqual({
      email: { problem: 'invalidEmail', params: {} },
    });
  });

  it('refuses an address on the team already, however it is written', () => {
    expect(inviteProblems(' ADMIN@kraftwerk.de', members)).toEqual({
      email: { own: 'alreadyMember' },
    });
  });
});

describe('inviteRefusalProblems', () => {
  it('words a taken address for the team: addresses are unique across all studios', () => {
    expect(inviteRefusalProblems(refusal({ domainCode: 'EMAIL_TAKEN' }))).toEqual({
      email: { own: 'inviteEmailTaken' },
    });
  });

  it('puts the server’s input issues at the address', () => {
    const error = refusal({
      domainCode: 'INVALID_INPUT',
      issues: [{ path: 'email', problem: 'invalidEmail', params: {}, message: 'x' }],
    });
    expect(inviteRefusalProblems(error)).toEqual({
      email: { problem: 'invalidEmail', params: {} },
    });
  });

  it('leaves a rate limit to the form as a whole', () => {
    const limited = refusal({ domainCode: 'TOO_MANY_REQUESTS', retryAfterSeconds: 60 });
    expect(inviteRefusalProblems(limited)).toEqual({});
  });
});

describe('hasOpenInvitation', () => {
  it('knows an address that is invited already', () => {
    const invitations = [{ email: 'neu@kraftwerk.de' }];
    expect(hasOpenInvitation('NEU@kraftwerk.de ', invitations)).toBe(true);
    expect(hasOpenInvitation('andere@kraftwerk.de', invitations)).toBe(false);
  });
});

describe('isExpired', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  it('is true from the moment the invitation expires', () => {
    expect(isExpired('2026-12-01T11:59:59Z', now)).toBe(true);
    expect(isExpired('2026-12-01T12:00:00Z', now)).toBe(true);
    expect(isExpired('2026-12-08T12:00:00Z', now)).toBe(false);
  });
});

describe('roleKey', () => {
  it('names each role', () => {
    expect(roleKey('owner')).toBe('role_owner');
    expect(roleKey('admin')).toBe('role_admin');
  });
});
