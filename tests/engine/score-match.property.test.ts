/**
 * Property test for alignTerms' numbered lookups: reading membership off arrays indexed by the
 * index's term and key numbers must give exactly the alignment that string sets and maps gave
 * before terms were numbered, including for words no claim uses (on the page side, and on a claim
 * side that is not in the index), spelling variants, and slot terms. boundAlignmentScore, which lets
 * the matcher skip aligning a candidate, must never be below the score, under any weights it bounds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnalyzedText, CandidateIndex } from '../../src/engine/build-candidate-index.ts';
import { analyzeText, buildCandidateIndex } from '../../src/engine/build-candidate-index.ts';
import { boundedLevenshtein } from '../../src/engine/normalize.ts';
import type { Alignment, ScoreWeights } from '../../src/engine/score-match.ts';
import { alignTerms, boundAlignmentScore, DEFAULT_WEIGHTS } from '../../src/engine/score-match.ts';
import { checkProperty } from '../support/fuzz.ts';

/** The alignment as alignTerms computed it with string lookups, before terms were numbered. */
function alignWithStrings(
  page: AnalyzedText,
  claim: AnalyzedText,
  index: CandidateIndex,
  weights: ScoreWeights,
): Alignment {
  const isVariant = (a: string, b: string) =>
    a.length >= 4 &&
    b.length >= 4 &&
    boundedLevenshtein(a, b, 2) <= Math.max(1, Math.floor(Math.min(a.length, b.length) / 4));
  const credit = (text: AnalyzedText, i: number, other: AnalyzedText) => {
    if (other.set.has(text.terms[i]!)) return 1;
    const slot = text.slots[i];
    if (slot !== null && slot !== undefined) return other.slots.includes(slot) ? weights.slotCredit : 0;
    for (let j = 0; j < other.terms.length; j++) {
      if (other.keys[j] === text.keys[i] && isVariant(text.terms[i]!, other.terms[j]!))
        return weights.variantCredit;
    }
    return 0;
  };
  const unknown = index.termWeight('') * weights.unknownTermFactor;
  const isCore = (text: AnalyzedText, i: number) => {
    const slot = text.slots[i];
    return (
      slot !== null &&
      slot !== undefined &&
      weights.coreSlots.has(slot) &&
      !(slot === 'number' && /^(?:19|20)\d\d$/.test(text.terms[i]!))
    );
  };
  let pageTotal = 0;
  let pageMet = 0;
  let shared = 0;
  let pageCore = 0;
  let pageCoreMet = 0;
  page.terms.forEach((term, i) => {
    const w = index.termDf(term) === 0 ? unknown : index.termWeight(term);
    const c = credit(page, i, claim);
    pageTotal += w;
    pageMet += w * c;
    if (c > 0 && page.slots[i] === null) shared++;
    if (!isCore(page, i)) return;
    pageCore++;
    const claimCoreSlot = claim.slots.some((slot, j) => slot === page.slots[i] && isCore(claim, j));
    if (claim.set.has(term) || (c > 0 && claimCoreSlot)) pageCoreMet++;
  });
  let claimTotal = 0;
  let claimMet = 0;
  let core = 0;
  let coreMet = 0;
  claim.terms.forEach((term, i) => {
    const w = index.termWeight(term);
    const c = credit(claim, i, page);
    claimTotal += w;
    claimMet += w * c;
    if (!isCore(claim, i)) return;
    core++;
    const pageCoreSlot = page.slots.some((slot, j) => slot === claim.slots[i] && isCore(page, j));
    if (page.set.has(term) || (c > 0 && pageCoreSlot)) coreMet++;
  });
  const pageCoverage = pageTotal > 0 ? pageMet / pageTotal : 0;
  const claimCoverage = claimTotal > 0 ? claimMet / claimTotal : 0;
  const e = weights.pageCoverageExponent;
  const forward = pageCoverage ** e * claimCoverage ** (1 - e);
  const contained = shared >= weights.containmentMinShared ? claimCoverage ** e * pageCoverage ** (1 - e) : 0;
  const score = shared < weights.minSharedTerms ? 0 : Math.max(forward, contained);
  return {
    pageCoverage,
    claimCoverage,
    sharedTerms: shared,
    score,
    coreMissed: core > 0 && coreMet === 0,
    coreMet: coreMet > 0,
    pageCoreMissed: pageCore > 0 && pageCoreMet === 0,
  };
}

// Variants under one key (Soleimani/Solemaini, Qassem/Qasem), words under a variant's key that are
// not variants of it (sell and sale beside Seely), slot values, a year, and words that only the
// page or only an unindexed claim uses.
const wordArb = fc.constantFrom(
  'Soleimani',
  'Solemaini',
  'Qassem',
  'Qasem',
  'Seely',
  'Seeley',
  'sell',
  'sale',
  'troops',
  'Iraq',
  'decision',
  'leave',
  '5,000',
  '5,200',
  '2014',
  'Friday',
  'Thursday',
  'Navy',
  'Marine',
  'roughly',
  'pomegranate',
  'pomegranites',
);
const textArb = fc.array(wordArb, { minLength: 1, maxLength: 12 }).map((words) => words.join(' '));
/** The claims an index is built from, and the page sentences aligned with them. */
const claimTextsArb = fc.array(textArb, { minLength: 1, maxLength: 6 });
const pageTextsArb = fc.array(textArb, { minLength: 1, maxLength: 4 });

