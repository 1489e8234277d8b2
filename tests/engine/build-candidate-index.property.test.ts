/**
 * Property test for the candidate index's pruned walk (rare keys first, claims dropped once they
 * cannot reach the floor or the k best sums, long lists intersected rather than walked):
 * `candidates` must return exactly what scoring every eligible claim would: the claims whose shared
 * key weight reaches the floor, heaviest first, ties by position, at most k, with the same sums,
 * and with the term weights each side shares (the bounds alignment pruning reads) as defined.
 * Eligible is the index's one approximation, by design: a "common" key (held by more than
 * COMMON_KEY_MIN_DF claims and COMMON_KEY_SHARE of them) only adds to claims found through a
 * rarer key, unless the sentence has no rarer key; a claim sharing only common keys with the
 * sentence is never a candidate.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../scripts/create-random.ts';
import type { AnalyzedText, Candidate, CandidateIndex } from '../../src/engine/build-candidate-index.ts';
import {
  analyzeText,
  buildCandidateIndex,
  COMMON_KEY_MIN_DF,
  COMMON_KEY_SHARE,
} from '../../src/engine/build-candidate-index.ts';
import { checkProperty } from '../support/fuzz.ts';

/**
 * Words with the share of claims that use them: a few so common that their keys pass the index's
 * "common" line (over 200 claims, and over 2 % of them) and are intersected rather than walked,
 * middling ones, and rare ones; numbers and weekdays fill slots, which are keys of their own.
 */
const VOCABULARY: ReadonlyArray<readonly [string, number]> = [
  ['troops', 0.5],
  ['Iraq', 0.45],
  ['decision', 0.3],
  ['base', 0.25],
  ['Baghdad', 0.12],
  ['letter', 0.08],
  ['Friday', 0.08],
  ['5,000', 0.06],
  ['5,200', 0.04],
  ['Thursday', 0.04],
  ['Esper', 0.03],
  ['Soleimani', 0.02],
  ['Solemaini', 0.01],
  ['parliament', 0.02],
  ['Seely', 0.005],
  ['airport', 0.005],
];

function generateClaims(size: number, seed: number): string[] {
  const next = createRandom(seed);
  return Array.from({ length: size }, () => {
    const words = VOCABULARY.filter(([, share]) => next() < share).map(([word]) => word);
    return words.length > 0 ? words.join(' ') : 'troops';
  });
}

/** The keys `candidates` looks a text up under: its variant keys, then one per slot it fills. */
function lookupKeysOf(text: AnalyzedText): string[] {
  const keys = new Set(text.keys);
  for (const slot of text.slots) if (slot !== null) keys.add(`#${slot}`);
  return [...keys];
}

/**
 * Candidate.pageShared / .claimShared by their definition: the term weight of `text`'s terms whose
 * key the other text has, plus that of its slot terms whose slot the other text fills.
 */
function sumSharedWeight(index: CandidateIndex, text: AnalyzedText, otherKeys: ReadonlySet<string>): number {
  let sum = 0;
  text.terms.forEach((term, i) => {
    const slot = text.slots[i];
    if (otherKeys.has(text.keys[i]!)) sum += index.termWeight(term);
    if (slot !== null && slot !== undefined && otherKeys.has(`#${slot}`)) sum += index.termWeight(term);
  });
  return sum;
}

/**
 * Scores every eligible claim (see the header). Sums are added in the order the index adds them
 * (shortest posting list first, ties in lookup order), so floating-point sums are the same
 * numbers, not nearly.
 */
function scoreEveryClaim(
  index: CandidateIndex,
  keysOfClaim: ReadonlyArray<ReadonlySet<string>>,
  dfOfKey: ReadonlyMap<string, number>,
  query: AnalyzedText,
  k: number,
  minShare: number,
): Candidate[] {
  const keys = lookupKeysOf(query);
  const total = keys.reduce((sum, key) => sum + index.keyWeight(key), 0);
  const known = keys
    .filter((key) => (dfOfKey.get(key) ?? 0) > 0)
    .sort((a, b) => dfOfKey.get(a)! - dfOfKey.get(b)!);
  const commonDf = Math.max(COMMON_KEY_MIN_DF, Math.floor(index.size * COMMON_KEY_SHARE));
  const walked = known.filter((key, i) => i === 0 || dfOfKey.get(key)! <= commonDf);
  const out: Candidate[] = [];
  keysOfClaim.forEach((claimKeys, claim) => {
    if (!walked.some((key) => claimKeys.has(key))) return;
    let weight = 0;
    for (const key of known) if (claimKeys.has(key)) weight += index.keyWeight(key);
    if (weight > 0 && weight >= total * minShare) {
      const claimText = index.analyzed[claim]!;
      out.push({
        claim,
        weight,
        pageShared: sumSharedWeight(index, query, claimKeys),
        claimShared: sumSharedWeight(index, claimText, new Set(lookupKeysOf(query))),
      });
    }
  });
  out.sort((a, b) => b.weight - a.weight || a.claim - b.claim);
  return out.slice(0, Math.max(0, k));
}

/**
 * Checks `candidates` against scoring every claim, on databases of `sizes` claims. On the larger
 * ones dozens of claims are still in the running when a common key's list is intersected.
 */
function checkAgainstExhaustive(name: string, sizes: { min: number; max: number }, numRuns: number): void {
  checkProperty(
    name,
    fc.property(
      fc.integer(sizes),
      fc.integer(),
      fc.array(fc.constantFrom(...VOCABULARY.map(([word]) => word), 'unknownword'), {
        minLength: 1,
        maxLength: 9,
      }),
      fc.integer({ min: 0, max: 15 }),
      fc.constantFrom(0, 0.1, 0.2, 0.35, 0.5),
      (size, seed, queryWords, k, minShare) => {
        const texts = generateClaims(size, seed);
        const index = buildCandidateIndex(texts);
        const keysOfClaim = index.analyzed.map((a) => new Set(lookupKeysOf(a)));
        const dfOfKey = new Map<string, number>();
        for (const keys of keysOfClaim) for (const key of keys) dfOfKey.set(key, (dfOfKey.get(key) ?? 0) + 1);
        const query = analyzeText(queryWords.join(' '));
        const found = index.candidates(query, k, minShare);
        const expected = scoreEveryClaim(index, keysOfClaim, dfOfKey, query, k, minShare);
        const rankOf = ({ claim, weight }: Candidate) => ({ claim, weight });
        expect(found.map(rankOf)).toEqual(expected.map(rankOf));
        // The shared term weights are summed in another order, so equal to rounding.
        found.forEach((c, i) => {
          expect(c.pageShared).toBeCloseTo(expected[i]!.pageShared, 9);
          expect(c.claimShared).toBeCloseTo(expected[i]!.claimShared, 9);
        });
      },
    ),
    { numRuns },
  );
}

describe('buildCandidateIndex candidates', () => {
  it('returns exactly the best k claims that scoring every claim finds', () => {
    checkAgainstExhaustive('candidates = exhaustive top k', { min: 250, max: 700 }, 150);
  });

  it('returns exactly the best k claims on databases of thousands of claims', () => {
    checkAgainstExhaustive('candidates = exhaustive top k, large', { min: 2_000, max: 5_000 }, 25);
  });
});
