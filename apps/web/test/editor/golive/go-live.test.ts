import { DOCUMENT_MAX_BYTES, PHONE_STAGES } from '@pilar/provisioning/contracts';
import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import {
  acceptsDetails,
  actorShown,
  detailsFormData,
  detailsProblems,
  detailsRefusalProblems,
  documentContentType,
  documentProblem,
  type GoLiveStatus,
  initialDetails,
  type PhoneItem,
  phoneMessage,
  phoneSteps,
  requiredProgress,
  stateLabel,
  statusChanges,
} from '../../../src/editor/golive/go-live.ts';
import { goLiveMessages } from '../../../src/i18n/golive-messages.ts';

const refusal = (data: Record<string, unknown>) =>
  new TRPCClientError('English wording the browser never reads', {
    result: { error: { code: -32600, message: 'x', data } },
  } as never);

const phone = (overrides: Partial<PhoneItem> = {}): PhoneItem => ({
  id: 'phone',
  state: 'due',
  actor: 'you',
  stage: 'awaiting_business_details',
  number: null,
  details: null,
  documentName: null,
  rejectionReason: null,
  problem: null,
  submittedAt: null,
  activatedAt: null,
  nextCheckAt: null,
  ...overrides,
});

const status = (phoneItem: PhoneItem, emailDone = true, live = false): GoLiveStatus => ({
  live,
  items: [
    { id: 'email', state: emailDone ? 'done' : 'due', actor: 'you' },
    phoneItem,
    { id: 'whatsapp', state: 'upcoming', actor: 'us' },
    {
      id: 'integrations',
      state: 'optional',
      actor: 'you',
      integrations: [{ type: 'MAGICLINE', active: false }],
    },
  ],
});

const inReview = phone({ state: 'pending', actor: 'carrier', stage: 'in_review' });
const active = phone({ state: 'done', actor: null, stage: 'active', number: '+49 30 1234567' });
const rejected = phone({
  state: 'error',
  actor: 'you',
  stage: 'rejected',
  rejectionReason: 'The document does not show the address.',
});

const details = {
  businessName: 'FitZone GmbH',
  street: 'Schönhauser Allee 10',
  postalCode: '10435',
  city: 'Berlin',
  documentType: 'business_registration' as const,
};
const pdf = { name: 'gewerbeanmeldung.pdf', size: 2048, type: 'application/pdf' };

describe('stateLabel', () => {
  it('names the phone’s progress by its stage: in review, or being set up', () => {
    expect(stateLabel(phone())).toBe('due');
    expect(stateLabel(inReview)).toBe('inReview');
    expect(stateLabel(phone({ state: 'pending', actor: 'us', stage: 'buying_number' }))).toBe(
      'settingUp',
    );
    expect(stateLabel(phone({ state: 'pending', actor: 'us', stage: 'configuring_sip' }))).toBe(
      'settingUp',
    );
    expect(stateLabel(active)).toBe('done');
  });

  it('tells a rejection (the owner’s turn) from a problem of ours', () => {
    expect(stateLabel(rejected)).toBe('rejected');
    const broken = phone({
      state: 'error',
      actor: 'us',
      stage: 'buying_number',
      problem: { code: 'CONFIG', retryable: false },
    });
    expect(stateLabel(broken)).toBe('error');
  });

  it('takes the other items’ states as they are', () => {
    expect(stateLabel({ id: 'email', state: 'due', actor: 'you' })).toBe('due');
    expect(stateLabel({ id: 'whatsapp', state: 'upcoming', actor: 'us' })).toBe('upcoming');
    expect(
      stateLabel({ id: 'integrations', state: 'optional', actor: 'you', integrations: [] }),
    ).toBe('optional');
  });

  it('has a badge text for every label, in both languages', () => {
    for (const label of [
      'due',
      'pending',
      'inReview',
      'settingUp',
      'done',
      'rejected',
      'error',
      'optional',
      'upcoming',
    ] as const) {
      expect(goLiveMessages.de[`state_${label}`]).toBeTruthy();
      expect(goLiveMessages.en[`state_${label}`]).toBeTruthy();
    }
  });
});

describe('actorShown', () => {
  it('says whose turn it is while something is due, pending or wrong', () => {
    expect(actorShown(phone())).toBe('you');
    expect(actorShown(inReview)).toBe('carrier');
    expect(actorShown(rejected)).toBe('you');
  });

  it('says nothing for what is done, optional or still to come', () => {
    expect(actorShown(active)).toBeNull();
    expect(actorShown({ id: 'whatsapp', state: 'upcoming', actor: 'us' })).toBeNull();
    expect(
      actorShown({ id: 'integrations', state: 'optional', actor: 'you', integrations: [] }),
    ).toBeNull();
  });
});

