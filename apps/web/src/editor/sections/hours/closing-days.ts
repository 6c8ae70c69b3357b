import type { SectionValue } from '@pilar/provisioning/contracts';

export type ClosingDays = SectionValue<'businessHours'>['closingDays'];
export type ClosingDay = ClosingDays[number];

/** "2026-12-24" → "24.12.2026", as the agent prompt writes dates. */
export const germanDate = (iso: string) =>
  `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
