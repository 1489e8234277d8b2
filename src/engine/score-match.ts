/**
 * Scores one page sentence against one candidate claim. Two signals:
 * - rarity-weighted term alignment (exact, spelling variant, or same slot with another value), read
 *   from both sides: how much of the sentence the claim covers, and how much of the claim the
 *   sentence covers. This is the score (0..1, higher is closer);
 * - Fuse.js (Bitap) similarity of the raw texts. On the labelled set it separates true from false
 *   matches poorly on its own (best F0.5 0.68 against 0.98 for alignment) but well inside the grey
 *   zone where alignment is unsure, so find-matching-claims.ts uses it only there, on a handful of
 *   candidates, never over the database. `fuseSimilarities` asks Fuse.js itself; the matcher uses
 *   measure-bitap-similarity.ts, which computes the same numbers about 30 times faster and is
 *   tested against this function.
 * `boundAlignmentScore` bounds the alignment score from sums the candidate walk keeps, so the
 * matcher skips aligning candidates that cannot reach its floor; it must never be below the score.
 * Every weight below is a named constant; the thresholds that use them are calibrated by
 * `npm run eval`, which prints the sweep they were chosen from.
 */

import Fuse from 'fuse.js';
import type { AnalyzedText, CandidateIndex, Slot } from './build-candidate-index.ts';
import { boundedLevenshtein } from './normalize.ts';

/**
 * Credit for a sentence term met by a different value of the same slot (5,000 vs 5,200, Friday vs
 * Thursday, Navy vs Marine). Below 1 so that the exact value scores higher, but high enough that a
 * sentence with an altered detail still matches and the stance step can report the conflict.
 */
export const SLOT_CREDIT = 0.6;
/** Credit for a spelling variant (same variant key, small edit distance): Qasem/Qassem. */
export const VARIANT_CREDIT = 0.9;
/**
 * A page term the database never uses weighs this share of the rarest known term. Unknown words
 * are often a paraphrase's own wording ("taken", "roughly"), not evidence of another fact, so
 * weighing them fully would punish rewording; 0 would let any long sentence match on two words.
 */
export const UNKNOWN_TERM_FACTOR = 0.5;
/**
 * Weight of the sentence-side coverage in the geometric mean with the claim-side coverage. Above
 * 0.5 because page sentences often restate part of a longer source sentence (a partial quote, one
 * of two numbers), which lowers only the claim-side coverage.
 */
export const PAGE_COVERAGE_EXPONENT = 0.65;
/**
 * Minimum distinct ordinary (non-slot) terms shared. "He said on Monday." shares only a weekday;
 * two shared content words is the least that names a fact.
 */
export const MIN_SHARED_MATCH_TERMS = 2;
/**
 * Shared ordinary terms needed before a claim contained in a longer page sentence is scored from
 * the claim's side. Calibrated in eval.ts ("containment" sweep); Infinity turns it off.
 */
export const CONTAINMENT_MIN_SHARED = 3;

/**
 * Slots that make a claim's checkable core for `Alignment.coreMissed`. Only quantities: a
 * sentence that restates a troop count without the count shares only topic words, while weekdays
 * and branches are often incidental to the fact ("killed in a drone strike" is still the Friday
 * claim's fact). Measured with `npm run eval` ("core missed" sweep): counting every slot costs
 * leave-one-out recall 4.4 points at the same precision; numbers alone keep it.
 */
export const CORE_SLOTS: ReadonlySet<Slot> = new Set<Slot>(['number']);

/** A four-digit year is a date, not a quantity: "since 2014" does not restate "5,000 troops". */
const YEAR = /^(?:19|20)\d\d$/;

function isCoreTerm(term: string, slot: Slot | null | undefined, weights: ScoreWeights): boolean {
  if (slot === null || slot === undefined || !weights.coreSlots.has(slot)) return false;
  return !(slot === 'number' && YEAR.test(term));
}

export interface ScoreWeights {
  slotCredit: number;
  variantCredit: number;
  unknownTermFactor: number;
  pageCoverageExponent: number;
  minSharedTerms: number;
  containmentMinShared: number;
  coreSlots: ReadonlySet<Slot>;
}

