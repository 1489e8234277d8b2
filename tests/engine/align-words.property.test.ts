/**
 * Property tests for src/engine/align-words.ts: the integer alignment must return exactly the pairs
 * of the string-by-string weighted LCS it replaced (tie-breaks included, since compareClaims reads
 * conflicts off the gaps), and the shared-word count must bound it from above.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignWords, countSharedWords, toWordSequence } from '../../src/engine/align-words.ts';
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

// A small vocabulary of stop and content words, so that random texts repeat words and tie often.
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
const textArb = fc.array(wordArb, { maxLength: 30 }).map((words) => words.join(' '));

describe('alignWords', () => {
  it('pairs the same words as the string alignment, ties included', () => {
    checkProperty(
      'alignWords = string LCS',
      fc.property(textArb, textArb, (a, b) => {
        const x = toWordSequence(a);
        const y = toWordSequence(b);
        expect(alignWords(x, y)).toEqual(alignStrings(x.words, y.words));
        expect(alignWords(y, x)).toEqual(alignStrings(y.words, x.words));
      }),
      { numRuns: 500 },
    );
  });

  it('never pairs more words than the texts share', () => {
    checkProperty(
      'countSharedWords bounds alignWords',
      fc.property(textArb, textArb, (a, b) => {
        const x = toWordSequence(a);
        const y = toWordSequence(b);
        const shared = countSharedWords(x, y);
        expect(shared).toBe(countSharedWords(y, x));
        expect(alignWords(x, y).length).toBeLessThanOrEqual(shared);
      }),
      { numRuns: 300 },
    );
  });

  it('counts shared words with multiplicity', () => {
    const x = toWordSequence('the troops and the troops left');
    const y = toWordSequence('the troops stayed, the officers said');
    expect(countSharedWords(x, y)).toBe(3);
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
