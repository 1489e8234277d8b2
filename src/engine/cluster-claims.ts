/**
 * Groups claims from different articles that state the same fact. Candidate pairs come from an
 * inverted index over spelling-tolerant content terms (never all pairs), are scored by an
 * IDF-weighted cosine, and are merged by average linkage so one loose link cannot chain two
 * different facts together. Must stay deterministic: ties break on claim id.
 */

import { contentWords, tokenize, variantKey } from './normalize.ts';
import type { ClaimFeatures } from './types.ts';

export interface ClusterInput {
  id: string;
  articleId: string;
  text: string;
  features: ClaimFeatures;
}

/** Lowest similarity for a candidate pair to be considered at all. */
export const EDGE_MIN_SIMILARITY = 0.3;
/** Lowest average similarity between two groups (over their cross-article pairs) for them to merge. */
export const MERGE_MIN_AVERAGE = 0.27;
/** A term in more than this share of claims is too common to propose candidates (still scores). */
export const BLOCKING_MAX_DF_SHARE = 0.05;
/** ...but a term is always allowed to propose candidates when it occurs in at most this many claims. */
export const BLOCKING_MIN_DF = 12;
/** Largest group; beyond this, merging stops (a "fact" that big is a topic, not a fact). */
export const MAX_GROUP_SIZE = 24;

/** Generic news words that say nothing about which fact a sentence states. */
const GENERIC = new Set(
  'also added told reporters reported stated statement saying says week day days time officials official people country'.split(
    ' ',
  ),
);

/** Spelling-tolerant terms: content words, long words reduced to their consonant skeleton. */
export function termsOf(text: string): string[] {
  const out = new Set<string>();
  for (const w of contentWords(text)) {
    if (GENERIC.has(w)) continue;
    out.add(w.length >= 5 && /^[a-z]+$/.test(w) ? `~${variantKey(w)}` : w);
  }
  // Negation words are stop words, but "no" vs not is part of the fact's identity.
  if (tokenize(text).some((t) => t === 'no' || t === 'not' || /n't$/.test(t))) out.add('¬');
  return [...out];
}

interface Vector {
  terms: string[];
  weights: number[];
  norm: number;
}

function similarity(a: Vector, b: Vector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  let dot = 0;
  let i = 0;
  let j = 0;
  while (i < a.terms.length && j < b.terms.length) {
    const ta = a.terms[i]!;
    const tb = b.terms[j]!;
    if (ta === tb) {
      dot += a.weights[i]! * b.weights[j]!;
      i++;
      j++;
    } else if (ta < tb) i++;
    else j++;
  }
  return dot / (a.norm * b.norm);
}

/** Groups claims; returns groups of claim indices, each sorted, groups ordered by first member. */
export function clusterClaims(claims: readonly ClusterInput[]): number[][] {
  const n = claims.length;
  const termLists = claims.map((c) => termsOf(c.text).sort());
  const df = new Map<string, number>();
  for (const terms of termLists) for (const t of terms) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = (t: string): number => Math.log(1 + n / (df.get(t) ?? 1));
  const vectors: Vector[] = termLists.map((terms) => {
    const weights = terms.map(idf);
    return { terms, weights, norm: Math.sqrt(weights.reduce((s, w) => s + w * w, 0)) };
  });

  // Blocking: postings only for terms rare enough to identify a fact.
  const maxDf = Math.max(BLOCKING_MIN_DF, Math.floor(n * BLOCKING_MAX_DF_SHARE));
  const postings = new Map<string, number[]>();
  termLists.forEach((terms, idx) => {
    for (const t of terms) {
      if ((df.get(t) ?? 0) > maxDf || (df.get(t) ?? 0) < 2) continue;
      const list = postings.get(t);
      if (list) list.push(idx);
      else postings.set(t, [idx]);
    }
  });

  const edges: Array<{ i: number; j: number; sim: number }> = [];
  const seen = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const touched: number[] = [];
    for (const t of termLists[i]!) {
      const list = postings.get(t);
      if (!list) continue;
      for (const j of list) {
        if (j <= i || seen[j] || claims[j]!.articleId === claims[i]!.articleId) continue;
        seen[j] = 1;
        touched.push(j);
      }
    }
    for (const j of touched) {
      seen[j] = 0;
      const sim = similarity(vectors[i]!, vectors[j]!);
      if (sim >= EDGE_MIN_SIMILARITY) edges.push({ i, j, sim });
    }
  }
  edges.sort((x, y) => y.sim - x.sim || x.i - y.i || x.j - y.j);

  const simCache = new Map<number, number>();
  const pairSim = (i: number, j: number): number => {
    const key = i < j ? i * n + j : j * n + i;
    let v = simCache.get(key);
    if (v === undefined) {
      v = similarity(vectors[i]!, vectors[j]!);
      simCache.set(key, v);
    }
    return v;
  };

  const groupOf = Array.from({ length: n }, (_, i) => i);
  const members = new Map<number, number[]>(Array.from({ length: n }, (_, i) => [i, [i]]));
  for (const { i, j } of edges) {
    const gi = groupOf[i]!;
    const gj = groupOf[j]!;
    if (gi === gj) continue;
    const a = members.get(gi)!;
    const b = members.get(gj)!;
    if (a.length + b.length > MAX_GROUP_SIZE) continue;
    let total = 0;
    let count = 0;
    for (const x of a) {
      for (const y of b) {
        if (claims[x]!.articleId === claims[y]!.articleId) continue;
        total += pairSim(x, y);
        count++;
      }
    }
    if (count === 0 || total / count < MERGE_MIN_AVERAGE) continue;
    const [keep, drop] = gi < gj ? [gi, gj] : [gj, gi];
    const merged = [...members.get(keep)!, ...members.get(drop)!].sort((x, y) => x - y);
    members.set(keep, merged);
    members.delete(drop);
    for (const x of merged) groupOf[x] = keep;
  }
  return [...members.values()].sort((x, y) => x[0]! - y[0]!);
}