export const DEFAULT_WEIGHTS: Readonly<ScoreWeights> = {
  slotCredit: SLOT_CREDIT,
  variantCredit: VARIANT_CREDIT,
  unknownTermFactor: UNKNOWN_TERM_FACTOR,
  pageCoverageExponent: PAGE_COVERAGE_EXPONENT,
  minSharedTerms: MIN_SHARED_MATCH_TERMS,
  containmentMinShared: CONTAINMENT_MIN_SHARED,
  coreSlots: CORE_SLOTS,
};

export interface Alignment {
  /** Share of the sentence's term weight met in the claim, 0..1. */
  pageCoverage: number;
  /** Share of the claim's term weight met in the sentence, 0..1. */
  claimCoverage: number;
  /** Distinct ordinary terms met exactly or as a variant. */
  sharedTerms: number;
  /** Combined alignment score, 0..1; 0 when fewer than `minSharedTerms` are shared. */
  score: number;
  /**
   * True when the claim carries checkable details (slots in `coreSlots`: quantities, years aside)
   * and the sentence meets none of them, not even with another value of the same slot: the two
   * share only topic words. find-matching-claims.ts then asks for CORE_MISSED_THRESHOLD instead of
   * MATCH_THRESHOLD.
   */
  coreMissed: boolean;
  /**
   * True when the claim carries checkable details and the sentence meets at least one, with the
   * same value or another value of its slot ("25 Iranian sites" against "52 Iranian sites"): the
   * sentence restates the claim's detail, whether or not it alters it.
   */
  coreMet: boolean;
  /**
   * The mirror of `coreMissed`: true when the sentence states a checkable detail (a number, years
   * aside) and the claim has none of that slot, so the sentence counts something the claim does not
   * ("80 American soldiers were killed" against "The top Irani General was killed by a US drone
   * strike"). find-matching-claims.ts then asks for CORE_MISSED_THRESHOLD too (PAGE_CORE_MISSED).
   */
  pageCoreMissed: boolean;
}

/** One bit per slot, so "does the other text fill this slot" is a mask test. */
const SLOT_BITS: Readonly<Record<Slot, number>> = { number: 1, weekday: 2, month: 4, branch: 8 };

function isVariant(a: string, keyA: string, b: string, keyB: string): boolean {
  if (keyA !== keyB || a.length < 4 || b.length < 4) return false;
  return boundedLevenshtein(a, b, 2) <= Math.max(1, Math.floor(Math.min(a.length, b.length) / 4));
}

/**
 * What alignTerms reads of one analysed text under one index and weights, derived once and
 * remembered (a claim is aligned with many page sentences, a sentence with several claims):
 * - `weights`: the rarity weight of each term; with `unknown` set, a term the index never saw
 *   (df 0) weighs that instead, as alignTerms reads the page side; `null` reads every term's own;
 * - `slotBits`: each term's slot as its SLOT_BITS bit (0: no slot);
 * - `termIds` and `keyIds`: the index's numbers for each term and key (-1: no claim has it), so
 *   membership in the other text is an array read (see Marks), not a string hash;
 * - `nextSameKey`: the next position holding the same key, -1 after the last, so only terms under
 *   the same key need an edit distance;
 * - `slotMask`: the slots the text fills; `coreSlotMask` and `core`: the slots and positions of its
 *   core terms (CORE_SLOTS).
 */
interface TextProfile {
  index: CandidateIndex;
  unknown: number | null;
  scoreWeights: ScoreWeights;
  /** Number of terms; the arrays of a reused page profile can be longer. */
  length: number;
  weights: Float64Array;
  /** The sum of `weights`, in order: what alignTerms divides by. */
  total: number;
  termIds: Int32Array;
  keyIds: Int32Array;
  nextSameKey: Int32Array;
  /** SLOT_BITS of each term's slot, 0 for a term without one: a bit test instead of a keyed read. */
  slotBits: Uint8Array;
  /** Every term and key has a number: true of claims, false of a sentence with unseen words. */
  allKnown: boolean;
  slotMask: number;
  coreSlotMask: number;
  core: Uint8Array;
}
/** Claims' profiles. A page sentence's is kept only while it is the one aligned (`pageProfileOf`). */
const profiles = new WeakMap<AnalyzedText, TextProfile>();
/** The last page sentence aligned and its profile: a sentence is aligned with its candidates in a row. */
let lastPage: { text: AnalyzedText; profile: TextProfile } | null = null;

