import { describe, expect, it } from 'vitest';
import { formatIsoDate } from '../../src/shared/format-date.ts';

describe('formatIsoDate', () => {
  it('writes the UTC day in words, in the reader’s locale', () => {
    expect(formatIsoDate('2026-11-21T05:55:57.000Z', 'en-GB')).toBe('21 November 2026');
    expect(formatIsoDate('2026-11-21T05:55:57.000Z', 'en-US')).toBe('November 21, 2026');
    // Just after midnight UTC is still that day, wherever the reader is.
    expect(formatIsoDate('2020-01-06T00:30:00Z', 'en-GB')).toBe('6 January 2020');
  });

  it('is null for no date or a string that is not one, and falls back for an unknown locale', () => {
    expect(formatIsoDate(null, 'en-GB')).toBeNull();
    expect(formatIsoDate('not a date', 'en-GB')).toBeNull();
    expect(formatIsoDate('2026-11-21T05:55:57.000Z', 'not a locale!')).toMatch(/2026/);
  });
});
