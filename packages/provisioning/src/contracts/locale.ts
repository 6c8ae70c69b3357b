import { z } from 'zod/mini';

/** The languages mails and screens are written in; the owner's is remembered from the wizard. */
export const LOCALES = ['de', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const localeSchema = z.enum(LOCALES, { error: 'Language must be de or en' });
