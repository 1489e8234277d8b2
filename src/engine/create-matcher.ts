/**
 * The engine's entry point for pages: given the claim database, answers for each page sentence
 * which source claims it restates, whether it agrees or conflicts with each, and a verdict. Keeps
 * true:
 * - stance is computed between the page sentence and each source claim, never copied from the
 *   database's own relations, so a page saying 5,200 is corroborated by the outlet that says 5,200
 *   and conflicts with those that say 5,000;
 * - one SourceMatch per matched source claim, best score first;
 * - features of a page sentence are extracted only when it matched something (cheap pages stay
 *   cheap), and only the kinds its sources carry (findFeatureNeeds): compareClaims reads no other.
 */

import type { ComparableClaim } from './compare-claims.ts';
import { compareClaims, findFeatureNeeds } from './compare-claims.ts';
import { decideVerdict } from './decide-verdict.ts';
import { ALL_FEATURES, extractComparedFeatures } from './extract-features.ts';
import type { ClaimFinder, MatchTuning } from './find-matching-claims.ts';
import { createClaimFinder, GREY_ZONE_FLOOR, MATCH_THRESHOLD } from './find-matching-claims.ts';
import type {
  ArticleMeta,
  Claim,
  ClaimDatabase,
  Detail,
  MatchDetail,
  Matcher,
  MatcherOptions,
  SentenceMatch,
  SourceMatch,
} from './types.ts';

/**
 * `threshold` (MatcherOptions) sets the alignment score that matches outright; the grey zone below
 * it, where Fuse.js decides, keeps its calibrated proportion (GREY_ZONE_FLOOR / MATCH_THRESHOLD).
 */
export interface CreateMatcherOptions extends MatcherOptions {
  /** Overrides of the calibrated tuning, for the accuracy harness's sweeps. */
  tuning?: Partial<MatchTuning>;
}

/** Turns a claim-vs-claim detail (a = page, b = source) into the page's view of it. */
export function toMatchDetail(detail: Detail): MatchDetail {
  const out: MatchDetail = { kind: detail.kind, page: detail.a, source: detail.b, subject: detail.subject };
  if (detail.altersMeaning !== undefined) out.altersMeaning = detail.altersMeaning;
  return out;
}

/** Rounds a score for output, so results are stable across platforms' float printing. */
function roundScore(score: number): number {
  return Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000;
}

export function createMatcher(db: ClaimDatabase, options: CreateMatcherOptions = {}): Matcher {
  const finder: ClaimFinder = createClaimFinder(db);
  const tuning: Partial<MatchTuning> = { ...options.tuning };
  if (options.threshold !== undefined) {
    tuning.threshold = options.threshold;
    tuning.greyZoneFloor = options.threshold * (GREY_ZONE_FLOOR / MATCH_THRESHOLD);
  }
  const articles = new Map<string, ArticleMeta>();
  for (const article of db.articles) articles.set(article.id, article);

  // One comparable object per source claim for the matcher's lifetime, so what compareClaims
  // derives from a claim's text is computed once, not once per page sentence that matches it.
  const comparables = new Map<Claim, ComparableClaim>();
  function comparableOf(claim: Claim): ComparableClaim {
    let c = comparables.get(claim);
    if (c === undefined) {
      c = { text: claim.text, features: claim.features };
      comparables.set(claim, c);
    }
    return c;
  }

  function matchOne(text: string, index: number): SentenceMatch | null {
    const hits = finder.find(text, tuning);
    if (hits.length === 0) return null;
    const sourceClaims = hits.map((hit) => comparableOf(hit.claim));
    // A source with the very same text is ordered against the page by their features (compareClaims's
    // isAfter), so it is given every kind the comparison reads.
    const needs = sourceClaims.some((c) => c.text === text) ? ALL_FEATURES : findFeatureNeeds(sourceClaims);
    const page = { text, features: extractComparedFeatures(text, needs) };
    const sources: SourceMatch[] = hits.map((hit, i) => {
      const { stance, details } = compareClaims(page, sourceClaims[i]!);
      const article = articles.get(hit.claim.articleId);
      return {
        claimId: hit.claim.id,
        factId: hit.factId ?? hit.claim.id,
        articleId: hit.claim.articleId,
        outlet: article?.outlet ?? null,
        published: article?.published ?? null,
        claim: hit.claim.text,
        score: roundScore(hit.score),
        stance,
        details: details.map(toMatchDetail),
      };
    });
    const verdict = decideVerdict(sources.map((s) => s.stance));
    if (verdict === null) return null;
    return { index, text, verdict, sources };
  }

  return {
    match(sentences: readonly string[]): SentenceMatch[] {
      const out: SentenceMatch[] = [];
      sentences.forEach((text, index) => {
        const result = matchOne(text, index);
        if (result) out.push(result);
      });
      return out;
    },
  };
}
