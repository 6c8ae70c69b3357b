import { emailSchema, inviteInputSchema, type UserRole } from '@pilar/provisioning/contracts';
import { contractProblems, type FieldProblems, serverProblems } from '../account/account-forms.ts';

/** A role as the team list names it. */
export const roleKey = (role: UserRole) => (role === 'owner' ? 'role_owner' : 'role_admin');

/** An address as the server compares it (trimmed, lower case). */
const normalized = (email: string) => emailSchema.safeParse(email).data ?? email.trim();

const FIELDS = { email: 'email' } as const;

/**
 * What is wrong with an invitation before it is sent: the contract's problems, or an address
 * that is on the team already (which the server would refuse as taken).
 */
export const inviteProblems = (
  email: string,
  members: readonly { email: string }[],
): FieldProblems<'email'> => {
  const problems = contractProblems(inviteInputSchema, { email, role: 'admin' }, FIELDS);
  if (!problems.email && members.some((member) => normalized(member.email) === normalized(email)))
    problems.email = { own: 'alreadyMember' };
  return problems;
};

/**
 * A refused invitation's problems at the address field. An address with an account anywhere
 * is taken: addresses are unique across all studios, so it says what to do instead.
 */
export const inviteRefusalProblems = (error: unknown): FieldProblems<'email'> => {
  const problems = serverProblems(error, FIELDS, { EMAIL_TAKEN: 'email' });
  const problem = problems.email;
  if (problem && 'refusal' in problem && problem.refusal === 'EMAIL_TAKEN')
    return { email: { own: 'inviteEmailTaken' } };
  return problems;
};

/** An open invitation to the address is replaced by a new one; the owner hears so. */
export const hasOpenInvitation = (email: string, invitations: readonly { email: string }[]) =>
  invitations.some((invitation) => normalized(invitation.email) === normalized(email));

/** An invitation's link no longer works once it expired. */
export const isExpired = (expiresAt: string | Date, now: Date = new Date()) =>
  new Date(expiresAt).getTime() <= now.getTime();
