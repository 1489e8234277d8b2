import { describe, expect, it } from 'vitest';
import { createSentenceKeys, hashText } from '../../src/content/sentence-key.ts';

describe('sentence keys', () => {
  it('are stable for the same text and count repeats, so a rescan keeps the popup’s keys valid', () => {
    const texts = ['A sentence.', 'Another one.', 'A sentence.'];
    const keys = createSentenceKeys(texts);
    expect(keys).toEqual(createSentenceKeys([...texts]));
    expect(keys[0]).toBe(`${hashText('A sentence.')}.0`);
    expect(keys[2]).toBe(`${hashText('A sentence.')}.1`);
    expect(new Set(keys).size).toBe(3);
  });

  it('fit the message contract (short, non-empty)', () => {
    for (const key of createSentenceKeys(['x'.repeat(5_000), '', '\u{1F600} emoji'])) {
      expect(key.length).toBeGreaterThan(0);
      expect(key.length).toBeLessThanOrEqual(200);
      expect(key).toMatch(/^[0-9a-f]{8}\.\d+$/);
    }
  });
});
