import { USER_AGENT_MAX_LENGTH } from '../auth/sessions.ts';
import {
  CONSENT_DOCUMENT_KINDS,
  type LegalDocumentInfo,
  type LegalDocumentKind,
} from '../legal/documents.ts';

/** A document accepted at signup, as it stood: which one, its version and the hash of its text. */
export interface ConsentDocument {
  document: 'terms' | 'dpa';
  version: string;
  hash: string;
}

/** Where an acceptance was given: the wizard's two boxes, or the REST route's call itself. */
export type ConsentSource = 'wizard' | 'api';

export interface ConsentCircumstances {
  source: ConsentSource;
  clientAddress?: string | null;
  userAgent?: string | null;
}

/** The consent rows of a signup, one per accepted document. */
export const consentRows = (
  documents: readonly ConsentDocument[],
  who: { tenantId: string; userId: string; email: string },
  { source, clientAddress, userAgent }: ConsentCircumstances,
) =>
  documents.map((document) => ({
    ...document,
    ...who,
    source,
    clientAddress: clientAddress ?? null,
    userAgent: userAgent ? userAgent.slice(0, USER_AGENT_MAX_LENGTH) : null,
  }));

/** The documents a signup accepts (AGB and AVV), as they stand now. */
export const consentDocumentsOf = (
  documents: Record<LegalDocumentKind, LegalDocumentInfo>,
): ConsentDocument[] =>
  CONSENT_DOCUMENT_KINDS.map((kind) => ({
    document: kind,
    version: documents[kind].version,
    hash: documents[kind].hash,
  }));