/**
 * Weights with every credit at most 1 and unknown terms at most their index weight (what
 * boundAlignmentScore covers), exponents either side of 0.5.
 */
const boundedWeightsArb: fc.Arbitrary<ScoreWeights> = fc.record({
  slotCredit: fc.double({ min: 0, max: 1, noNaN: true }),
  variantCredit: fc.double({ min: 0, max: 1, noNaN: true }),
  unknownTermFactor: fc.double({ min: 0, max: 1, noNaN: true }),
  pageCoverageExponent: fc.oneof(fc.constant(0.5), fc.double({ min: 0.05, max: 0.95, noNaN: true })),
  minSharedTerms: fc.integer({ min: 0, max: 3 }),
  containmentMinShared: fc.integer({ min: 0, max: 4 }),
  coreSlots: fc.constant(DEFAULT_WEIGHTS.coreSlots),
});

/** The calibrated weights, or random ones of that kind. */
const anyBoundedWeightsArb = fc.oneof(fc.constant(DEFAULT_WEIGHTS), boundedWeightsArb);

describe('alignTerms', () => {
  it('scores coverages an ulp apart as the larger of the two readings, as defined', () => {
    // Found by the property below at FUZZ_RUNS_FACTOR=10: the sentence covers 0.36121211352040206
    // of itself and the claim 0.361212113520402 of itself, and the reading mathematics calls
    // smaller rounded to the larger number.
    const index = buildCandidateIndex([
      '2014 leave sell pomegranate',
      'Thursday Iraq Friday pomegranate roughly leave Marine Friday sale',
    ]);
    const page = analyzeText('Qassem Iraq troops Qasem pomegranate 2014 sell leave decision leave');
    const claim = index.analyzed[1]!;
    const got = alignTerms(page, claim, index);
    expect(got.pageCoverage).not.toBe(got.claimCoverage);
    expect(got).toEqual(alignWithStrings(page, claim, index, DEFAULT_WEIGHTS));
  });

  it('gives the same alignment as string lookups, for indexed and unindexed claims, under any weights', () => {
    checkProperty(
      'alignTerms = string-lookup alignment',
      fc.property(
        claimTextsArb,
        pageTextsArb,
        textArb,
        anyBoundedWeightsArb,
        (claimTexts, pageTexts, unindexed, weights) => {
          const index = buildCandidateIndex(claimTexts);
          const claims = [...index.analyzed, analyzeText(unindexed)];
          for (const pageText of pageTexts) {
            const page = analyzeText(pageText);
            for (const claim of claims) {
              expect(alignTerms(page, claim, index, weights)).toEqual(
                alignWithStrings(page, claim, index, weights),
              );
            }
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('boundAlignmentScore', () => {
  it('is never below the alignment score of a candidate, and a claim the index does not propose scores 0', () => {
    checkProperty(
      'alignTerms score <= bound',
      fc.property(claimTextsArb, pageTextsArb, anyBoundedWeightsArb, (claimTexts, pageTexts, weights) => {
        const index = buildCandidateIndex(claimTexts);
        for (const pageText of pageTexts) {
          const page = analyzeText(pageText);
          // Every claim sharing a key or slot: no share floor, no cut at k.
          const candidates = index.candidates(page, index.size, 0);
          const proposed = new Set(candidates.map((c) => c.claim));
          for (const c of candidates) {
            const claim = index.analyzed[c.claim]!;
            const score = alignTerms(page, claim, index, weights).score;
            const bound = boundAlignmentScore(page, claim, index, c.pageShared, c.claimShared, weights);
            expect(score).toBeLessThanOrEqual(bound + 1e-12);
          }
          index.analyzed.forEach((claim, p) => {
            if (!proposed.has(p)) expect(alignTerms(page, claim, index, weights).score).toBe(0);
          });
        }
      }),
      { numRuns: 400 },
    );
  });

  it('bounds nothing under weights that credit a term above its own weight', () => {
    const index = buildCandidateIndex(['Esper said there was no decision to leave Iraq']);
    const page = analyzeText('Esper said no decision had been taken to leave Iraq');
    const [c] = index.candidates(page);
    const claim = index.analyzed[c!.claim]!;
    expect(boundAlignmentScore(page, claim, index, c!.pageShared, c!.claimShared)).toBeLessThan(Infinity);
    for (const over of [{ slotCredit: 1.2 }, { variantCredit: 1.1 }, { unknownTermFactor: 2 }])
      expect(
        boundAlignmentScore(page, claim, index, c!.pageShared, c!.claimShared, {
          ...DEFAULT_WEIGHTS,
          ...over,
        }),
      ).toBe(Infinity);
  });
});
