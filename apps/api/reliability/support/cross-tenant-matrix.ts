import { GOOD_DETAILS } from '../../test/support/go-live.ts';
import { WIZARD_CONSENT } from '../../test/support/signup-consent.ts';
import type { SseEvent } from './event-stream.ts';
import { businessForm, formWith, pdfFile } from './phone-lifecycle.ts';
import { firstDataEvent, type WireResult } from './procedures.ts';

/** The password of every studio of the matrix. */
export const PASSWORD = 'SicheresPasswort!';

/** What a call may name: one studio's identifiers (A's for an attack, B's for its own use). */
export interface Ids {
  tenantId: string;
  runId: string;
  phoneId: string;
  whatsappId: string;
  version: number;
  email: string;
  domain: string;
  idempotencyKey: string;
  sessionId: string;
  name: string;
  ownerId: string;
}

export interface Case {
  input: unknown;
  /** The status expected, or the ones allowed (a limit that may or may not be reached yet). */
  status: number | readonly number[];
  /** A further check of what came back (e.g. that it is B's own data). */
  holds?: (result: WireResult) => boolean;
  /**
   * Sent while B's owner's address counts as confirmed (set in the database for this call
   * only, see `withEmailVerified`): the matrix's studios are not confirmed otherwise.
   */
  emailVerified?: boolean;
}

export interface MatrixRow {
  access: 'owner' | 'public';
  /** Ends or replaces the session it is sent with: runs on a throwaway session of B. */
  consumesSession?: boolean;
  /** Public procedures: calls without any session, naming A. */
  anonymous?: (a: Ids) => Case[];
  /** B's session with B's own or neutral input. */
  own: (b: Ids) => Case[];
  /** B's session with A's identifiers in the input (A's tenant id is added to every input). */
  foreign: (a: Ids, b: Ids) => Case[];
  /** A stream that never ends by itself: read until this holds (else to the timeout). */
  streamUntil?: (events: SseEvent[]) => boolean;
}

const dataOf = <T>(result: WireResult) => (result.data ?? {}) as Partial<T>;

/** B's business details (A's, in the test, carry A's secret word in every line). */
export const B_DETAILS = {
  ...GOOD_DETAILS,
  businessName: 'Angreiferstudio Bruno UG',
  street: 'Angriffsweg 7',
  city: 'Hamburg',
  postalCode: '20095',
};

interface ErrorData {
  domainCode?: string | null;
  domainData?: { stage?: string } | null;
  issues?: { path: string; problem: string }[] | null;
}

const errorDataOf = (result: WireResult) => (result.error?.data ?? {}) as ErrorData;

const refusedAs = (domainCode: string) => (r: WireResult) =>
  errorDataOf(r).domainCode === domainCode;

/** Refused because B's own details are with the carrier (A's, rejected, would be open). */
const lockedForB = (r: WireResult) => {
  const { domainCode, domainData } = errorDataOf(r);
  return (
    domainCode === 'PHONE_DETAILS_LOCKED' &&
    ['in_review', 'buying_number', 'configuring_sip', 'active'].includes(domainData?.stage ?? '')
  );
};

/** A's tenant id under every name a form could carry it, and twice. */
const tenantFields = (a: Ids): [string, string][] => [
  ['tenantId', a.tenantId],
  ['tenant_id', a.tenantId],
  ['tenant', a.tenantId],
  ['lifecycleId', a.tenantId],
];

const submissionCases = {
  own: (): Case[] => [
    // B's owner has not confirmed the address: refused before anything is written.
    { input: businessForm(B_DETAILS), status: 403, holds: refusedAs('EMAIL_NOT_VERIFIED') },
    // Every wrong field of the form named at once.
    {
      input: businessForm(
        { ...B_DETAILS, postalCode: '2009' },
        pdfFile('scan.pdf', Buffer.from('GIF89a')),
      ),
      emailVerified: true,
      status: 400,
      holds: (r) =>
        JSON.stringify(errorDataOf(r).issues?.map((issue) => [issue.path, issue.problem])) ===
        JSON.stringify([
          ['postalCode', 'invalidPostalCode'],
          ['document', 'unsupportedFileType'],
        ]),
    },
    {
      input: businessForm(B_DETAILS),
      emailVerified: true,
      status: 200,
      holds: (r) => dataOf<{ stage: string }>(r).stage === 'in_review',
    },
  ],
  // The procedure takes no tenant id: A's in the form reaches B's own phone, locked by B's
  // submission of the own column; A's phone was rejected, so a submission reaching A would pass.
  foreign: (a: Ids): Case[] => [
    { input: businessForm(B_DETAILS), emailVerified: true, status: 409, holds: lockedForB },
    {
      input: formWith(businessForm(B_DETAILS), tenantFields(a)),
      emailVerified: true,
      status: 409,
      holds: lockedForB,
    },
    // A's owner has confirmed the address, B's has not: the caller is still B's owner.
    {
      input: formWith(businessForm(B_DETAILS), tenantFields(a)),
      status: 403,
      holds: refusedAs('EMAIL_NOT_VERIFIED'),
    },
  ],
};

