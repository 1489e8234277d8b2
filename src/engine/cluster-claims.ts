/**
 * Groups claims from different articles that state the same fact. Candidate pairs come from an
 * inverted index over spelling-tolerant content terms (never all pairs), are scored by an
 * IDF-weighted cosine, and are merged by average linkage so one loose link cannot chain two
 * different facts together. Must stay deterministic: ties break on claim id.
 */

import { contentWords, createTable, tokenize, variantKey } from './normalize.ts';
import { splitClauses } from './split-clauses.ts';
import type { ClaimFeatures } from './types.ts';

export interface ClusterInput {
  id: string;
  articleId: string;
  text: string;
  features: ClaimFeatures;
}

/**
 * Lowest IDF-weighted cosine for a candidate pair of units to be linked at all. Calibrated with
 * MERGE_MIN_AVERAGE on the hand-labelled seeds (tests/fixtures/seed-expectations.json): over
 * edge 0.2-0.35 x merge 0.15-0.3, 0.3/0.21 gave the best grouping (P 96%, R 95%) with conflict
 * precision 100%; lower merge averages start to chain facts and surface conflicts between them.
 */
export const EDGE_MIN_SIMILARITY = 0.3;
/** Lowest average similarity between two groups (over their cross-article pairs) for them to merge. */
export const MERGE_MIN_AVERAGE = 0.21;
/**
 * Blocking: a term proposes candidates only when it occurs in at most max(BLOCKING_MIN_DF, √units)
 * units; commoner terms still count in the similarity, they just cannot make a pair on their own.
 */
export const BLOCKING_MIN_DF = 64;
/** Largest group; beyond this, merging stops (a "fact" that big is a topic, not a fact). */
export const MAX_GROUP_SIZE = 24;

/** Generic news words that say nothing about which fact a sentence states. */
const GENERIC = new Set(
  (
    'also add added adding told reporter reporters report reported stated statement saying says asked ask week day days ' +
    'time officials official people country'
  ).split(' '),
);

/**
 * Words that name the same thing in reports of one event, merged for grouping only (never for
 * comparison): a memo is the letter, revenge is retaliation, an assassination is a killing.
 */
const GROUPING_SYNONYMS: Readonly<Record<string, string>> = createTable({
  memo: 'letter',
  correspondence: 'letter',
  revenge: 'retaliation',
  retaliate: 'retaliation',
  assassination: 'kill',
  assassinate: 'kill',
  assassinat: 'kill',
  death: 'kill',
  intention: 'plan',
  pullout: 'withdraw',
  pull: 'withdraw',
  departure: 'withdraw',
  depart: 'withdraw',
});

