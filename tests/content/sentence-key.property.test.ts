/**
 * Property tests for src/content/sentence-key.ts: keys stay stable across rescans, so the popup can
 * point at a sentence it listed earlier. Distinct (text, occurrence) pairs get distinct keys on
 * hostile text, keys survive sentences being appended (infinite scroll), and hashing is linear.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSentenceKeys, hashText } from '../../src/content/sentence-key.ts';
import { anyTextArb, checkProperty, measureScaling, repeatTo } from '../support/fuzz.ts';

describe('sentence keys: fuzzed', () => {
  it('are deterministic, shaped <8 hex>.<n>, and distinct for distinct (text, occurrence)', () => {
    checkProperty(
      'sentence keys distinct + deterministic',
      fc.property(
        fc.array(fc.oneof(anyTextArb, fc.constantFrom('a', 'b', 'The same sentence.')), { maxLength: 40 }),
        (texts) => {
          const keys = createSentenceKeys(texts);
          expect(createSentenceKeys(texts)).toEqual(keys);
          for (const key of keys) expect(key).toMatch(/^[0-9a-f]{8}\.\d+$/);
          const byKey = new Map<string, string>();
          keys.forEach((key, i) => {
            const previous = byKey.get(key);
            // A collision of the 32-bit hash between different texts would show up here.
            if (previous !== undefined) expect(previous).toBe(texts[i]);
            byKey.set(key, texts[i]!);
          });
          expect(new Set(keys).size).toBe(keys.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keys of earlier sentences do not change when more sentences are appended (infinite scroll)', () => {
    checkProperty(
      'sentence keys prefix-stable',
      fc.property(
        fc.array(anyTextArb, { maxLength: 20 }),
        fc.array(anyTextArb, { maxLength: 20 }),
        (first, more) => {
          const before = createSentenceKeys(first);
          expect(createSentenceKeys([...first, ...more]).slice(0, first.length)).toEqual(before);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('hashing time grows at most linearly with text length', () => {
    const r = measureScaling(
      'hashText',
      hashText,
      (n) => repeatTo('The United States 😀 العراق ', n),
      50_000,
    );
    expect(r.ratio).toBeLessThanOrEqual(r.limit);
  });
});
