import { describe, expect, it } from 'vitest';
import { withLink } from '../../src/i18n/with-link.tsx';
import { FALLBACK_LEGAL_URLS, legalUrlsOf } from '../../src/legal/legal-documents.ts';

describe('legalUrlsOf', () => {
  it('links the server’s own pages while the answer is not there', () => {
    expect(legalUrlsOf(undefined)).toEqual({
      imprint: '/impressum',
      privacy: '/datenschutz',
      terms: '/agb',
      dpa: '/avv',
    });
    expect(legalUrlsOf(undefined)).toEqual(FALLBACK_LEGAL_URLS);
  });

  it('links what the server names, the operator’s own addresses included', () => {
    const documents = {
      imprint: { url: 'https://betreiber.example/impressum', version: '1', external: true },
      privacy: { url: '/datenschutz', version: '2026-11', external: false },
      terms: { url: '/agb', version: '2026-11', external: false },
      dpa: { url: '', version: '2026-11', external: false },
    };
    expect(legalUrlsOf(documents)).toEqual({
      imprint: 'https://betreiber.example/impressum',
      privacy: '/datenschutz',
      terms: '/agb',
      dpa: '/avv',
    });
  });
});

describe('withLink', () => {
  it('puts the element where the message’s {link} stands', () => {
    const element = withLink('Ich akzeptiere die {link}.', 'AGB') as {
      props: { children: unknown[] };
    };
    expect(element.props.children).toEqual(['Ich akzeptiere die ', 'AGB', '.']);
  });

  it('is the message itself without a {link}', () => {
    expect(withLink('Kein Link', 'AGB')).toBe('Kein Link');
  });
});
