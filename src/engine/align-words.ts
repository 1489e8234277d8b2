/**
 * Word alignment for compareClaims: a weighted longest common subsequence of two texts' words.
 *
 * Exists apart from compareClaims so that a text is tokenised and its words numbered once per
 * claim object (`toWordSequence`), not once per comparison, and so that the dynamic programme
 * compares small integers instead of strings. Words are numbered across all sequences, so two
 * sequences find their shared words by array reads. Must keep true: `alignWords` returns exactly
 * the pairs of a string-by-string alignment, tie-breaks included, because conflicts are read off
 * them.
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
  /** Occurrences of each word of `distinct`, by index. */
  readonly counts: Uint8Array;
  /** Per position, how much matching its word weighs in the alignment. */
  readonly weights: Uint8Array;
}

/**
 * A WordSequence with the number of each word of `distinct` (`wordNumbers`), valid while
 * `numbering` is the current one; an older sequence is renumbered when next compared.
 */
interface NumberedSequence extends WordSequence {
  numbers: Int32Array;
  numbering: number;
}

/**
 * Words numbered past this many restart the numbering (bounded memory on endless input). Exported
 * for the test that aligns sequences numbered before a restart.
 */
export const WORD_NUMBER_LIMIT = 100_000;
/** The number of every word met since the numbering last restarted. */
const wordNumbers = new Map<string, number>();
let numbering = 0;
/**
 * Per word number, the epoch of the last sequence marked and the word's index in it: the scratch
 * that finds a word's index in a sequence without a map. Grown with `wordNumbers`.
 */
let markedIn = new Int32Array(1024);
let indexIn = new Int32Array(1024);
let markEpoch = 0;

function numberWord(word: string): number {
  let number = wordNumbers.get(word);
  if (number === undefined) {
    number = wordNumbers.size;
    wordNumbers.set(word, number);
    if (number >= markedIn.length) {
      const grown = new Int32Array(markedIn.length * 2);
      grown.set(markedIn);
      markedIn = grown;
      const grownIndex = new Int32Array(indexIn.length * 2);
      grownIndex.set(indexIn);
      indexIn = grownIndex;
    }
  }
  return number;
}

function startMarking(): number {
  if (markEpoch === 0x3fffffff) {
    markedIn.fill(0);
    markEpoch = 0;
  }
  return ++markEpoch;
}

/** Restarts the numbering once it holds WORD_NUMBER_LIMIT words; only between sequences. */
function startNumbering(): number {
  if (wordNumbers.size >= WORD_NUMBER_LIMIT) {
    wordNumbers.clear();
    numbering++;
  }
  return numbering;
}

export function toWordSequence(text: string): WordSequence {
  const words = wordsOf(text);
  const ids = new Uint8Array(words.length);
  const weights = new Uint8Array(words.length);
  const distinct: string[] = [];
  const numbers = new Int32Array(words.length);
  const counts = new Uint8Array(words.length);
  const current = startNumbering();
  const epoch = startMarking();
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const number = numberWord(word);
    let id: number;
    if (markedIn[number] === epoch) id = indexIn[number]!;
    else {
      id = distinct.length;
      distinct.push(word);
      numbers[id] = number;
      markedIn[number] = epoch;
      indexIn[number] = id;
    }
    ids[i] = id;
    counts[id]!++;
    weights[i] = STOPWORDS.has(word) ? 1 : CONTENT_WORD_WEIGHT;
  }
  const sequence: NumberedSequence = { words, ids, distinct, counts, weights, numbers, numbering: current };
  return sequence;
}

