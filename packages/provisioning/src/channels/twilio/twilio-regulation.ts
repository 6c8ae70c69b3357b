import type { BusinessDetails, DocumentType } from '../../contracts/go-live.ts';
import type { StepResult } from '../phone-carrier.ts';

/**
 * Twilio's supporting-document types for our two: the Handelsregisterauszug is Twilio's
 * "Excerpt from the commercial register" (`commercial_registrar_excerpt`, Twilio's spelling),
 * the Gewerbeanmeldung its "Business Registration" (`business_registration`). The regulation
 * names the types it accepts (`accepted_documents[].type`); the adapter checks ours against it.
 */
export const TWILIO_DOCUMENT_TYPES: Record<DocumentType, string> = {
  commercial_register_extract: 'commercial_registrar_excerpt',
  business_registration: 'business_registration',
};

/** What the adapter keeps of the regulation (a sub-step's answer: JSON). */
export interface RegulationSummary {
  sid: string;
  /** The document types any of its requirements accepts; empty if it names none. */
  acceptedDocumentTypes: string[];
  /** The attributes its requirements ask of a document of our type. */
  documentFields: string[];
  [key: string]: StepResult;
}

interface AcceptedDocument {
  type?: unknown;
  fields?: unknown;
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/** `requirements.supporting_document` is a list of alternatives' lists; each names its documents. */
const acceptedDocuments = (requirements: unknown): AcceptedDocument[] => {
  const groups = (requirements as { supporting_document?: unknown } | null)?.supporting_document;
  if (!Array.isArray(groups)) return [];
  return groups
    .flat()
    .flatMap((requirement) =>
      Array.isArray((requirement as { accepted_documents?: unknown })?.accepted_documents)
        ? ((requirement as { accepted_documents: AcceptedDocument[] }).accepted_documents ?? [])
        : [],
    );
};

export const summarizeRegulation = (
  regulation: { sid: string; requirements: unknown },
  documentType: string,
): RegulationSummary => {
  const documents = acceptedDocuments(regulation.requirements);
  const ofOurType = documents.filter((document) => document.type === documentType);
  return {
    sid: regulation.sid,
    acceptedDocumentTypes: [...new Set(documents.flatMap((document) => strings([document.type])))],
    documentFields: [...new Set(ofOurType.flatMap((document) => strings(document.fields)))],
  };
};

/**
 * The document's attributes: what its requirements ask that the business details answer (the
 * name, the address); both when the regulation names no fields. What we cannot answer, Twilio's
 * evaluation names.
 */
export const documentAttributes = (
  regulation: RegulationSummary,
  details: BusinessDetails,
  addressSid: string,
): Record<string, string | string[]> => {
  const known: Record<string, string | string[]> = {
    business_name: details.businessName,
    address_sids: [addressSid],
  };
  const asked = regulation.documentFields.filter((field) => field in known);
  if (asked.length === 0) return known;
  return Object.fromEntries(asked.map((field) => [field, known[field] as string | string[]]));
};