interface GoLiveItem {
  id: string;
  state?: string;
  stage?: string;
  details?: { businessName?: string } | null;
  rejectionReason?: string | null;
}

/**
 * B's checklist: B's owner has not confirmed the address (A's has), B's phone was never
 * rejected (A's was) and holds B's details (submitted in the column's `channels` row before).
 */
const isGoLiveOfB = (status: unknown) => {
  const items = (status as { items?: GoLiveItem[] } | null)?.items ?? [];
  const email = items.find((item) => item.id === 'email');
  const phone = items.find((item) => item.id === 'phone');
  return (
    email?.state === 'due' &&
    phone?.stage !== 'rejected' &&
    phone?.rejectionReason === null &&
    phone?.details?.businessName === B_DETAILS.businessName
  );
};

/** The stream's first data event, at once: B's checklist (the stream itself never ends). */
const firstStatusOfB = (r: WireResult) => {
  const [first] = r.events ?? [];
  if (r.timedOut || !first) return false;
  try {
    return isGoLiveOfB(JSON.parse(first.data));
  } catch {
    return false;
  }
};

const signupAttempts = (a: Ids): Case[] => [
  // A's e-mail, A's domain, A's idempotency key with another body: refused, nothing of A told.
  {
    input: {
      studioName: 'Nachahmer',
      ownerEmail: a.email,
      password: PASSWORD,
      consent: WIZARD_CONSENT,
    },
    status: 409,
  },
  {
    input: {
      studioName: 'Nachahmer',
      ownerEmail: 'nachahmer@example.com',
      password: PASSWORD,
      domain: a.domain,
      consent: WIZARD_CONSENT,
    },
    status: 409,
  },
  {
    input: {
      studioName: 'Nachahmer',
      ownerEmail: 'nachahmer@example.com',
      password: PASSWORD,
      consent: WIZARD_CONSENT,
      idempotencyKey: a.idempotencyKey,
    },
    status: 422,
  },
];

/** A token of the real shape that was never issued. */
const FORGED_TOKEN = 'x'.repeat(43);
const forgedToken = (): Case[] => [{ input: { token: FORGED_TOKEN }, status: 400 }];
const forgedReset = (): Case[] => [
  { input: { token: FORGED_TOKEN, password: 'Neues-Passwort-2026' }, status: 400 },
];

const domainCheck = (a: Ids): Case[] => [
  {
    input: { domain: a.domain },
    status: 200,
    holds: (r) => JSON.stringify(r.data) === JSON.stringify({ domain: a.domain, available: false }),
  },
];

/**
 * Every procedure of the router and how to call it: with B's own ids, and with A's. Owner
 * procedures are also called without a session (with A's ids), expecting 401 each time.
 */
