import {
  type BusinessDetails,
  businessDetailsSchema,
  DOCUMENT_CONTENT_TYPES,
  DOCUMENT_MAX_BYTES,
  type DocumentType,
  type GoLiveActor,
  type GoLiveState,
  type PhoneStage,
} from '@pilar/provisioning/contracts';
import {
  contractProblems,
  type FieldProblem,
  type FieldProblems,
  serverProblems,
} from '../account/account-forms.ts';

/**
 * The checklist's items as the browser reads them (`golive.status`, `golive.onStatus`): only
 * the fields it shows, so that the server may add more.
 */
export interface EmailItem {
  id: 'email';
  state: GoLiveState;
  actor: GoLiveActor | null;
}

export interface PhoneProblem {
  code: string;
  /** True: worth another try, and we keep trying; false: someone has to change something. */
  retryable: boolean;
}

export interface PhoneItem {
  id: 'phone';
  state: GoLiveState;
  actor: GoLiveActor | null;
  stage: PhoneStage;
  number: string | null;
  details: BusinessDetails | null;
  documentName: string | null;
  rejectionReason: string | null;
  problem: PhoneProblem | null;
  submittedAt: string | null;
  activatedAt: string | null;
  nextCheckAt: string | null;
}

export interface WhatsAppItem {
  id: 'whatsapp';
  state: GoLiveState;
  actor: GoLiveActor | null;
}

export interface IntegrationsItem {
  id: 'integrations';
  state: GoLiveState;
  actor: GoLiveActor | null;
  integrations: readonly { type: string; active: boolean }[];
}

export type GoLiveItem = EmailItem | PhoneItem | WhatsAppItem | IntegrationsItem;
export type GoLiveItemId = GoLiveItem['id'];

export interface GoLiveStatus {
  live: boolean;
  items: readonly GoLiveItem[];
}

export const phoneItemOf = (status: GoLiveStatus | undefined): PhoneItem | undefined =>
  status?.items.find((item): item is PhoneItem => item.id === 'phone');

/** An item's state as its badge says it; the phone's in-progress and error states say more. */
export type StateLabel =
  | 'due'
  | 'pending'
  | 'inReview'
  | 'settingUp'
  | 'done'
  | 'rejected'
  | 'error'
  | 'optional'
  | 'upcoming';

export const stateLabel = (item: GoLiveItem): StateLabel => {
  if (item.id === 'phone') {
    if (item.state === 'pending') return item.stage === 'in_review' ? 'inReview' : 'settingUp';
    if (item.state === 'error' && item.stage === 'rejected') return 'rejected';
  }
  return item.state;
};

/** Who has to act next, when anyone has to: not for what is done, optional or to come. */
export const actorShown = (item: GoLiveItem): GoLiveActor | null =>
  item.state === 'due' || item.state === 'pending' || item.state === 'error' ? item.actor : null;

/** The items that must be done before the studio is live (not the optional or the upcoming). */
export const isRequired = (item: GoLiveItem) =>
  item.state !== 'optional' && item.state !== 'upcoming';

export const requiredProgress = (status: GoLiveStatus) => {
  const required = status.items.filter(isRequired);
  return {
    done: required.filter((item) => item.state === 'done').length,
    total: required.length,
  };
};

/** The phone's way to a live number, as the owner follows it. */
export const PHONE_STEPS = ['details', 'review', 'number', 'sip'] as const;
export type PhoneStep = (typeof PHONE_STEPS)[number];

/**
 * Where a step stands: done; due (the owner's turn); running (the carrier's or ours);
 * upcoming; rejected (the review said no); failed (a problem we have to fix).
 */
export type StepStatus = 'done' | 'due' | 'running' | 'upcoming' | 'rejected' | 'failed';

const STEP_OF_STAGE: Record<Exclude<PhoneStage, 'active' | 'rejected'>, number> = {
  awaiting_business_details: 0,
  in_review: 1,
  buying_number: 2,
  configuring_sip: 3,
};

/** Each sub-step's status at `stage`; `failed` when a problem stopped the current one. */
export const phoneSteps = (
  phone: Pick<PhoneItem, 'stage' | 'state'>,
): { step: PhoneStep; status: StepStatus }[] => {
  const { stage, state } = phone;
  if (stage === 'active') return PHONE_STEPS.map((step) => ({ step, status: 'done' }));
  if (stage === 'rejected') {
    return PHONE_STEPS.map((step, index) => ({
      step,
      status: index === 0 ? 'due' : index === 1 ? 'rejected' : 'upcoming',
    }));
  }
  const current = STEP_OF_STAGE[stage];
  return PHONE_STEPS.map((step, index) => ({
    step,
    status:
      index < current
        ? 'done'
        : index > current
          ? 'upcoming'
          : state === 'error'
            ? 'failed'
            : index === 0
              ? 'due'
              : 'running',
  }));
};

/**
 * The business details can be (re)submitted before the review, after a rejection, and while
 * the review's work is stuck on a refusal only new details can lift (the server's rule).
 */
export const acceptsDetails = ({ stage, problem }: Pick<PhoneItem, 'stage' | 'problem'>) =>
  stage === 'awaiting_business_details' ||
  stage === 'rejected' ||
  (stage === 'in_review' && problem?.retryable === false);