/** Spelling-tolerant terms: content words, long words reduced to their consonant skeleton. */
export function extractTerms(text: string): string[] {
  const out = new Set<string>();
  for (const token of contentWords(text)) {
    // Adverbs group with their adjective ("safely" / "safe", "efficiently" / "efficient").
    const raw = token.length > 6 && token.endsWith('ly') ? token.slice(0, -2) : token;
    const w = GROUPING_SYNONYMS[raw] ?? raw;
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

/** Shared terms (not counting the negation marker) and IDF-weighted cosine, in one merge pass. */
function compareVectors(a: Vector, b: Vector): { shared: number; sim: number } {
  let shared = 0;
  let dot = 0;
  let i = 0;
  let j = 0;
  while (i < a.terms.length && j < b.terms.length) {
    const ta = a.terms[i]!;
    const tb = b.terms[j]!;
    if (ta === tb) {
      if (ta !== '¬') shared++;
      dot += a.weights[i]! * b.weights[j]!;
      i++;
      j++;
    } else if (ta < tb) i++;
    else j++;
  }
  return { shared, sim: a.norm === 0 || b.norm === 0 ? 0 : dot / (a.norm * b.norm) };
}

/** A clause needs this many content words to be clustered on its own. */
export const MIN_CLAUSE_TERMS = 3;

/** The clauses of a claim that are long enough to be clustered on their own. */
function clusterableClauses(text: string): string[] {
  return splitClauses(text).filter(
    (p) => extractTerms(p).filter((t) => t !== '¬').length >= MIN_CLAUSE_TERMS,
  );
}

interface Unit {
  claim: number;
  vector: Vector;
}

/**
 * Terms a claim's features add: what a quantity counts and its order of magnitude
 * ("#troops", "#troops^3": 5,000 and 5,200 troops meet, 400 soldiers do not), and which event a
 * weekday dates ("@killing").
 */
function featureTerms(unitText: string, features: ClaimFeatures): string[] {
  const out: string[] = [];
  const lower = unitText.toLowerCase();
  for (const q of features.quantities) {
    if (!unitText.includes(q.text)) continue;
    out.push(`#${q.unit}`, `#${q.unit}^${Math.floor(Math.log10(Math.max(1, q.value)))}`);
  }
  for (const d of features.dayMentions ?? []) if (d.event && lower.includes(d.day)) out.push(`@${d.event}`);
  // Whether the clause asserts or denies leaving ("no plans to pull out", "denied ... moving out").
  for (const a of features.assertions ?? []) {
    if (a.predicate === 'leave' && unitText.includes(a.text)) out.push(a.negated ? '!leave-' : '!leave+');
  }
  return out;
}

/** Predicates whose polarity sources dispute about a document ("signed" / "wasn't signed"). */
const DOCUMENT_PREDICATES = new Set(['sign', 'confirm', 'accurate']);
const DOCUMENT_NOUN = /\b(?:letter|memo|draft|document|correspondence)\b/i;
const PRONOUN_START = /^(?:it|this|that)\b/i;

/**
 * A claim that says whether a document was signed, confirmed or accurate states a fact about that
 * document, even when it only says "It was signed by ...": its unit is the predicate plus "letter",
 * taking the document from the previous claim when the sentence opens with a pronoun.
 */
function documentPredicateUnit(claim: ClusterInput, previous: ClusterInput | undefined): string[] | null {
  const predicates = (claim.features.assertions ?? []).filter((a) => DOCUMENT_PREDICATES.has(a.predicate));
  if (predicates.length === 0) return null;
  const aboutDocument =
    DOCUMENT_NOUN.test(claim.text) ||
    (PRONOUN_START.test(claim.text) &&
      previous?.articleId === claim.articleId &&
      DOCUMENT_NOUN.test(previous.text));
  if (!aboutDocument) return null;
  return [...new Set(predicates.map((a) => `!${a.predicate}:document`))];
}

const ROLE_APPOSITIVE =
  /,\s+(?:the\s+)?(?:top\s+)?(?:commanding general|commander|chairman|head|chief|leader)\s+of\s+[^,.;:\u201C\u201D"]*/gi;

/**
 * Removes ", the commanding general of X" after a name: it describes the person, not the fact
 * stated. (A director's office is kept: "addressed to the deputy director of X" is the fact.)
 */
export function stripRoleAppositives(text: string): string {
  return text.replace(ROLE_APPOSITIVE, ' ');
}

/** Fewest shared terms for two units to be linked: one shared word is a coincidence, not a fact. */
export const MIN_SHARED_TERMS = 2;

/** Overrides of the calibrated linking thresholds (BuildOptions.cluster), for calibration runs. */
export interface ClusterOptions {
  edgeMinSimilarity?: number;
  mergeMinAverage?: number;
}

/**
 * Groups claims into facts. Returns groups of claim indices (each sorted, ordered by first
 * member). A claim whose clauses state different facts can be in more than one group; every claim
 * is in at least one.
 */
export function clusterClaims(claims: readonly ClusterInput[], options: ClusterOptions = {}): number[][] {
  const edgeMin = options.edgeMinSimilarity ?? EDGE_MIN_SIMILARITY;
  const mergeMin = options.mergeMinAverage ?? MERGE_MIN_AVERAGE;
  const unitClaims: number[] = [];
  const termLists: string[][] = [];
  const addUnit = (claim: number, terms: string[]): void => {
    unitClaims.push(claim);
    termLists.push([...new Set(terms)].sort());
  };
  claims.forEach((c, i) => {
    const text = stripRoleAppositives(c.text);
    const clauses = clusterableClauses(text);
    // A sentence of several clauses is represented by its clauses only, so each can join its own fact.
    const pieces = clauses.length >= 2 ? clauses : [text];
    for (const piece of pieces) addUnit(i, [...extractTerms(piece), ...featureTerms(piece, c.features)]);
    for (const term of documentPredicateUnit(c, claims[i - 1]) ?? []) addUnit(i, [term]);
  });
  const n = termLists.length;
  const df = new Map<string, number>();
  for (const terms of termLists) for (const t of terms) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = (t: string): number => Math.log(1 + n / (df.get(t) ?? 1));
  const units: Unit[] = termLists.map((terms, i) => {
    const weights = terms.map(idf);
    return {
      claim: unitClaims[i]!,
      vector: { terms, weights, norm: Math.sqrt(weights.reduce((sum, w) => sum + w * w, 0)) },
    };
  });
  const articleIndex = new Map<string, number>();
  const unitArticle = Int32Array.from(units, (u) => {
    const id = claims[u.claim]!.articleId;
    const known = articleIndex.get(id);
    if (known !== undefined) return known;
    articleIndex.set(id, articleIndex.size);
    return articleIndex.size - 1;
  });
  const articleOf = (u: number): number => unitArticle[u]!;

  // Blocking: postings only for terms rare enough to identify a fact.
  const maxDf = Math.max(BLOCKING_MIN_DF, Math.floor(Math.sqrt(n)));
  const postings = new Map<string, number[]>();
  termLists.forEach((terms, idx) => {
    for (const t of terms) {
      const d = df.get(t) ?? 0;
      if (d > maxDf || d < 2) continue;
      const list = postings.get(t);
      if (list) list.push(idx);
      else postings.set(t, [idx]);
    }
  });

  // Candidates: units sharing blocking terms, counted while walking the postings (never all pairs).
  const edges: Array<{ i: number; j: number; sim: number }> = [];
  const sharedCount = new Int32Array(n);
  const touched: number[] = [];
  for (let i = 0; i < n; i++) {
    let blockingTerms = 0;
    for (const t of termLists[i]!) {
      const list = postings.get(t);
      if (!list) continue;
      blockingTerms++;
      for (const j of list) {
        if (j <= i || articleOf(j) === articleOf(i)) continue;
        if (sharedCount[j] === 0) touched.push(j);
        sharedCount[j]!++;
      }
    }
    const needed = Math.min(MIN_SHARED_TERMS, blockingTerms, termLists[i]!.length);
    for (const j of touched) {
      const count = sharedCount[j]!;
      sharedCount[j] = 0;
      if (count < needed) continue;
      const { shared, sim } = compareVectors(units[i]!.vector, units[j]!.vector);
      if (shared < Math.min(MIN_SHARED_TERMS, termLists[i]!.length)) continue;
      if (sim >= edgeMin) edges.push({ i, j, sim });
    }
    touched.length = 0;
  }
  edges.sort((x, y) => y.sim - x.sim || x.i - y.i || x.j - y.j);

  const simCache = new Map<number, number>();
  const pairSim = (i: number, j: number): number => {
    const key = i < j ? i * n + j : j * n + i;
    let v = simCache.get(key);
    if (v === undefined) {
      v = compareVectors(units[i]!.vector, units[j]!.vector).sim;
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
    const claimsA = new Set(a.map((u) => units[u]!.claim));
    if (b.some((u) => claimsA.has(units[u]!.claim))) continue;
    let total = 0;
    let count = 0;
    for (const x of a) {
      for (const y of b) {
        if (articleOf(x) === articleOf(y)) continue;
        total += pairSim(x, y);
        count++;
      }
    }
    if (count === 0 || total / count < mergeMin) continue;
    const [keep, drop] = gi < gj ? [gi, gj] : [gj, gi];
    const merged = [...members.get(keep)!, ...members.get(drop)!].sort((x, y) => x - y);
    members.set(keep, merged);
    members.delete(drop);
    for (const x of merged) groupOf[x] = keep;
  }

  // Map unit groups to claim groups; keep multi-article groups, drop duplicates and subsets.
  const multi: number[][] = [];
  for (const group of members.values()) {
    const claimSet = [...new Set(group.map((u) => units[u]!.claim))].sort((x, y) => x - y);
    if (new Set(claimSet.map((c) => claims[c]!.articleId)).size >= 2) multi.push(claimSet);
  }
  multi.sort((x, y) => y.length - x.length || x[0]! - y[0]!);
  const kept: number[][] = [];
  for (const g of multi) {
    if (kept.some((k) => g.every((c) => k.includes(c)))) continue;
    kept.push(g);
  }
  const covered = new Set(kept.flat());
  for (let c = 0; c < claims.length; c++) if (!covered.has(c)) kept.push([c]);
  return kept.sort((x, y) => x[0]! - y[0]! || x.length - y.length || x.join(',').localeCompare(y.join(',')));
}