export const MATRIX: Record<string, MatrixRow> = {
  'account.changeEmail': {
    access: 'owner',
    own: () => [{ input: { password: PASSWORD, newEmail: 'bruno.neu@example.com' }, status: 200 }],
    // A's address cannot become B's.
    foreign: (a) => [{ input: { password: PASSWORD, newEmail: a.email }, status: 409 }],
  },
  'account.deleteStudio': {
    access: 'owner',
    // A wrong password or name: B's studio stays for the rest of the matrix.
    own: (b) => [{ input: { password: 'Falsch-geraten-5', studioName: b.name }, status: 403 }],
    foreign: (a) => [{ input: { password: PASSWORD, studioName: a.name }, status: 400 }],
  },
  'account.exportData': {
    access: 'owner',
    own: (b) => [
      {
        input: { password: PASSWORD },
        status: 200,
        holds: (r) => dataOf<{ studio: { id: string } }>(r).studio?.id === b.tenantId,
      },
    ],
    foreign: (_a, b) => [
      {
        input: { password: PASSWORD },
        status: 200,
        holds: (r) => dataOf<{ studio: { id: string } }>(r).studio?.id === b.tenantId,
      },
    ],
  },
  'account.changePassword': {
    access: 'owner',
    // A wrong current password: B keeps the password every later login of the matrix uses.
    own: () => [
      {
        input: { currentPassword: 'Falsch-geraten-3', newPassword: 'Neues-Passwort-2026' },
        status: 403,
      },
    ],
    foreign: () => [
      {
        input: { currentPassword: 'Falsch-geraten-4', newPassword: 'Neues-Passwort-2026' },
        status: 403,
      },
    ],
  },
  'account.requestPasswordReset': {
    access: 'public',
    // A reset asked for A's address mails A by design, with the answer any address gets (see the
    // timing proof); unknown addresses here keep A's rows comparable.
    anonymous: () => [
      { input: { email: 'unbekannt.anonym@example.com' }, status: 200, holds: acceptedOnly },
    ],
    own: (b) => [{ input: { email: b.email }, status: 200, holds: acceptedOnly }],
    foreign: () => [
      { input: { email: 'unbekannt.fremd@example.com' }, status: 200, holds: acceptedOnly },
    ],
  },
  'account.resendVerification': {
    access: 'owner',
    // Within a minute of the sign-up's mail it is refused; later it is sent — to B.
    own: (b) => [{ input: undefined, status: [200, 429], holds: sentToOrRefused(b) }],
    foreign: (_a, b) => [{ input: {}, status: [200, 429], holds: sentToOrRefused(b) }],
  },
  'account.resetPassword': {
    access: 'public',
    anonymous: forgedReset,
    own: forgedReset,
    foreign: forgedReset,
  },
  'account.revokeOtherSessions': {
    access: 'owner',
    // Ends B's other sessions only; A's are compared after the matrix.
    own: () => [{ input: undefined, status: 200 }],
    foreign: () => [{ input: {}, status: 200 }],
  },
  'account.revokeSession': {
    access: 'owner',
    own: () => [{ input: { id: '00000000-0000-4000-8000-000000000000' }, status: 404 }],
    foreign: (a) => [{ input: { id: a.sessionId }, status: 404 }],
  },
  'account.sessions': {
    access: 'owner',
    own: () => [{ input: undefined, status: 200 }],
    foreign: (a) => [
      {
        input: {},
        status: 200,
        holds: (r) => !JSON.stringify(r.data).includes(a.sessionId),
      },
    ],
  },
  'account.verifyEmail': {
    access: 'public',
    anonymous: forgedToken,
    own: forgedToken,
    foreign: forgedToken,
  },
  'account.verifyEmailCode': {
    access: 'owner',
    own: () => [{ input: { code: '000000' }, status: 400 }],
    foreign: () => [{ input: { code: '000000' }, status: 400 }],
  },
  'invitation.accept': {
    access: 'public',
    anonymous: forgedReset,
    own: forgedReset,
    foreign: forgedReset,
  },
  'invitation.get': {
    access: 'public',
    anonymous: forgedToken,
    own: forgedToken,
    foreign: forgedToken,
  },
  'legal.documents': {
    access: 'public',
    anonymous: () => [{ input: undefined, status: 200 }],
    own: () => [{ input: undefined, status: 200 }],
    foreign: () => [{ input: {}, status: 200 }],
  },
  'auth.login': {
    access: 'public',
    consumesSession: true,
    anonymous: (a) => [{ input: { email: a.email, password: 'Falsch-geraten-1' }, status: 401 }],
    own: (b) => [
      {
        input: { email: b.email, password: PASSWORD },
        status: 200,
        holds: (r) => dataOf<{ tenantId: string }>(r).tenantId === b.tenantId,
      },
    ],
    foreign: (a) => [{ input: { email: a.email, password: 'Falsch-geraten-2' }, status: 401 }],
  },
  'auth.logout': {
    access: 'owner',
    consumesSession: true,
    own: () => [{ input: undefined, status: 200 }],
    // Ends only the caller's own session: A's sessions are compared after the matrix.
    foreign: () => [{ input: {}, status: 200 }],
  },
  'auth.me': {
    access: 'public',
    anonymous: () => [{ input: undefined, status: 200, holds: (r) => r.data === null }],
    own: (b) => [
      {
        input: undefined,
        status: 200,
        holds: (r) => dataOf<{ tenant: { id: string } }>(r).tenant?.id === b.tenantId,
      },
    ],
    foreign: (_a, b) => [
      {
        input: {},
        status: 200,
        holds: (r) => dataOf<{ tenant: { id: string } }>(r).tenant?.id === b.tenantId,
      },
    ],
  },
  'channels.list': {
    access: 'owner',
    own: (b) => [{ input: undefined, status: 200, holds: webhookOf(b) }],
    foreign: (_a, b) => [{ input: {}, status: 200, holds: webhookOf(b) }],
  },
  'channels.revealSecret': {
    access: 'owner',
    own: (b) => [
      { input: { kind: 'sipPassword', channelId: b.phoneId }, status: 200 },
      { input: { kind: 'whatsappVerifyToken', channelId: b.whatsappId }, status: 200 },
    ],
    foreign: (a) => [
      { input: { kind: 'sipPassword', channelId: a.phoneId }, status: 404 },
      { input: { kind: 'whatsappVerifyToken', channelId: a.whatsappId }, status: 404 },
      { input: { kind: 'sipPassword', channelId: a.whatsappId }, status: 404 },
      { input: { kind: 'whatsappVerifyToken', channelId: a.phoneId }, status: 404 },
      { input: { kind: 'sipPassword', channelId: a.tenantId }, status: 404 },
    ],
  },
  'channels.submitPhoneVerification': {
    access: 'owner',
    own: submissionCases.own,
    foreign: submissionCases.foreign,
  },
  'channels.testWebhook': {
    access: 'owner',
    own: (b) => [
      {
        input: { channelId: b.whatsappId },
        status: 200,
        holds: (r) => dataOf<{ ok: boolean }>(r).ok === true,
      },
    ],
    foreign: (a) => [
      { input: { channelId: a.whatsappId }, status: 404 },
      { input: { channelId: a.phoneId }, status: 404 },
    ],
  },
  'defaults.get': {
    access: 'public',
    anonymous: () => [{ input: undefined, status: 200 }],
    own: () => [{ input: undefined, status: 200 }],
    foreign: () => [{ input: {}, status: 200 }],
  },
  'golive.onStatus': {
    access: 'owner',
    streamUntil: firstDataEvent,
    own: () => [{ input: undefined, status: 200, holds: firstStatusOfB }],
    foreign: () => [{ input: {}, status: 200, holds: firstStatusOfB }],
  },
  'golive.status': {
    access: 'owner',
    own: () => [{ input: undefined, status: 200, holds: (r) => isGoLiveOfB(r.data) }],
    foreign: () => [{ input: {}, status: 200, holds: (r) => isGoLiveOfB(r.data) }],
  },
  'history.list': {
    access: 'owner',
    own: () => [{ input: undefined, status: 200 }],
    foreign: () => [{ input: {}, status: 200 }],
  },
  'history.restore': {
    access: 'owner',
    own: (b) => [{ input: { version: 1, expectedVersion: b.version }, status: 200 }],
    // Versions only A has (B stays far below them), against A's current version.
    foreign: (a) => [
      { input: { version: a.version, expectedVersion: a.version }, status: 404 },
      { input: { version: a.version - 1, expectedVersion: a.version }, status: 404 },
    ],
  },
  'provisioning.onProgress': {
    access: 'owner',
    own: (b) => [
      {
        input: { runId: b.runId },
        status: 200,
        holds: (r) =>
          !r.timedOut && (r.events ?? []).some((e) => e.data.includes('"type":"run.ready"')),
      },
    ],
    foreign: (a) => [
      { input: { runId: a.runId }, status: 404, holds: (r) => (r.events ?? []).length === 0 },
      {
        input: { runId: a.runId, lastEventId: '0' },
        status: 404,
        holds: (r) => (r.events ?? []).length === 0,
      },
    ],
  },
  'provisioning.retry': {
    access: 'owner',
    // B's run is ready: not retryable, but found.
    own: (b) => [{ input: { runId: b.runId }, status: 409 }],
    foreign: (a) => [{ input: { runId: a.runId }, status: 404 }],
  },
  'provisioning.status': {
    access: 'owner',
    own: (b) => [
      {
        input: { runId: b.runId },
        status: 200,
        holds: (r) => dataOf<{ tenantId: string }>(r).tenantId === b.tenantId,
      },
    ],
    foreign: (a) => [{ input: { runId: a.runId }, status: 404 }],
  },
  'settings.federalStates': {
    access: 'owner',
    own: () => [{ input: undefined, status: 200 }],
    foreign: () => [{ input: {}, status: 200 }],
  },
  'settings.get': {
    access: 'owner',
    own: (b) => [{ input: undefined, status: 200, holds: versionOf(b) }],
    foreign: (_a, b) => [{ input: {}, status: 200, holds: versionOf(b) }],
  },
  'settings.holidays': {
    access: 'owner',
    own: () => [{ input: { state: 'BE', year: 2026 }, status: 200 }],
    foreign: () => [{ input: { state: 'BE', year: 2026 }, status: 200 }],
  },
  'settings.saveSection': {
    access: 'owner',
    own: (b) => [
      {
        input: { section: 'studioRules', value: ['Regel von B'], expectedVersion: b.version },
        status: 200,
      },
    ],
    foreign: (a) => [
      {
        input: { section: 'studioRules', value: ['Übernommen'], expectedVersion: a.version },
        status: 409,
      },
    ],
  },
  'signup.checkDomain': {
    access: 'public',
    anonymous: domainCheck,
    own: () => [
      {
        input: { domain: 'frei-fuer-bruno.example' },
        status: 200,
        holds: (r) => dataOf<{ available: boolean }>(r).available === true,
      },
    ],
    foreign: domainCheck,
  },
  'signup.create': {
    access: 'public',
    anonymous: signupAttempts,
    own: () => [
      {
        input: {
          studioName: 'Zweitstudio von Bruno',
          ownerEmail: 'bruno.zweit@example.com',
          password: PASSWORD,
          consent: WIZARD_CONSENT,
        },
        status: 200,
      },
    ],
    foreign: signupAttempts,
  },
  'team.invite': {
    access: 'owner',
    own: () => [{ input: { email: 'bruno.kollege@example.com', role: 'admin' }, status: 200 }],
    // A's owner cannot be invited: the address has an account.
    foreign: (a) => [{ input: { email: a.email, role: 'admin' }, status: 409 }],
  },
  'team.list': {
    access: 'owner',
    own: (b) => [{ input: undefined, status: 200, holds: teamOf(b) }],
    foreign: (_a, b) => [{ input: {}, status: 200, holds: teamOf(b) }],
  },
  'team.remove': {
    access: 'owner',
    own: () => [{ input: { userId: '00000000-0000-4000-8000-000000000000' }, status: 404 }],
    foreign: (a) => [{ input: { userId: a.ownerId }, status: 404 }],
  },
  'team.revokeInvitation': {
    access: 'owner',
    own: () => [{ input: { id: '00000000-0000-4000-8000-000000000000' }, status: 404 }],
    foreign: () => [{ input: { id: '00000000-0000-4000-8000-000000000000' }, status: 404 }],
  },
};

function teamOf(b: Ids) {
  return (r: WireResult) =>
    dataOf<{ members: { email: string }[] }>(r).members?.every((m) => m.email === b.email) === true;
}

function acceptedOnly(r: WireResult) {
  return JSON.stringify(r.data) === JSON.stringify({ accepted: true });
}

function sentToOrRefused(b: Ids) {
  return (r: WireResult) => r.status === 429 || dataOf<{ sentTo: string }>(r).sentTo === b.email;
}

function webhookOf(b: Ids) {
  return (r: WireResult) =>
    dataOf<{ webhookUrl: string }>(r).webhookUrl?.endsWith(`/webhooks/whatsapp/${b.tenantId}`) ===
    true;
}

function versionOf(b: Ids) {
  return (r: WireResult) => dataOf<{ version: number }>(r).version === b.version;
}