/**
 * What changed between two readings of the status, for the live region: each item whose state
 * or stage moved, with its new badge; `live` when the studio just went live. Nothing on the
 * first reading (the page says it already).
 */
export const statusChanges = (previous: GoLiveStatus | undefined, next: GoLiveStatus) => {
  if (!previous) return { items: [], live: false };
  const key = (item: GoLiveItem) => `${item.state}/${item.id === 'phone' ? item.stage : ''}`;
  const before = new Map(previous.items.map((item) => [item.id, key(item)]));
  return {
    items: next.items
      .filter((item) => before.has(item.id) && before.get(item.id) !== key(item))
      .map((item) => ({ id: item.id, label: stateLabel(item) })),
    live: !previous.live && next.live,
  };
};

/** The form's fields: the contract's details and the document. */
export type DetailsField = keyof BusinessDetails | 'document';

const DETAILS_FIELDS: Readonly<Record<string, DetailsField>> = {
  businessName: 'businessName',
  street: 'street',
  postalCode: 'postalCode',
  city: 'city',
  documentType: 'documentType',
  document: 'document',
};
export const detailsFieldOfPath = DETAILS_FIELDS;

export interface DetailsValues {
  businessName: string;
  street: string;
  postalCode: string;
  city: string;
  /** '' until one is chosen. */
  documentType: DocumentType | '';
}

/** The form's values: empty, or the last submission's after a rejection. */
export const initialDetails = (details: BusinessDetails | null): DetailsValues =>
  details
    ? { ...details }
    : { businessName: '', street: '', postalCode: '', city: '', documentType: '' };

/** The file as the form knows it (a `File`, or anything with its name, size and type). */
export interface DocumentFile {
  name: string;
  size: number;
  type: string;
}

const BY_EXTENSION: Record<string, (typeof DOCUMENT_CONTENT_TYPES)[number]> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

/** The file's type as the browser reports it, or as its extension says when it reports none. */
export const documentContentType = (file: DocumentFile) =>
  file.type || BY_EXTENSION[file.name.split('.').pop()?.toLowerCase() ?? ''] || '';

/** The server's limits, checked before the upload: a file, not empty, PDF/JPEG/PNG, ≤ 10 MB. */
export const documentProblem = (file: DocumentFile | null): FieldProblem | undefined => {
  if (!file) return { own: 'chooseDocument' };
  if (file.size === 0) return { problem: 'empty', params: {} };
  if (!(DOCUMENT_CONTENT_TYPES as readonly string[]).includes(documentContentType(file)))
    return { problem: 'unsupportedFileType', params: {} };
  if (file.size > DOCUMENT_MAX_BYTES)
    return { problem: 'fileTooLarge', params: { max: DOCUMENT_MAX_BYTES } };
  return undefined;
};

/** A missing choice (no type, no file) is asked for, not called wrong. */
const asChoice = (problems: FieldProblems<DetailsField>, noFile: boolean) => {
  const result = { ...problems };
  if (result.documentType && 'problem' in result.documentType)
    result.documentType = { own: 'chooseDocumentType' };
  if (noFile && result.document) result.document = { own: 'chooseDocument' };
  return result;
};

/** Everything the contract and the limits find wrong with the form, by field. */
export const detailsProblems = (
  values: DetailsValues,
  file: DocumentFile | null,
): FieldProblems<DetailsField> => {
  const problems = contractProblems(businessDetailsSchema, values, DETAILS_FIELDS);
  const document = documentProblem(file);
  if (document) problems.document = document;
  return asChoice(problems, file === null);
};

/** A refusal's field issues at the form's fields (a missing file or type asked for). */
export const detailsRefusalProblems = (error: unknown) => {
  const problems = serverProblems(error, DETAILS_FIELDS);
  const document = problems.document;
  return asChoice(problems, !!document && 'problem' in document && document.problem === 'empty');
};

/** The mutation's input: the details as the contract trims them, and the file. */
export const detailsFormData = (values: DetailsValues, file: Blob & { name: string }) => {
  const data = new FormData();
  const parsed = businessDetailsSchema.safeParse(values);
  const details = parsed.success ? parsed.data : values;
  for (const [name, value] of Object.entries(details)) data.append(name, value);
  data.append('document', file, file.name);
  return data;
};

/** What the phone's state means for the owner, as one sentence (a golive message). */
export const phoneMessage = (
  phone: Pick<PhoneItem, 'stage' | 'state' | 'problem'>,
):
  | 'phoneActive'
  | 'phoneFailed'
  | 'phoneRejected'
  | 'phoneRetrying'
  | 'phoneDue'
  | 'phoneInReview'
  | 'phoneBuyingNumber'
  | 'phoneConfiguringSip' => {
  if (phone.stage === 'active') return 'phoneActive';
  if (phone.problem && !phone.problem.retryable) return 'phoneFailed';
  if (phone.stage === 'rejected') return 'phoneRejected';
  if (phone.problem) return 'phoneRetrying';
  switch (phone.stage) {
    case 'awaiting_business_details':
      return 'phoneDue';
    case 'in_review':
      return 'phoneInReview';
    case 'buying_number':
      return 'phoneBuyingNumber';
    case 'configuring_sip':
      return 'phoneConfiguringSip';
  }
};

/** Where the checklist's phone item leads: the business details form in the channels view. */
export const DETAILS_ANCHOR = 'business-details';
