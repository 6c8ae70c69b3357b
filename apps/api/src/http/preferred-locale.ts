import type { IncomingMessage } from 'node:http';
import type { Locale } from '@pilar/provisioning';

/** `?lang=` decides; without it, the browser's first choice among German and English (German). */
export const preferredLocale = (req: IncomingMessage, query: URLSearchParams): Locale => {
  const asked = query.get('lang');
  if (asked === 'de' || asked === 'en') return asked;
  const ranked = (req.headers['accept-language'] ?? '')
    .split(',')
    .map((entry) => {
      const [tag = '', ...parameters] = entry.trim().split(';');
      const quality = parameters.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { primary: tag.split('-')[0]?.toLowerCase(), quality: Number(quality ?? 1) };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality);
  const first = ranked.find((entry) => entry.primary === 'de' || entry.primary === 'en');
  return first?.primary === 'en' ? 'en' : 'de';
};
