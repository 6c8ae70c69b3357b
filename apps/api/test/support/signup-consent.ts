/** The wizard's review step: both boxes ticked, the AGB and the processing agreement (AVV). */
export const WIZARD_CONSENT = { terms: true, dpa: true } as const;