describe('requiredProgress', () => {
  it('counts the e-mail and the phone, not WhatsApp (upcoming) or the integrations (optional)', () => {
    expect(requiredProgress(status(phone(), false))).toEqual({ done: 0, total: 2 });
    expect(requiredProgress(status(inReview))).toEqual({ done: 1, total: 2 });
    expect(requiredProgress(status(active, true, true))).toEqual({ done: 2, total: 2 });
  });
});

describe('phoneSteps', () => {
  const statuses = (item: PhoneItem) => phoneSteps(item).map(({ status }) => status);

  it('lists details, review, number and SIP in order', () => {
    expect(phoneSteps(phone()).map(({ step }) => step)).toEqual([
      'details',
      'review',
      'number',
      'sip',
    ]);
  });

  it('marks the steps before the stage done and the stage’s own step current', () => {
    expect(statuses(phone())).toEqual(['due', 'upcoming', 'upcoming', 'upcoming']);
    expect(statuses(inReview)).toEqual(['done', 'running', 'upcoming', 'upcoming']);
    expect(statuses(phone({ state: 'pending', stage: 'buying_number' }))).toEqual([
      'done',
      'done',
      'running',
      'upcoming',
    ]);
    expect(statuses(phone({ state: 'pending', stage: 'configuring_sip' }))).toEqual([
      'done',
      'done',
      'done',
      'running',
    ]);
    expect(statuses(active)).toEqual(['done', 'done', 'done', 'done']);
  });

  it('after a rejection: the details are due again, the review says rejected', () => {
    expect(statuses(rejected)).toEqual(['due', 'rejected', 'upcoming', 'upcoming']);
  });

  it('marks the step a problem stopped as failed', () => {
    const broken = phone({ state: 'error', actor: 'us', stage: 'configuring_sip' });
    expect(statuses(broken)).toEqual(['done', 'done', 'done', 'failed']);
  });

  it('knows every stage of the contract', () => {
    for (const stage of PHONE_STAGES) expect(phoneSteps(phone({ stage }))).toHaveLength(4);
  });
});

describe('phoneMessage', () => {
  it('explains each stage in one sentence', () => {
    expect(phoneMessage(phone())).toBe('phoneDue');
    expect(phoneMessage(inReview)).toBe('phoneInReview');
    expect(phoneMessage(phone({ state: 'pending', stage: 'buying_number' }))).toBe(
      'phoneBuyingNumber',
    );
    expect(phoneMessage(phone({ state: 'pending', stage: 'configuring_sip' }))).toBe(
      'phoneConfiguringSip',
    );
    expect(phoneMessage(active)).toBe('phoneActive');
    expect(phoneMessage(rejected)).toBe('phoneRejected');
  });

  it('says we keep trying when the carrier is unreachable, and that we are on it otherwise', () => {
    const unreachable = { code: 'CARRIER_UNAVAILABLE', retryable: true };
    const misconfigured = { code: 'CONFIG', retryable: false };
    expect(phoneMessage({ ...inReview, problem: unreachable })).toBe('phoneRetrying');
    expect(phoneMessage({ ...inReview, state: 'error', problem: misconfigured })).toBe(
      'phoneFailed',
    );
  });
});

describe('acceptsDetails', () => {
  it('offers the form before the review, after a rejection, and when the review is stuck on a refusal', () => {
    const offered = (problem: { code: string; retryable: boolean } | null) =>
      PHONE_STAGES.filter((stage) => acceptsDetails({ stage, problem }));
    expect(offered(null)).toEqual(['awaiting_business_details', 'rejected']);
    expect(offered({ code: 'twilio:http_503', retryable: true })).toEqual([
      'awaiting_business_details',
      'rejected',
    ]);
    expect(offered({ code: 'twilio:20003', retryable: false })).toEqual([
      'awaiting_business_details',
      'in_review',
      'rejected',
    ]);
  });
});

describe('statusChanges', () => {
  it('announces nothing on the first reading, or when nothing moved', () => {
    expect(statusChanges(undefined, status(phone()))).toEqual({ items: [], live: false });
    expect(statusChanges(status(inReview), status(inReview))).toEqual({ items: [], live: false });
  });

  it('announces a new stage even when the state stays pending', () => {
    const buying = phone({ state: 'pending', actor: 'us', stage: 'buying_number' });
    expect(statusChanges(status(inReview), status(buying)).items).toEqual([
      { id: 'phone', label: 'settingUp' },
    ]);
  });

  it('announces the confirmed address, and going live', () => {
    expect(statusChanges(status(phone(), false), status(phone(), true)).items).toEqual([
      { id: 'email', label: 'done' },
    ]);
    const last = phone({ state: 'pending', stage: 'configuring_sip' });
    expect(statusChanges(status(last), status(active, true, true))).toEqual({
      items: [{ id: 'phone', label: 'done' }],
      live: true,
    });
  });
});

