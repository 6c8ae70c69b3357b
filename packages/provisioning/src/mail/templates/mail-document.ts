import type { Locale } from '../../contracts/locale.ts';
import type { MailBrand, MailContent, MailTemplate } from '../mail-content.ts';

export type MailContentOf<T extends MailTemplate> = Extract<MailContent, { template: T }>;

/** Text within a paragraph; `strong` parts are emphasised in HTML and plain in the text part. */
export type Inline = string | { strong: string };

export type MailBlock =
  | { kind: 'paragraph'; parts: Inline[] }
  /** A call to action: a button in HTML (with the link spelled out below), the URL in text. */
  | { kind: 'action'; label: string; url: string }
  /** A code to type in, shown large. */
  | { kind: 'code'; code: string };

/** What one mail says in one language, before it is laid out as HTML and as text. */
export interface MailDocument {
  subject: string;
  heading: string;
  blocks: MailBlock[];
  /** Why the recipient gets this mail, for the footer. */
  reason: string;
}

/** One template's words, in every language. */
export type MailWording<T extends MailTemplate> = Record<
  Locale,
  (content: MailContentOf<T>, brand: MailBrand) => MailDocument
>;

export const paragraph = (...parts: Inline[]): MailBlock => ({ kind: 'paragraph', parts });
export const action = (label: string, url: string): MailBlock => ({ kind: 'action', label, url });
export const code = (value: string): MailBlock => ({ kind: 'code', code: value });
export const strong = (text: string): Inline => ({ strong: text });

export const plainText = (parts: Inline[]) =>
  parts.map((part) => (typeof part === 'string' ? part : part.strong)).join('');
