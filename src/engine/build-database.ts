/**
 * Turns source articles into the claim database: clean furniture, split sentences, attribute
 * speakers, keep claims, extract features, group claims into facts and label every cross-article
 * pair inside a fact.
 *
 * Pure and deterministic: the same articles (in any order) give the same database, so building
 * twice gives byte-identical output and the service worker can rebuild with user articles.
 * Every claim satisfies `article.body.slice(claim.start, claim.end) === claim.text`.
 */

import { attributeSpeakers } from './attribute-speakers.ts';
import { findFurniture, maskFurniture } from './clean-furniture.ts';
import { type ClusterOptions, clusterClaims } from './cluster-claims.ts';
import { compareClaims } from './compare-claims.ts';
import { computeSha256 } from './digest.ts';
import { extractFeatures } from './extract-features.ts';
import { classifySentence, computeSentenceKey } from './select-claims.ts';
import { splitSentences } from './split-sentences.ts';
import {
  type Claim,
  type ClaimDatabase,
  DB_SCHEMA_VERSION,
  type DroppedSentence,
  type Fact,
  type Relation,
  type SourceArticle,
} from './types.ts';

/** Bumped when the pipeline's output for the same input changes; part of the digest. */
export const PIPELINE_VERSION = 2;

export interface BuildOptions {
  /** ISO timestamp recorded as `builtAt`; null when unknown. Never the wall clock. */
  builtAt?: string | null;
  /** Clustering thresholds, for calibration runs; defaults are the calibrated values. */
  cluster?: ClusterOptions;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface ArticleClaims {
  claims: Claim[];
  dropped: DroppedSentence[];
}

/** Extracts the claims of one article (exported for tests and for incremental rebuilds). */
export function extractArticleClaims(article: SourceArticle): ArticleClaims {
  const { body } = article;
  const furniture = findFurniture(body, { title: article.title, outlet: article.outlet });
  const dropped: DroppedSentence[] = furniture.map((r) => ({
    articleId: article.id,
    text: body.slice(r.start, r.end),
    start: r.start,
    end: r.end,
    reason: r.reason,
  }));
  const masked = maskFurniture(body, furniture);
  const sentences = splitSentences(masked).map((s) => ({ ...s, text: body.slice(s.start, s.end) }));
  const attributions = attributeSpeakers(sentences, masked);

  const claims: Claim[] = [];
  const seen = new Set<string>();
  sentences.forEach((s, i) => {
    const { speaker: contextSpeaker, insideQuote } = attributions[i]!;
    const reason = classifySentence(s.text);
    const key = computeSentenceKey(s.text);
    if (reason || seen.has(key)) {
      dropped.push({
        articleId: article.id,
        text: s.text,
        start: s.start,
        end: s.end,
        reason: reason ?? 'duplicate',
      });
      return;
    }
    seen.add(key);
    const features = extractFeatures(s.text, { speaker: contextSpeaker });
    if (insideQuote && features.quotes.length === 0) {
      features.quotes = [{ text: s.text.replace(/[\s.]+$/, ''), speaker: contextSpeaker }];
    }
    claims.push({
      id: `${article.id}:${claims.length + 1}`,
      articleId: article.id,
      text: s.text,
      start: s.start,
      end: s.end,
      speaker: contextSpeaker,
      features,
    });
  });
  dropped.sort((a, b) => a.start - b.start || a.end - b.end);
  return { claims, dropped };
}

function digestOf(articles: readonly SourceArticle[]): string {
  const canonical = JSON.stringify({
    schemaVersion: DB_SCHEMA_VERSION,
    pipelineVersion: PIPELINE_VERSION,
    articles: articles.map((a) => [a.id, a.outlet, a.title, a.published, a.url, a.language, a.body]),
  });
  return computeSha256(canonical);
}

/** Builds the claim database from articles. Pure: no clock, no I/O, no randomness. */
export function buildDatabase(articles: SourceArticle[], options: BuildOptions = {}): ClaimDatabase {
  const sorted = [...articles].sort((a, b) => compareIds(a.id, b.id));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.id === sorted[i - 1]!.id) throw new Error(`duplicate article id "${sorted[i]!.id}"`);
  }
  const claims: Claim[] = [];
  const dropped: DroppedSentence[] = [];
  for (const article of sorted) {
    const r = extractArticleClaims(article);
    claims.push(...r.claims);
    dropped.push(...r.dropped);
  }

  const groups = clusterClaims(claims, options.cluster);
  const facts: Fact[] = groups.map((group, index) => {
    const members = group.map((i) => claims[i]!);
    const relations: Relation[] = [];
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const a = members[x]!;
        const b = members[y]!;
        if (a.articleId === b.articleId) continue;
        const { stance, details } = compareClaims(a, b);
        relations.push({ a: a.id, b: b.id, stance, details });
      }
    }
    return { id: `f${index + 1}`, claimIds: members.map((c) => c.id), relations };
  });

  return {
    schemaVersion: DB_SCHEMA_VERSION,
    builtAt: options.builtAt ?? null,
    digest: digestOf(sorted),
    articles: sorted.map((a) => ({ ...a })),
    claims,
    facts,
    dropped,
  };
}