function isProfileFor(
  profile: TextProfile | undefined,
  index: CandidateIndex,
  unknownWeight: number | null,
  scoreWeights: ScoreWeights,
): profile is TextProfile {
  return (
    profile !== undefined &&
    profile.index === index &&
    profile.unknown === unknownWeight &&
    profile.scoreWeights === scoreWeights
  );
}

function claimProfileOf(claim: AnalyzedText, index: CandidateIndex, scoreWeights: ScoreWeights): TextProfile {
  const cached = profiles.get(claim);
  if (isProfileFor(cached, index, null, scoreWeights)) return cached;
  const profile = profileOf(claim, index, null, scoreWeights);
  profiles.set(claim, profile);
  return profile;
}

/** A page sentence's profile: a term no claim uses weighs `unknownTermFactor` of an unseen term. */
function pageProfileOf(page: AnalyzedText, index: CandidateIndex, scoreWeights: ScoreWeights): TextProfile {
  const unknownWeight = index.unseenTermWeight * scoreWeights.unknownTermFactor;
  if (
    lastPage !== null &&
    lastPage.text === page &&
    isProfileFor(lastPage.profile, index, unknownWeight, scoreWeights)
  )
    return lastPage.profile;
  // One page profile is live at a time, so its arrays are reused (grown as needed) rather than
  // allocated for every sentence.
  const profile = profileOf(page, index, unknownWeight, scoreWeights, lastPage?.profile);
  lastPage = { text: page, profile };
  return profile;
}

/**
 * The profile of `text`, in the arrays of `reuse` when given and long enough (its old values are
 * lost). Arrays may be longer than the text: `length` is the number of terms.
 */
function profileOf(
  text: AnalyzedText,
  index: CandidateIndex,
  unknownWeight: number | null,
  scoreWeights: ScoreWeights,
  reuse?: TextProfile,
): TextProfile {
  const n = text.terms.length;
  const fits = reuse !== undefined && reuse.weights.length >= n;
  const weights = fits ? reuse.weights : new Float64Array(n);
  const termIds = fits ? reuse.termIds : new Int32Array(n);
  const keyIds = fits ? reuse.keyIds : new Int32Array(n);
  const nextSameKey = fits ? reuse.nextSameKey : new Int32Array(n);
  const slotBits = fits ? reuse.slotBits : new Uint8Array(n);
  const core = fits ? reuse.core : new Uint8Array(n);
  nextSameKey.fill(-1, 0, n);
  core.fill(0, 0, n);
  slotBits.fill(0, 0, n);
  let slotMask = 0;
  let coreSlotMask = 0;
  let allKnown = true;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const stats = index.termStatsAt(text, i);
    if (stats === undefined) {
      weights[i] = unknownWeight ?? index.unseenTermWeight;
      termIds[i] = -1;
    } else {
      weights[i] = stats.weight;
      termIds[i] = stats.id;
    }
    total += weights[i]!;
    const keyId = index.keyIdAt(text, i);
    keyIds[i] = keyId;
    if (termIds[i]! < 0 || keyId < 0) allKnown = false;
    if (keyId >= 0) {
      // Link each position to the next with the same key (terms are few: a backward scan is cheap).
      for (let j = i - 1; j >= 0; j--) {
        if (keyIds[j] === keyId) {
          nextSameKey[j] = i;
          break;
        }
      }
    }
    const slot = text.slots[i];
    if (slot === null || slot === undefined) continue;
    slotBits[i] = SLOT_BITS[slot];
    slotMask |= SLOT_BITS[slot];
    if (isCoreTerm(text.terms[i]!, slot, scoreWeights)) {
      core[i] = 1;
      coreSlotMask |= SLOT_BITS[slot];
    }
  }
  return {
    index,
    unknown: unknownWeight,
    scoreWeights,
    length: n,
    weights,
    total,
    termIds,
    keyIds,
    nextSameKey,
    slotBits,
    allKnown,
    slotMask,
    coreSlotMask,
    core,
  };
}

