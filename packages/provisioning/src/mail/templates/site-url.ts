import type { MailBrand } from '../mail-content.ts';

/** The site's start page, which every footer links to. */
export const siteUrl = (brand: MailBrand) => `${brand.publicUrl.replace(/\/+$/, '')}/`;
