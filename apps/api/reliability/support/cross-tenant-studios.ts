import { randomUUID } from 'node:crypto';
import type { TestServer } from '../../test/support/test-server.ts';
import { PASSWORD } from './cross-tenant-matrix.ts';
import { type SignedUpStudio, signUpStudio } from './studio.ts';

/** A studio of the matrix: everything its calls may name (its `Ids`) and its owner's browser. */
export type TenantStudio = SignedUpStudio & {
  name: string;
  email: string;
  domain: string;
  idempotencyKey: string;
};

export const signUpTenant = async (
  server: TestServer,
  { name, email, domain }: { name: string; email: string; domain: string },
): Promise<TenantStudio> => {
  const idempotencyKey = randomUUID();
  const studio = await signUpStudio(server, {
    studioName: name,
    ownerEmail: email,
    password: PASSWORD,
    domain,
    idempotencyKey,
  });
  return { ...studio, name, email, domain, idempotencyKey };
};
