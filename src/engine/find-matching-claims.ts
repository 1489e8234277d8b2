/**
 * Which claims of the database a page sentence restates, and how closely: the candidate index
 * narrows the database to a few claims, term alignment and Fuse.js score them, thresholds decide,
 * and the database's fact groups add the other outlets' versions of a matched fact. No stance
 * here (create-matcher.ts adds it), so the accuracy harness can sweep thresholds quickly. Must keep
 * true: Fuse.js never sees more than the candidates of one sentence.
 */

import type { AnalyzedText } from './build-candidate-index.ts';
import { analyzeText, buildCandidateIndex, DEFAULT_TOP_K } from './build-candidate-index.ts';
import type { ScoreWeights } from './score-match.ts';
import { alignTerms, combineScores, DEFAULT_WEIGHTS, FUSE_GATE, fuseSimilarities } from './score-match.ts';
import type { Claim, ClaimDatabase } from './types.ts';

/**
 * Minimum final score for a direct match. Calibrated by `npm run eval` (threshold sweep over the
 * labelled set and the leave-one-out seeds): the value with the best F0.5, favouring precision,
 * because a fact-checker that cries wolf is uninstalled.
 */
export const MATCH_THRESHOLD = 0.45;
/**
 * A direct match must also score at least this share of the sentence's best match: a sentence
 * that clearly restates one fact should not drag in a weaker, different fact that happens to clear
 * the threshold.
 */
export const RELATIVE_FLOOR = 0.75;
/**
 * Other claims of a directly matched claim's fact (other outlets' versions) join the result if
 * their own score reaches this share of MATCH_THRESHOLD. The fact grouping vouches that they state
 * the same fact; the lower bar lets a long source sentence that restates the fact among other
 * things ("… as well as around 5,200 US troops in the country") count as a source.
 */
export const FACT_EXPANSION_FACTOR = 0.55;

export interface MatchTuning {
  threshold: number;
  relativeFloor: number;
  factExpansionFactor: number;
  topK: number;
  weights: ScoreWeights;
}

export const DEFAULT_TUNING: Readonly<MatchTuning> = {
  threshold: MATCH_THRESHOLD,
  relativeFloor: RELATIVE_FLOOR,
  factExpansionFactor: FACT_EXPANSION_FACTOR,
  topK: DEFAULT_TOP_K,
  weights: DEFAULT_WEIGHTS,
};

export interface ClaimHit {
  claim: Claim;
  factId: string | null;
  score: number;
  /** True when the claim joined through its fact group rather than scoring above the threshold. */
  viaFact: boolean;
}

export interface ClaimFinder {
  /** Matching claims for one sentence, best first; empty when nothing matches. */
  find(sentence: string, tuning?: Partial<MatchTuning>): ClaimHit[];
  /** The candidate claims the index proposes (before scoring), for diagnostics and eval. */
  candidatesOf(sentence: string, topK?: number): Claim[];
}

export function createClaimFinder(db: ClaimDatabase): ClaimFinder {
  const claims = db.claims;
  const index = buildCandidateIndex(claims.map((c) => c.text));
  const positionOfClaim = new Map<string, number>();
  for (const [i, c] of claims.entries()) positionOfClaim.set(c.id, i);
  const factOfClaim = new Map<number, string>();
  const membersOfFact = new Map<string, number[]>();
  for (const fact of db.facts) {
    const members: number[] = [];
    for (const id of fact.claimIds) {
      const at = positionOfClaim.get(id);
      if (at === undefined) continue;
      factOfClaim.set(at, fact.id);
      members.push(at);
    }
    membersOfFact.set(fact.id, members);
  }

  function scoreAll(sentence: string, page: AnalyzedText, positions: number[], weights: ScoreWeights) {
    const aligned = positions.map((p) => alignTerms(page, index.analyzed[p]!, index, weights).score);
    const gated = positions.filter((_, i) => aligned[i]! >= FUSE_GATE);
    const fused =
      weights.alignmentWeight < 1
        ? fuseSimilarities(
            sentence,
            gated.map((p) => claims[p]!.text),
          )
        : [];
    const fuseOf = new Map<number, number>();
    for (const [i, p] of gated.entries()) fuseOf.set(p, fused[i] ?? 0);
    return positions.map((p, i) => combineScores(aligned[i]!, fuseOf.get(p) ?? 0, weights));
  }

  function find(sentence: string, override: Partial<MatchTuning> = {}): ClaimHit[] {
    const tuning = { ...DEFAULT_TUNING, ...override };
    const page = analyzeText(sentence);
    if (page.terms.length === 0) return [];
    const positions = index.candidates(page, tuning.topK).map((c) => c.claim);
    if (positions.length === 0) return [];
    const scores = scoreAll(sentence, page, positions, tuning.weights);
    const best = Math.max(...scores);
    if (best < tuning.threshold) return [];
    const floor = Math.max(tuning.threshold, best * tuning.relativeFloor);
    const hits = new Map<number, ClaimHit>();
    positions.forEach((p, i) => {
      if (scores[i]! >= floor)
        hits.set(p, {
          claim: claims[p]!,
          factId: factOfClaim.get(p) ?? null,
          score: scores[i]!,
          viaFact: false,
        });
    });
    const extra: number[] = [];
    for (const p of [...hits.keys()]) {
      const factId = factOfClaim.get(p);
      if (factId === undefined) continue;
      for (const m of membersOfFact.get(factId) ?? []) if (!hits.has(m) && !extra.includes(m)) extra.push(m);
    }
    if (extra.length > 0) {
      const extraScores = scoreAll(sentence, page, extra, tuning.weights);
      const bar = tuning.threshold * tuning.factExpansionFactor;
      extra.forEach((p, i) => {
        if (extraScores[i]! >= bar)
          hits.set(p, {
            claim: claims[p]!,
            factId: factOfClaim.get(p) ?? null,
            score: extraScores[i]!,
            viaFact: true,
          });
      });
    }
    return [...hits.values()].sort((a, b) => b.score - a.score || a.claim.id.localeCompare(b.claim.id));
  }

  function candidatesOf(sentence: string, topK = DEFAULT_TOP_K): Claim[] {
    return index.candidates(analyzeText(sentence), topK).map((c) => claims[c.claim]!);
  }

  return { find, candidatesOf };
}