/**
 * One text's terms and keys marked in arrays indexed by the index's term and key numbers: a term
 * id is in the marked text when `term[id] === epoch`, and a key id's first position there is
 * `keyAt[id]` when `key[id] === epoch`. Marking costs one write per term; alignTerms keeps one
 * Marks for the page sentence (re-marked only when the sentence changes) and one for the claim.
 */
interface Marks {
  term: Int32Array;
  key: Int32Array;
  keyAt: Int32Array;
  epoch: number;
  marked: TextProfile | null;
}

function createMarks(index: CandidateIndex): Marks {
  return {
    term: new Int32Array(index.termCount),
    key: new Int32Array(index.keyCount),
    keyAt: new Int32Array(index.keyCount),
    epoch: 0,
    marked: null,
  };
}

/** Marks `profile`'s terms and keys, unless they are the ones marked already. */
function markText(marks: Marks, profile: TextProfile): void {
  if (marks.marked === profile) return;
  if (marks.epoch >= 0x3fffffff) {
    marks.term.fill(0);
    marks.key.fill(0);
    marks.epoch = 0;
  }
  const epoch = ++marks.epoch;
  marks.marked = profile;
  const { termIds, keyIds } = profile;
  for (let i = 0; i < profile.length; i++) {
    const termId = termIds[i]!;
    if (termId >= 0) marks.term[termId] = epoch;
    const keyId = keyIds[i]!;
    if (keyId >= 0 && marks.key[keyId] !== epoch) {
      marks.key[keyId] = epoch;
      marks.keyAt[keyId] = i;
    }
  }
}

/**
 * What alignTerms keeps per index: the page-side and claim-side marks, and `variants`, whether two
 * of the index's terms are spelling variants (isVariant), by `termCount * id + otherId`. Whether two
 * terms are variants depends on their strings alone, and a sentence's terms meet the same claim
 * terms again and again, so each pair's edit distance is computed once (until VARIANT_MEMO_LIMIT).
 */
interface IndexScratch {
  page: Marks;
  claim: Marks;
  variants: Map<number, boolean>;
}

/** Pairs remembered in `IndexScratch.variants` before it is cleared, so memory stays bounded. */
const VARIANT_MEMO_LIMIT = 100_000;

/** Each index's scratch, made on first use. */
const scratchOfIndex = new WeakMap<CandidateIndex, IndexScratch>();

/** The index of the last alignment and its scratch: a matcher aligns with one index in a row. */
let lastScratch: { index: CandidateIndex; scratch: IndexScratch } | null = null;

function scratchOf(index: CandidateIndex): IndexScratch {
  if (lastScratch !== null && lastScratch.index === index) return lastScratch.scratch;
  let scratch = scratchOfIndex.get(index);
  if (scratch === undefined) {
    scratch = { page: createMarks(index), claim: createMarks(index), variants: new Map() };
    scratchOfIndex.set(index, scratch);
  }
  lastScratch = { index, scratch };
  return scratch;
}

/**
 * isVariant of term `i` of `text` and term `j` of `other` (same key), remembered in the index's
 * scratch when both terms have numbers there.
 */
function isVariantPair(
  text: AnalyzedText,
  profile: TextProfile,
  i: number,
  other: AnalyzedText,
  otherProfile: TextProfile,
  j: number,
): boolean {
  const id = profile.termIds[i]!;
  const otherId = otherProfile.termIds[j]!;
  if (id < 0 || otherId < 0) return isVariant(text.terms[i]!, text.keys[i]!, other.terms[j]!, other.keys[j]!);
  const variants = scratchOf(profile.index).variants;
  const pair = profile.index.termCount * id + otherId;
  let known = variants.get(pair);
  if (known === undefined) {
    known = isVariant(text.terms[i]!, text.keys[i]!, other.terms[j]!, other.keys[j]!);
    if (variants.size >= VARIANT_MEMO_LIMIT) variants.clear();
    variants.set(pair, known);
  }
  return known;
}

/**
 * Credit (0..1) with which term `i` of `text` is met in the text marked in `otherMarks`:
 * 1 for the same term, `slotCredit` for another value of a slot the other text fills,
 * `variantCredit` for a spelling variant, else 0.
 */