describe('initialDetails', () => {
  it('starts empty, or with the last submission after a rejection', () => {
    expect(initialDetails(null)).toEqual({
      businessName: '',
      street: '',
      postalCode: '',
      city: '',
      documentType: '',
    });
    expect(initialDetails(details)).toEqual(details);
  });
});

describe('documentContentType', () => {
  it('takes the browser’s type, or the extension’s when there is none', () => {
    expect(documentContentType(pdf)).toBe('application/pdf');
    expect(documentContentType({ name: 'Scan.JPG', size: 1, type: '' })).toBe('image/jpeg');
    expect(documentContentType({ name: 'scan.png', size: 1, type: '' })).toBe('image/png');
    expect(documentContentType({ name: 'scan', size: 1, type: '' })).toBe('');
  });
});

describe('documentProblem', () => {
  it('accepts a PDF, JPEG or PNG of up to 10 MB', () => {
    expect(documentProblem(pdf)).toBeUndefined();
    expect(documentProblem({ ...pdf, type: 'image/jpeg' })).toBeUndefined();
    expect(
      documentProblem({ ...pdf, type: 'image/png', size: DOCUMENT_MAX_BYTES }),
    ).toBeUndefined();
  });

  it('asks for a file, and refuses an empty one', () => {
    expect(documentProblem(null)).toEqual({ own: 'chooseDocument' });
    expect(documentProblem({ ...pdf, size: 0 })).toEqual({ problem: 'empty', params: {} });
  });

  it('refuses other types and larger files with the server’s problem codes', () => {
    expect(documentProblem({ name: 'vertrag.docx', size: 10, type: 'application/msword' })).toEqual(
      { problem: 'unsupportedFileType', params: {} },
    );
    expect(documentProblem({ ...pdf, size: DOCUMENT_MAX_BYTES + 1 })).toEqual({
      problem: 'fileTooLarge',
      params: { max: DOCUMENT_MAX_BYTES },
    });
  });
});

describe('detailsProblems', () => {
  it('finds nothing in complete details with a fitting file', () => {
    expect(detailsProblems(details, pdf)).toEqual({});
  });

  it('uses the contract’s checks, by field', () => {
    expect(
      detailsProblems({ ...details, businessName: '  ', postalCode: '1043', city: '' }, pdf),
    ).toEqual({
      businessName: { problem: 'empty', params: {} },
      postalCode: { problem: 'invalidPostalCode', params: {} },
      city: { problem: 'empty', params: {} },
    });
  });

  it('asks for the document’s type and the file when they are missing', () => {
    expect(detailsProblems({ ...details, documentType: '' }, null)).toEqual({
      documentType: { own: 'chooseDocumentType' },
      document: { own: 'chooseDocument' },
    });
  });
});

describe('detailsRefusalProblems', () => {
  it('puts the server’s field problems at their fields', () => {
    const error = refusal({
      domainCode: 'INVALID_INPUT',
      issues: [
        { path: 'postalCode', problem: 'invalidPostalCode', params: {}, message: 'x' },
        {
          path: 'document',
          problem: 'fileTooLarge',
          params: { max: DOCUMENT_MAX_BYTES },
          message: 'x',
        },
      ],
    });
    expect(detailsRefusalProblems(error)).toEqual({
      postalCode: { problem: 'invalidPostalCode', params: {} },
      document: { problem: 'fileTooLarge', params: { max: DOCUMENT_MAX_BYTES } },
    });
  });

  it('asks for a missing file rather than calling it empty', () => {
    const error = refusal({
      domainCode: 'INVALID_INPUT',
      issues: [{ path: 'document', problem: 'empty', params: {}, message: 'x' }],
    });
    expect(detailsRefusalProblems(error)).toEqual({ document: { own: 'chooseDocument' } });
  });

  it('finds no field problem in a refusal of another kind', () => {
    expect(
      detailsRefusalProblems(
        refusal({ domainCode: 'PHONE_DETAILS_LOCKED', domainData: { stage: 'in_review' } }),
      ),
    ).toEqual({});
  });
});

describe('detailsFormData', () => {
  it('sends the trimmed details and the file under the contract’s names', async () => {
    const file = new File(['%PDF-1.4'], 'gewerbe.pdf', { type: 'application/pdf' });
    const data = detailsFormData({ ...details, businessName: ' FitZone GmbH ' }, file);
    expect(data.get('businessName')).toBe('FitZone GmbH');
    expect(data.get('street')).toBe(details.street);
    expect(data.get('postalCode')).toBe('10435');
    expect(data.get('city')).toBe('Berlin');
    expect(data.get('documentType')).toBe('business_registration');
    const sent = data.get('document');
    expect(sent).toBeInstanceOf(File);
    expect((sent as File).name).toBe('gewerbe.pdf');
    expect(await (sent as File).text()).toBe('%PDF-1.4');
  });
});