/** The current numbers of `s`'s distinct words, renumbering it if the numbering has restarted. */
function numbersOf(s: WordSequence): Int32Array {
  const numbered = s as NumberedSequence;
  if (numbered.numbering !== numbering) {
    for (let k = 0; k < s.distinct.length; k++) numbered.numbers[k] = numberWord(s.distinct[k]!);
    numbered.numbering = numbering;
  }
  return numbered.numbers;
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
/** Per distinct word of `x`, 1 when `y` has it; reused likewise. */
const xHasInY = new Uint8Array(MAX_ALIGN_TOKENS);
/** The positions of `x` whose word `y` has, in order; reused likewise. */
const keptRow = new Int16Array(MAX_ALIGN_TOKENS);
/** The words (as indices among `x`'s distinct words) of the positions of `y` that `x` has; likewise. */
const keptWord = new Int16Array(MAX_ALIGN_TOKENS);
/** Per position of `x` (of `y`), and one past the end, the first kept row (column) at or after it. */
const nextRow = new Int16Array(MAX_ALIGN_TOKENS + 1);
const nextCol = new Int16Array(MAX_ALIGN_TOKENS + 1);

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
  const xNumbers = numbersOf(x);
  const yNumbers = numbersOf(y);
  const epoch = startMarking();
  for (let k = 0; k < x.distinct.length; k++) {
    markedIn[xNumbers[k]!] = epoch;
    indexIn[xNumbers[k]!] = k;
  }
  let shared = 0;
  for (let k = 0; k < y.distinct.length; k++) {
    const number = yNumbers[k]!;
    if (markedIn[number] !== epoch) yWordInX[k] = -1;
    else {
      const inX = indexIn[number]!;
      yWordInX[k] = inX;
      shared += Math.min(y.counts[k]!, x.counts[inX]!);
    }
  }
  return shared;
}

/**
 * The alignment itself, into `pairScratch`; returns how many pairs. `yWordInX` must hold this
 * pair's words (countSharedWords(x, y)).
 *
 * The table is built over the rows and columns whose word the other text has, only: a row of a word
 * `y` lacks equals the row below it, and a column of a word `x` lacks equals the column to its
 * right (no cell there can gain), so the full table's cell (i, j) is the compact table's cell at the
 * first kept row at or below i and the first kept column at or right of j. The traceback walks the
 * full table's cells through those maps, so the pairs, tie-breaks included, are the full table's.
 */
function alignWords(x: WordSequence, y: WordSequence): number {
  const n = x.ids.length;
  const m = y.ids.length;
  const xs = x.ids;
  const weights = x.weights;
  xHasInY.fill(0, 0, x.distinct.length);
  // Kept columns' words, and for every column the first kept one at or right of it (m: none).
  let cols = 0;
  for (let j = 0; j < m; j++) {
    const inX = yWordInX[y.ids[j]!]!;
    yInX[j] = inX;
    if (inX >= 0) {
      xHasInY[inX] = 1;
      keptWord[cols++] = inX;
    }
  }
  for (let j = m, b = cols; j >= 0; j--) {
    if (j < m && yInX[j]! >= 0) b--;
    nextCol[j] = b;
  }
  let rows = 0;
  for (let i = 0; i < n; i++) if (xHasInY[xs[i]!] === 1) keptRow[rows++] = i;
  for (let i = n, a = rows; i >= 0; i--) {
    if (i < n && xHasInY[xs[i]!] === 1) a--;
    nextRow[i] = a;
  }
  const w = cols + 1;
  const size = (rows + 1) * w;
  if (alignTable.length < size) alignTable = new Uint16Array(size);
  const dp = alignTable;
  dp.fill(0, rows * w, size);
  for (let a = rows - 1; a >= 0; a--) {
    const i = keptRow[a]!;
    const xi = xs[i]!;
    const weight = weights[i]!;
    const row = a * w;
    const next = row + w;
    dp[row + cols] = 0;
    // The cells to the right and diagonally below-right, carried along instead of read back.
    let right = 0;
    let diagonal = 0;
    for (let b = cols - 1; b >= 0; b--) {
      const below = dp[next + b]!;
      let cell = Math.max(below, right);
      if (xi === keptWord[b] && diagonal + weight > cell) cell = diagonal + weight;
      dp[row + b] = cell;
      right = cell;
      diagonal = below;
    }
  }
  let count = 0;
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const here = nextRow[i]! * w;
    const below = nextRow[i + 1]! * w;
    if (xs[i] === yInX[j] && dp[here + nextCol[j]!] === dp[below + nextCol[j + 1]!]! + weights[i]!) {
      pairScratch[2 * count] = i;
      pairScratch[2 * count + 1] = j;
      count++;
      i++;
      j++;
    } else if (dp[below + nextCol[j]!]! >= dp[here + nextCol[j + 1]!]!) i++;
    else j++;
  }
  return count;
}
