import { trpc } from '../trpc.ts';

export type LegalDocument = 'imprint' | 'privacy' | 'terms' | 'dpa';

/**
 * Where each document lives until the server has said: its own pages. The server names them
 * (or the operator's own addresses) in `legal.documents`.
 */
export const FALLBACK_LEGAL_URLS: Record<LegalDocument, string> = {
  imprint: '/impressum',
  privacy: '/datenschutz',
  terms: '/agb',
  dpa: '/avv',
};

/** Each legal document's address: the server's answer, or the fallback while it loads or fails. */
export const legalUrlsOf = (
  documents: Partial<Record<LegalDocument, { url: string }>> | undefined,
): Record<LegalDocument, string> => ({
  imprint: documents?.imprint?.url || FALLBACK_LEGAL_URLS.imprint,
  privacy: documents?.privacy?.url || FALLBACK_LEGAL_URLS.privacy,
  terms: documents?.terms?.url || FALLBACK_LEGAL_URLS.terms,
  dpa: documents?.dpa?.url || FALLBACK_LEGAL_URLS.dpa,
});

/** The legal documents' addresses; asked once per page load (they change with a deployment). */
export const useLegalUrls = () => {
  const documents = trpc.legal.documents.useQuery(undefined, {
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  return legalUrlsOf(documents.data);
};
