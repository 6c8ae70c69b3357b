import { DOCUMENT_MAX_BYTES } from '@pilar/provisioning/contracts';
import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../src/i18n/bytes.ts';

describe('formatBytes', () => {
  it('writes the document limit as 10 MB', () => {
    expect(formatBytes(DOCUMENT_MAX_BYTES, 'de')).toBe('10 MB');
    expect(formatBytes(DOCUMENT_MAX_BYTES, 'en')).toBe('10 MB');
  });

  it('uses the language’s decimal separator, one decimal below ten', () => {
    expect(formatBytes(1.5 * 1024 * 1024, 'de')).toBe('1,5 MB');
    expect(formatBytes(1.5 * 1024 * 1024, 'en')).toBe('1.5 MB');
    expect(formatBytes(230 * 1024, 'de')).toBe('230 kB');
  });

  it('counts small files in bytes', () => {
    expect(formatBytes(12, 'de')).toBe('12 Byte');
    expect(formatBytes(12, 'en')).toBe('12 byte');
  });
});
