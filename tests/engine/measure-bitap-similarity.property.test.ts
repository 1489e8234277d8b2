/**
 * measureBitapSimilarities must give Fuse.js's own similarity (fuseSimilarities) to the last bit:
 * FUSE_RESCUE was calibrated on Fuse.js's numbers. Checked on random text over a small alphabet
 * (so chunks and texts share many characters and error counts spread from 0 to the chunk length),
 * on hostile Unicode (case folding that changes length, astral characters, lone surrogates), on
 * lengths around the 32-character chunk, and on every seed claim against every other.
 * findBitapRescues, which stops scoring a text's chunks once the floor is decided, must answer
 * exactly whether that similarity reaches the floor, floors at and a hair off the similarity itself
 * included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIXED_BUILT_AT, readArticles } from '../../scripts/seed-articles.ts';
import { buildDatabase } from '../../src/engine/build-database.ts';
import {
  findBitapRescues,
  measureBitapSimilarities,
  prepareBitapText,
} from '../../src/engine/measure-bitap-similarity.ts';
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

/** Floors to try against one similarity: far off, on it, and an ulp-scale hair either side. */
function floorsAround(similarity: number): number[] {
  return [similarity, similarity - 1e-15, similarity + 1e-15, similarity - 1e-13, similarity + 1e-13];
}

function expectSameRescues(sentence: string, texts: readonly string[], floors: readonly number[]): void {
  const similarities = measureBitapSimilarities(sentence, texts);
  const prepared = texts.map(prepareBitapText);
  for (const floor of [...floors, ...similarities.flatMap(floorsAround)]) {
    expect(findBitapRescues(sentence, prepared, floor), `floor ${floor}`).toEqual(
      similarities.map((s) => s >= floor),
    );
  }
}

describe('findBitapRescues', () => {
  const floorArb = fc.oneof(fc.double({ min: -0.1, max: 1.1, noNaN: true }), fc.constantFrom(0, 0.15, 1));

  it('answers whether the similarity reaches the floor, on random and hostile text', () => {
    checkProperty(
      'bitap rescue = similarity >= floor',
      fc.property(
        fc.oneof(smallAlphabetArb(200), wordsArb, hostileTextArb),
        fc.array(fc.oneof(smallAlphabetArb(200), wordsArb, hostileTextArb), { maxLength: 4 }),
        fc.array(floorArb, { maxLength: 3 }),
        (sentence, texts, floors) => expectSameRescues(sentence, texts, floors),
      ),
      { numRuns: 1000 },
    );
  });

  it('keeps scoring while the chunks left could still carry a text across the floor', () => {
    const text =
      'Esper told reporters at the Pentagon that no decision had been made to leave Iraq, and that the letter was a draft.';
    // The first chunk matches nothing; the four after it are the text itself, each scoring the floor
    // of a chunk's score: the bounds after the first chunk must allow for that floor, no more.
    const sentence = `${'#'.repeat(32)}${text.slice(0, 128)}`;
    for (const tail of [0, 1, 2, 3])
      expectSameRescues(sentence.slice(0, 32 + 32 * tail + 1), [text, text.slice(40)], [0.15]);
    expectSameRescues(sentence, [text], [0.15, 0.5]);
  });

  it('answers as the full score does for every seed claim against every other, at the rescue floor', () => {
    const claims = buildDatabase(readArticles(), { builtAt: FIXED_BUILT_AT }).claims.map((c) => c.text);
    const prepared = claims.map(prepareBitapText);
    let rescued = 0;
    let refused = 0;
    for (const sentence of claims) {
      const expected = measureBitapSimilarities(sentence, claims).map((s) => s >= 0.15);
      expect(findBitapRescues(sentence, prepared, 0.15)).toEqual(expected);
      for (const r of expected) r ? rescued++ : refused++;
    }
    // Both answers occur (385 rescued of 13,225 pairs when written), so both early exits are met.
    expect(Math.min(rescued, refused)).toBeGreaterThan(100);
  }, 30_000);
});
