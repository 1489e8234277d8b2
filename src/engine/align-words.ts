/**
 * Word alignment for compareClaims: a weighted longest common subsequence of two texts' words.
 *
 * Exists apart from compareClaims so that a text is tokenised and its words numbered once per
 * claim object (`toWordSequence`), not once per comparison, and so that the dynamic programme
 * compares small integers instead of strings. Must keep true: `alignWords` returns exactly the
 * pairs of a string-by-string alignment, tie-breaks included, because conflicts are read off them.
 */

import { foldText, STOPWORDS } from './normalize.ts';

/** Words kept per text: bounds the alignment table (121 x 121 cells) on run-on "sentences". */
const MAX_ALIGN_TOKENS = 120;
/** Alignment weight of a content word; a function word weighs 1, so content words anchor it. */
const CONTENT_WORD_WEIGHT = 3;

/** A text's words, numbered so that two texts can be aligned without comparing strings. */
export interface WordSequence {
  readonly words: readonly string[];
  /** Per position, the index of its word in `distinct`. */
  readonly ids: Uint8Array;
  /** Each different word once, in order of first appearance. */
  readonly distinct: readonly string[];
  /** Index in `distinct` of each different word. */
  readonly indexOf: ReadonlyMap<string, number>;
  /** Occurrences of each word of `distinct`, by index. */
  readonly counts: Uint8Array;
  /** Per position, how much matching its word weighs in the alignment. */
  readonly weights: Uint8Array;
}

export function toWordSequence(text: string): WordSequence {
  const words = wordsOf(text);
  const ids = new Uint8Array(words.length);
  const weights = new Uint8Array(words.length);
  const distinct: string[] = [];
  const indexOf = new Map<string, number>();
  const counts = new Uint8Array(words.length);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    let id = indexOf.get(word);
    if (id === undefined) {
      id = distinct.length;
      distinct.push(word);
      indexOf.set(word, id);
    }
    ids[i] = id;
    counts[id]!++;
    weights[i] = STOPWORDS.has(word) ? 1 : CONTENT_WORD_WEIGHT;
  }
  return { words, ids, distinct, indexOf, counts, weights };
}

function wordsOf(text: string): string[] {
  const words =
    foldText(text)
      .replace(/(\d),(?=\d{3}\b)/g, '$1')
      .match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? [];
  return words.length > MAX_ALIGN_TOKENS ? words.slice(0, MAX_ALIGN_TOKENS) : words;
}

/** The dynamic-programming table of `alignWords`, reused between calls (at most 121 x 121 cells). */
let alignTable = new Uint16Array(0);
/** Per distinct word of `y`, its index among `x`'s distinct words, or -1; reused likewise. */
const yWordInX = new Int16Array(MAX_ALIGN_TOKENS);
/** Per position of `y`, the index of its word among `x`'s distinct words, or -1; reused likewise. */
const yInX = new Int16Array(MAX_ALIGN_TOKENS);
/** The traceback's pairs before they are copied out; reused likewise. */
const pairScratch = new Int16Array(2 * MAX_ALIGN_TOKENS);

/**
 * Aligned positions, flat and in order: x's position then y's for each pair ([i0, j0, i1, j1, ...]).
 * One small typed array rather than an array per pair, as this runs for most comparisons.
 */
export type AlignedPairs = Int16Array;

/**
 * Weighted longest-common-subsequence alignment (content words count more, so "forces the coming
 * days" anchors rather than a stray "in"): the matched positions in order, or null when they are
 * fewer than `minShare` of the shorter text's words. Texts that share too few words (counted with
 * multiplicity, which no alignment can exceed) are ruled out before the table is built.
 */
export function alignIfOverlapping(x: WordSequence, y: WordSequence, minShare: number): AlignedPairs | null {
  const shortest = Math.min(x.ids.length, y.ids.length);
  if (countSharedWords(x, y) / shortest < minShare) return null;
  const count = alignWords(x, y);
  return count / shortest < minShare ? null : pairScratch.slice(0, 2 * count);
}

/** Words two texts share, with multiplicity; also notes in `yWordInX` where each word of `y` is in `x`. */
function countSharedWords(x: WordSequence, y: WordSequence): number {
  let shared = 0;
  for (let k = 0; k < y.distinct.length; k++) {
    const inX = x.indexOf.get(y.distinct[k]!);
    yWordInX[k] = inX ?? -1;
    if (inX !== undefined) shared += Math.min(y.counts[k]!, x.counts[inX]!);
  }
  return shared;
}

/**
 * The alignment itself, into `pairScratch`; returns how many pairs. `yWordInX` must hold this
 * pair's words (countSharedWords(x, y)).
 */
function alignWords(x: WordSequence, y: WordSequence): number {
  const n = x.ids.length;
  const m = y.ids.length;
  const w = m + 1;
  const size = (n + 1) * w;
  if (alignTable.length < size) alignTable = new Uint16Array(size);
  for (let j = 0; j < m; j++) yInX[j] = yWordInX[y.ids[j]!]!;
  const xs = x.ids;
  const ys = yInX;
  const weights = x.weights;
  const dp = alignTable;
  dp.fill(0, n * w, size);
  for (let i = n - 1; i >= 0; i--) {
    const xi = xs[i]!;
    const weight = weights[i]!;
    const row = i * w;
    const next = row + w;
    dp[row + m] = 0;
    for (let j = m - 1; j >= 0; j--) {
      const skip = Math.max(dp[next + j]!, dp[row + j + 1]!);
      dp[row + j] = xi === ys[j] ? Math.max(skip, dp[next + j + 1]! + weight) : skip;
    }
  }
  let count = 0;
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const row = i * w;
    if (xs[i] === ys[j] && dp[row + j] === dp[row + w + j + 1]! + weights[i]!) {
      pairScratch[2 * count] = i;
      pairScratch[2 * count + 1] = j;
      count++;
      i++;
      j++;
    } else if (dp[row + w + j]! >= dp[row + j + 1]!) i++;
    else j++;
  }
  return count;
}
