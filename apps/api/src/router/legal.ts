import { LEGAL_DOCUMENT_KINDS, legalDocuments } from '@pilar/provisioning';
import { publicProcedure, router } from '../trpc/init.ts';

export const legalRouter = router({
  /** Where each legal document is and which version stands (the wizard links and records them). */
  documents: publicProcedure.query(({ ctx }) => {
    const documents = legalDocuments(ctx.config.legal);
    return Object.fromEntries(
      LEGAL_DOCUMENT_KINDS.map((kind) => {
        const { url, version, external } = documents[kind];
        return [kind, { url, version, external }];
      }),
    ) as Record<
      (typeof LEGAL_DOCUMENT_KINDS)[number],
      { url: string; version: string; external: boolean }
    >;
  }),
});
