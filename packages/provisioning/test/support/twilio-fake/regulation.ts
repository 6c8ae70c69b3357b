import { numbersUrl, type Store } from './store.ts';

/** The documents the fake's German regulation accepts, by Twilio's type names. */
export const ACCEPTED_DOCUMENTS = [
  {
    name: 'Excerpt from the commercial register (Handelsregisterauszug)',
    type: 'commercial_registrar_excerpt',
  },
  { name: 'Business Registration (Gewerbeanmeldung)', type: 'business_registration' },
];

const friendly = (field: string) =>
  field.replace(/_/g, ' ').replace(/\b\w/g, (letter) => letter.toUpperCase());

/** Germany: Local - Business, shaped like Twilio's regulations (requirements included). */
export const regulationJson = (sid: string, endUserFields: string[]) => {
  const accepted = (fields: string[]) =>
    ACCEPTED_DOCUMENTS.map(({ name, type }) => ({
      name,
      type,
      url: numbersUrl(`/DocumentTypes/${type}`),
      fields,
    }));
  return {
    sid,
    friendly_name: 'Germany: Local - Business',
    iso_country: 'DE',
    number_type: 'local',
    end_user_type: 'business',
    requirements: {
      end_user: [
        {
          name: 'Business',
          type: 'business',
          requirement_name: 'business_info',
          url: numbersUrl('/EndUserTypes/business'),
          fields: endUserFields,
          detailed_fields: endUserFields.map((field) => ({
            machine_name: field,
            friendly_name: friendly(field),
            description: `${friendly(field)} of the business`,
          })),
        },
      ],
      supporting_document: [
        [
          {
            name: 'Business Name',
            type: 'document',
            requirement_name: 'business_name_info',
            description: 'Proof of the business name.',
            accepted_documents: accepted(['business_name']),
          },
        ],
        [
          {
            name: 'Address',
            type: 'document',
            requirement_name: 'business_address_proof_info',
            description:
              "Must be within the locality of the phone number's prefix and match the registration document.",
            accepted_documents: accepted(['address_sids']),
          },
        ],
      ],
    },
    url: numbersUrl(`/Regulations/${sid}`),
  };
};

interface Requirement {
  requirement_name: string;
  requirement_friendly_name: string;
  friendly_name: string;
  object_type: string;
  passed: boolean;
  failure_reason: string | null;
  error_code: number | null;
  valid: unknown[];
  invalid: {
    friendly_name: string;
    object_field: string;
    failure_reason: string;
    error_code: number;
  }[];
}

/**
 * The bundle's evaluation as Twilio reports one: per requirement whether it passed, with
 * Twilio-like reasons (a business end user with the asked fields; an accepted document naming
 * the business; one giving an existing address).
 */
export const evaluateBundle = (store: Store, bundleSid: string, endUserFields: string[]) => {
  const items = [...store.assignments.values()].filter((item) => item.bundleSid === bundleSid);
  const business = items
    .map((item) => store.endUsers.get(item.objectSid))
    .find((user) => user?.type === 'business');
  const documents = items
    .map((item) => store.documents.get(item.objectSid))
    .filter((document) => document !== undefined)
    .filter((document) => ACCEPTED_DOCUMENTS.some(({ type }) => type === document.type));
  const documentType = documents[0]?.type ?? 'commercial_registrar_excerpt';

  const unanswered = endUserFields.filter((field) => !business?.attributes[field]);
  const businessInfo: Requirement = {
    requirement_name: 'business_info',
    requirement_friendly_name: 'Business',
    friendly_name: 'Business',
    object_type: 'business',
    passed: business !== undefined && unanswered.length === 0,
    failure_reason: business
      ? unanswered.length > 0
        ? 'The Business information is incomplete.'
        : null
      : 'A Business End-User is missing. Please add one to the regulatory bundle.',
    error_code: business ? (unanswered.length > 0 ? 22215 : null) : 22214,
    valid: [],
    invalid: unanswered.map((field) => ({
      friendly_name: friendly(field),
      object_field: field,
      failure_reason: `The ${friendly(field)} is missing. Please enter in a ${friendly(field)} on the Business information.`,
      error_code: 22215,
    })),
  };

  const named = documents.some(
    (document) =>
      business !== undefined &&
      document.attributes.business_name === business.attributes.business_name,
  );
  const businessName: Requirement = {
    requirement_name: 'business_name_info',
    requirement_friendly_name: 'Business Name',
    friendly_name: 'Proof of the business name',
    object_type: documentType,
    passed: named,
    failure_reason: named
      ? null
      : documents.length > 0
        ? 'The Business Name does not match the Business Name within the Business information.'
        : 'An Excerpt from the commercial register (Handelsregisterauszug) is missing. Please add one to the regulatory bundle.',
    error_code: named ? null : documents.length > 0 ? 22217 : 22216,
    valid: [],
    invalid: named
      ? []
      : [
          {
            friendly_name: 'Business Name',
            object_field: 'business_name',
            failure_reason:
              'The Business Name is missing or does not match the Business information.',
            error_code: 22217,
          },
        ],
  };

  const located = documents.some((document) => {
    const sids = document.attributes.address_sids;
    const list = Array.isArray(sids) ? sids : typeof sids === 'string' ? [sids] : [];
    return list.some((sid) => store.addresses.has(String(sid)));
  });
  const address: Requirement = {
    requirement_name: 'business_address_proof_info',
    requirement_friendly_name: 'Business Address (Proof of Address)',
    friendly_name: 'Proof of address',
    object_type: documentType,
    passed: located,
    failure_reason: located
      ? null
      : 'A proof of address is missing. Please add a document showing the address to the regulatory bundle.',
    error_code: located ? null : 22216,
    valid: [],
    invalid: located
      ? []
      : [
          {
            friendly_name: 'Address sid(s)',
            object_field: 'address_sids',
            failure_reason:
              'The Address is missing. Please enter in the address shown on the document.',
            error_code: 22219,
          },
        ],
  };

  const results = [businessInfo, businessName, address];
  return {
    status: results.every((result) => result.passed) ? 'compliant' : 'noncompliant',
    results,
  };
};