function creditIn(
  text: AnalyzedText,
  profile: TextProfile,
  i: number,
  other: AnalyzedText,
  otherProfile: TextProfile,
  otherMarks: Marks,
  weights: ScoreWeights,
): number {
  const epoch = otherMarks.epoch;
  const term = text.terms[i]!;
  const termId = profile.termIds[i]!;
  // A term without a number can only be in a text that has unnumbered words too.
  if (termId >= 0 ? otherMarks.term[termId] === epoch : !otherProfile.allKnown && other.set.has(term))
    return 1;
  const slotBit = profile.slotBits[i]!;
  if (slotBit !== 0) return otherProfile.slotMask & slotBit ? weights.slotCredit : 0;
  const key = text.keys[i]!;
  const keyId = profile.keyIds[i]!;
  if (keyId >= 0) {
    if (otherMarks.key[keyId] !== epoch) return 0;
    for (let j = otherMarks.keyAt[keyId]!; j !== -1; j = otherProfile.nextSameKey[j]!) {
      if (isVariantPair(text, profile, i, other, otherProfile, j)) return weights.variantCredit;
    }
    return 0;
  }
  if (otherProfile.allKnown) return 0;
  for (let j = 0; j < other.keys.length; j++) {
    if (other.keys[j] === key && isVariant(term, key, other.terms[j]!, key)) return weights.variantCredit;
  }
  return 0;
}

/** Rarity-weighted alignment of a page sentence with a claim, read from both sides. */
export function alignTerms(
  page: AnalyzedText,
  claim: AnalyzedText,
  index: CandidateIndex,
  weights: ScoreWeights = DEFAULT_WEIGHTS,
): Alignment {
  const pageProfile = pageProfileOf(page, index, weights);
  const claimProfile = claimProfileOf(claim, index, weights);
  const scratch = scratchOf(index);
  markText(scratch.page, pageProfile);
  markText(scratch.claim, claimProfile);
  const pageWeights = pageProfile.weights;
  const claimWeights = claimProfile.weights;
  const pageTotal = pageProfile.total;
  let pageMet = 0;
  let shared = 0;
  let pageCore = 0;
  let pageCoreMet = 0;
  for (let i = 0; i < page.terms.length; i++) {
    const w = pageWeights[i]!;
    const credit = creditIn(page, pageProfile, i, claim, claimProfile, scratch.claim, weights);
    pageMet += w * credit;
    if (credit > 0 && pageProfile.slotBits[i] === 0) shared++;
    if (pageProfile.core[i] === 1) {
      pageCore++;
      if (credit > 0 && (claimProfile.coreSlotMask & pageProfile.slotBits[i]!) !== 0) pageCoreMet++;
    }
  }
  const claimTotal = claimProfile.total;
  let claimMet = 0;
  let claimCore = 0;
  let claimCoreMet = 0;
  for (let i = 0; i < claim.terms.length; i++) {
    const w = claimWeights[i]!;
    const credit = creditIn(claim, claimProfile, i, page, pageProfile, scratch.page, weights);
    claimMet += w * credit;
    if (claimProfile.core[i] === 1) {
      claimCore++;
      // Met exactly or by another value of the slot (an altered detail the stance step reports):
      // either way the sentence has a core term of that slot (the same term is core on both sides).
      if (credit > 0 && (pageProfile.coreSlotMask & claimProfile.slotBits[i]!) !== 0) claimCoreMet++;
    }
  }
  const pageCoverage = pageTotal > 0 ? pageMet / pageTotal : 0;
  const claimCoverage = claimTotal > 0 ? claimMet / claimTotal : 0;
  const score =
    shared >= weights.minSharedTerms ? combineCoverages(pageCoverage, claimCoverage, shared, weights) : 0;
  const coreMissed = claimCore > 0 && claimCoreMet === 0;
  return {
    pageCoverage,
    claimCoverage,
    sharedTerms: shared,
    score,
    coreMissed,
    coreMet: claimCoreMet > 0,
    pageCoreMissed: pageCore > 0 && pageCoreMet === 0,
  };
}

