/**
 * Property tests for src/engine/align-words.ts: the integer alignment must return exactly the pairs
 * of the string-by-string weighted LCS it replaced (tie-breaks included, since compareClaims reads
 * conflicts off the gaps), and the shared-word bound must never turn away a pair that overlaps enough.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignIfOverlapping, toWordSequence, WORD_NUMBER_LIMIT } from '../../src/engine/align-words.ts';
import { STOPWORDS } from '../../src/engine/normalize.ts';
import { checkProperty } from '../support/fuzz.ts';

/** The alignment as compareClaims computed it before words were numbered: strings, a full table. */
function alignStrings(x: readonly string[], y: readonly string[]): Array<[number, number]> {
  const weight = (word: string) => (STOPWORDS.has(word) ? 1 : 3);
  const dp = Array.from({ length: x.length + 1 }, () => new Array<number>(y.length + 1).fill(0));
  for (let i = x.length - 1; i >= 0; i--) {
    for (let j = y.length - 1; j >= 0; j--) {
      const skip = Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
      dp[i]![j] = x[i] === y[j] ? Math.max(skip, dp[i + 1]![j + 1]! + weight(x[i]!)) : skip;
    }
  }
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j] && dp[i]![j] === dp[i + 1]![j + 1]! + weight(x[i]!)) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (dp[i + 1]![j]! >= dp[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
}

// A small vocabulary of stop and content words, so that random texts repeat words and tie often,
// and each text lacks some of the other's words (rows the table leaves out).
const wordArb = fc.constantFrom(
  'the',
  'of',
  'in',
  'not',
  'troops',
  'leave',
  'iraq',
  'said',
  "didn't",
  '5,000',
);
const textArb = fc.array(wordArb, { minLength: 1, maxLength: 30 }).map((words) => words.join(' '));

/** What alignIfOverlapping must return: the string alignment, or null when it pairs too few words. */
function expectedAlignment(x: readonly string[], y: readonly string[], minShare: number) {
  const pairs = alignStrings(x, y);
  return pairs.length / Math.min(x.length, y.length) < minShare ? null : pairs;
}

/** alignIfOverlapping's flat pairs ([i0, j0, i1, j1, ...]) as [i, j] pairs. */
function pairsOf(flat: Int16Array | null): Array<[number, number]> | null {
  if (flat === null) return null;
  const pairs: Array<[number, number]> = [];
  for (let k = 0; k < flat.length; k += 2) pairs.push([flat[k]!, flat[k + 1]!]);
  return pairs;
}

const minShareArb = fc.constantFrom(0, 0.5, 0.6, 0.8, 1);

describe('alignIfOverlapping', () => {
  it('pairs the same words as the string alignment, ties included', () => {
    checkProperty(
      'alignIfOverlapping(0) = string LCS',
      fc.property(textArb, textArb, (a, b) => {
        const x = toWordSequence(a);
        const y = toWordSequence(b);
        expect(pairsOf(alignIfOverlapping(x, y, 0))).toEqual(alignStrings(x.words, y.words));
        expect(pairsOf(alignIfOverlapping(y, x, 0))).toEqual(alignStrings(y.words, x.words));
      }),
      { numRuns: 500 },
    );
  });

  it('returns null exactly when the alignment pairs fewer than the share asked for', () => {
    checkProperty(
      'alignIfOverlapping = thresholded string LCS',
      fc.property(textArb, textArb, minShareArb, (a, b, minShare) => {
        const x = toWordSequence(a);
        const y = toWordSequence(b);
        expect(pairsOf(alignIfOverlapping(x, y, minShare))).toEqual(
          expectedAlignment(x.words, y.words, minShare),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('aligns sequences numbered before the word numbering restarted', () => {
    const x = toWordSequence('Esper said there was no decision to leave Iraq');
    const y = toWordSequence('Esper told reporters no decision had been taken to leave Iraq');
    const before = pairsOf(alignIfOverlapping(x, y, 0));
    // Enough new words to restart the numbering, in sequences of at most 120 words.
    for (let n = 0; n <= WORD_NUMBER_LIMIT; n += 100)
      toWordSequence(Array.from({ length: 100 }, (_, k) => `w${n + k}`).join(' '));
    const z = toWordSequence('Esper said no decision had been taken');
    expect(before).toEqual(alignStrings(x.words, y.words));
    expect(pairsOf(alignIfOverlapping(x, y, 0))).toEqual(before);
    expect(pairsOf(alignIfOverlapping(z, x, 0))).toEqual(alignStrings(z.words, x.words));
    expect(pairsOf(alignIfOverlapping(y, z, 0))).toEqual(alignStrings(y.words, z.words));
  });

  it('turns away texts that share too few words', () => {
    const x = toWordSequence('the troops and the troops left');
    const y = toWordSequence('the troops stayed, the officers said');
    expect(pairsOf(alignIfOverlapping(x, y, 0.5))).toEqual([
      [0, 0],
      [1, 1],
      [3, 3],
    ]);
    expect(alignIfOverlapping(x, y, 0.6)).toBeNull();
  });
});

describe('toWordSequence', () => {
  it('folds, joins digit groups and keeps at most 120 words', () => {
    expect(toWordSequence('About 5,000 U.S. Troops didn’t leave').words).toEqual([
      'about',
      '5000',
      'u',
      's',
      'troops',
      "didn't",
      'leave',
    ]);
    expect(toWordSequence('word '.repeat(200)).words).toHaveLength(120);
  });

  it('numbers each different word once, in order of first appearance', () => {
    const s = toWordSequence('the troops saw the troops');
    expect(s.distinct).toEqual(['the', 'troops', 'saw']);
    expect([...s.ids]).toEqual([0, 1, 2, 0, 1]);
    expect([...s.counts.slice(0, 3)]).toEqual([2, 2, 1]);
    expect([...s.weights]).toEqual([1, 3, 3, 1, 3]);
  });
});
