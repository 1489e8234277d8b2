/**
 * measureBitapSimilarities must give Fuse.js's own similarity (fuseSimilarities) to the last bit:
 * FUSE_RESCUE was calibrated on Fuse.js's numbers. Checked on random text over a small alphabet
 * (so chunks and texts share many characters and error counts spread from 0 to the chunk length),
 * on hostile Unicode (case folding that changes length, astral characters, lone surrogates), on
 * lengths around the 32-character chunk, and on every seed claim against every other.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIXED_BUILT_AT, readArticles } from '../../scripts/seed-articles.ts';
import { buildDatabase } from '../../src/engine/build-database.ts';
import { measureBitapSimilarities } from '../../src/engine/measure-bitap-similarity.ts';
import { fuseSimilarities } from '../../src/engine/score-match.ts';
import { checkProperty, hostileTextArb } from '../support/fuzz.ts';

const smallAlphabetArb = (maxLength: number) =>
  fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', ' ', 'é', 'İ', '\u00a0'), maxLength });
const wordsArb = fc
  .array(fc.constantFrom('troops', 'Iraq', 'Esper', 'said', 'no', 'decision', '5,000', 'the', 'a'), {
    maxLength: 30,
  })
  .map((words) => words.join(' '));

describe('measureBitapSimilarities', () => {
  it('equals Fuse.js on random text over a small alphabet', () => {
    checkProperty(
      'bitap similarity = Fuse.js (small alphabet)',
      fc.property(
        smallAlphabetArb(120),
        fc.array(smallAlphabetArb(160), { maxLength: 4 }),
        (sentence, texts) => {
          expect(measureBitapSimilarities(sentence, texts)).toEqual(fuseSimilarities(sentence, texts));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('equals Fuse.js on word salad and hostile Unicode', () => {
    checkProperty(
      'bitap similarity = Fuse.js (words, hostile text)',
      fc.property(
        fc.oneof(wordsArb, hostileTextArb),
        fc.array(fc.oneof(wordsArb, hostileTextArb), { maxLength: 3 }),
        (sentence, texts) => {
          expect(measureBitapSimilarities(sentence, texts)).toEqual(fuseSimilarities(sentence, texts));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('equals Fuse.js at and around the chunk length, and for equal or blank texts', () => {
    const text = 'Esper said no decision had been made to leave Iraq at all.';
    for (let length = 0; length <= 70; length++) {
      const sentence = text.slice(0, length);
      const texts = [text, text.toUpperCase(), sentence, '', ' ', 'zzz'];
      expect(measureBitapSimilarities(sentence, texts), `length ${length}`).toEqual(
        fuseSimilarities(sentence, texts),
      );
    }
  });

  it('equals Fuse.js for every seed claim against every other', () => {
    const claims = buildDatabase(readArticles(), { builtAt: FIXED_BUILT_AT }).claims.map((c) => c.text);
    const differing: string[] = [];
    for (const sentence of claims) {
      const ours = measureBitapSimilarities(sentence, claims);
      const fuse = fuseSimilarities(sentence, claims);
      ours.forEach((value, i) => {
        if (value !== fuse[i]) differing.push(`${sentence} / ${claims[i]}: ${value} vs ${fuse[i]}`);
      });
    }
    expect(claims.length).toBeGreaterThan(100);
    expect(differing).toEqual([]);
  }, 30_000);
});