/**
 * An upper bound of `alignTerms(page, claim, index, weights).score`, from the term weights each side
 * shares with the other by key or slot (`Candidate.pageShared` and `.claimShared` of the claim, as
 * the candidate walk sums them): only such terms can earn credit, each at most 1. The score is a
 * weighted geometric mean of the coverages, at most their weighted arithmetic mean (the larger
 * coverage taking the larger exponent covers the containment reading too). Lets the matcher skip
 * aligning a candidate that cannot reach its floor: on `npm run bench`'s related article it skips
 * 711 of the 1,380 candidates, and the alignments made fall from 1,699 to 1,095 (fact expansion
 * aligns some skipped ones after all). Infinity when a weight could credit more than a term's own
 * weight (a credit above 1, unknown terms weighing more than the index says), which the bound does
 * not cover.
 */
export function boundAlignmentScore(
  page: AnalyzedText,
  claim: AnalyzedText,
  index: CandidateIndex,
  pageShared: number,
  claimShared: number,
  weights: ScoreWeights = DEFAULT_WEIGHTS,
): number {
  if (weights.slotCredit > 1 || weights.variantCredit > 1 || weights.unknownTermFactor > 1) return Infinity;
  const pageTotal = pageProfileOf(page, index, weights).total;
  const claimTotal = claimProfileOf(claim, index, weights).total;
  const page1 = pageTotal > 0 ? Math.min(1, pageShared / pageTotal) : 0;
  const claim1 = claimTotal > 0 ? Math.min(1, claimShared / claimTotal) : 0;
  const e = weights.pageCoverageExponent;
  const larger = Math.max(e, 1 - e);
  return larger * Math.max(page1, claim1) + (1 - larger) * Math.min(page1, claim1);
}

/**
 * Coverages whose ratio is further than this from 1 order the two readings of combineCoverages in
 * floating point as in exact arithmetic: the readings then differ by a relative
 * (1 + CLEARLY_APART) ** |2e - 1| - 1, about |2e - 1| * 1e-9, while each is off by a few ulps
 * (1e-15). Closer coverages, or an exponent within MIN_TILT of 0.5, have both readings computed.
 */
const CLEARLY_APART = 1e-9;
const MIN_TILT = 1e-3;

/**
 * The score of two coverages: the page-side reading, or, on enough shared evidence, the larger of
 * it and the claim-side one (a long page sentence can restate a whole short claim among other
 * things; short claims are easily contained, hence the extra evidence). The larger reading is the
 * one that weighs the larger coverage more (with exponent e above 0.5; the smaller one below), so
 * only that one is computed when the coverages are clearly apart. When they are an ulp apart both
 * are computed and the larger taken: the rounded readings can then order either way
 * (score-match.property.test.ts pins the case).
 */
function combineCoverages(
  pageCoverage: number,
  claimCoverage: number,
  shared: number,
  weights: ScoreWeights,
): number {
  const e = weights.pageCoverageExponent;
  if (shared < weights.containmentMinShared) return weighCoverages(pageCoverage, claimCoverage, e);
  const tilt = 2 * e - 1;
  const apart =
    pageCoverage > claimCoverage * (1 + CLEARLY_APART) || claimCoverage > pageCoverage * (1 + CLEARLY_APART);
  if (apart && Math.abs(tilt) >= MIN_TILT)
    return pageCoverage > claimCoverage === tilt > 0
      ? weighCoverages(pageCoverage, claimCoverage, e)
      : weighCoverages(claimCoverage, pageCoverage, e);
  return Math.max(
    weighCoverages(pageCoverage, claimCoverage, e),
    weighCoverages(claimCoverage, pageCoverage, e),
  );
}

/** One reading of two coverages: their geometric mean with exponent `e` on the first. */
function weighCoverages(first: number, second: number, e: number): number {
  return first ** e * second ** (1 - e);
}

const FUSE_OPTIONS = { includeScore: true, ignoreLocation: true, threshold: 1, isCaseSensitive: false };

/**
 * Fuse.js similarity (1 - Fuse score) of the sentence to each given text, in the given order. Fuse
 * averages patterns longer than 32 characters chunk by chunk, so the caller, not Fuse's own
 * threshold, decides what counts (threshold 1 here returns every item with its score).
 */
export function fuseSimilarities(sentence: string, texts: readonly string[]): number[] {
  const out = new Array<number>(texts.length).fill(0);
  if (texts.length === 0) return out;
  const fuse = new Fuse(texts as string[], FUSE_OPTIONS);
  for (const r of fuse.search(sentence)) out[r.refIndex] = 1 - (r.score ?? 1);
  return out;
}
