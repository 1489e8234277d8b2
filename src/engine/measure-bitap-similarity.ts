/**
 * Fuse.js's similarity of a sentence to a text, computed at a fraction of Fuse.js's cost. With the
 * options the grey zone uses (FUSE_OPTIONS in score-match.ts: case-insensitive, ignoreLocation,
 * threshold 1), Fuse.js lowercases both strings, cuts the sentence into 32-character chunks (the
 * last one overlapping), finds for each chunk the fewest edits that turn it into some stretch of
 * the text, averages the chunks' error rates and raises the average to the text's field norm. It
 * finds those edits with Wu–Manber Bitap, which reads the whole text once per error count: ten to
 * twenty passes for a grey-zone pair, about 0.1 ms per chunk, which made Fuse.js three quarters of
 * the matching time on real news prose. Myers' bit-vector algorithm finds the same fewest edits in
 * one pass.
 *
 * Must keep true: equal to `fuseSimilarities` (Fuse.js itself) for every input, to the last bit, so
 * FUSE_RESCUE keeps the meaning it was calibrated with (tests/engine/measure-bitap-similarity
 * property test: random and hostile text, and every seed claim against every other); and
 * `findBitapRescues`, which the matcher calls, answers exactly whether that value reaches a floor.
 */

/** Fuse.js's pattern chunk: Bitap keeps a chunk's states in one 32-bit integer. */
const CHUNK_LENGTH = 32;
/** Fuse.js's floor for a chunk's error rate (bitap/search.ts `Math.max(0.001, finalScore)`). */
const MIN_CHUNK_SCORE = 0.001;

/** Bit masks of the chunk's characters by UTF-16 code unit, reused between chunks. */
const asciiMasks = new Int32Array(128);
const otherMasks = new Map<number, number>();

/**
 * The fewest insertions, deletions and substitutions that turn `chunk` (at most 32 code units) into
 * some substring of `text`, the empty one included: Myers (1999) with a free start in the text.
 */
function countChunkEdits(chunk: string, text: string): number {
  const m = chunk.length;
  asciiMasks.fill(0);
  otherMasks.clear();
  for (let i = 0; i < m; i++) {
    const code = chunk.charCodeAt(i);
    if (code < 128) asciiMasks[code]! |= 1 << i;
    else otherMasks.set(code, (otherMasks.get(code) ?? 0) | (1 << i));
  }
  const last = 1 << (m - 1);
  let positive = -1;
  let negative = 0;
  let edits = m;
  let fewest = m;
  for (let j = 0; j < text.length; j++) {
    const code = text.charCodeAt(j);
    const eq = code < 128 ? asciiMasks[code]! : (otherMasks.get(code) ?? 0);
    const xv = eq | negative;
    // The sum may pass 32 bits; `^` truncates it, dropping the carry as the algorithm wants.
    const xh = (((eq & positive) + positive) ^ positive) | eq;
    let ph = negative | ~(xh | positive);
    let mh = positive & xh;
    if (ph & last) edits++;
    else if (mh & last) edits--;
    // No `| 1` after the shifts: a match may start anywhere in the text at no cost.
    ph <<= 1;
    mh <<= 1;
    positive = mh | ~(xv | ph);
    negative = ph & xv;
    if (edits < fewest) fewest = edits;
  }
  return fewest;
}

/** Fuse.js's field norm of a text (tools/fieldNorm.ts, weight 1, three decimals). */
function computeFieldNorm(text: string): number {
  let tokens = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 9 && code <= 13) || code === 32 || code === 160) inWord = false;
    else if (!inWord) {
      tokens++;
      inWord = true;
    }
  }
  return Math.round(1000 / Math.max(1, tokens) ** 0.5) / 1000;
}

/** Fuse.js's pattern chunks (search/bitap/index.ts): whole 32s, then the last 32 if a rest is left. */
function cutChunks(pattern: string): string[] {
  if (pattern.length <= CHUNK_LENGTH) return [pattern];
  const chunks: string[] = [];
  const rest = pattern.length % CHUNK_LENGTH;
  for (let i = 0; i < pattern.length - rest; i += CHUNK_LENGTH)
    chunks.push(pattern.slice(i, i + CHUNK_LENGTH));
  if (rest > 0) chunks.push(pattern.slice(pattern.length - CHUNK_LENGTH));
  return chunks;
}

/**
 * A text prepared once for any number of sentences: lower-cased as Fuse.js compares it, with its
 * field norm. The matcher keeps one per claim, so neither is worked out again per grey-zone pair.
 */
export interface BitapText {
  readonly lower: string;
  readonly norm: number;
  /** Fuse.js does not index a blank text: it never matches. */
  readonly blank: boolean;
}

export function prepareBitapText(text: string): BitapText {
  return { lower: text.toLowerCase(), norm: computeFieldNorm(text), blank: text.trim() === '' };
}

/**
 * Margin kept by the early decisions of `findBitapRescues`: a bound within it of the floor is not
 * trusted to the last bit (Math.pow is not guaranteed monotonic), so that text's chunks are all
 * scored. Far below any difference the rescue floor was calibrated on.
 */
const DECISION_MARGIN = 1e-12;

/** 1 − Fuse.js's score of `sentence` against each text, in order; 0 where Fuse.js returns nothing. */
export function measureBitapSimilarities(sentence: string, texts: readonly string[]): number[] {
  const out = new Array<number>(texts.length).fill(0);
  // Fuse.js answers a blank query with every item and no score.
  if (texts.length === 0 || sentence.trim() === '') return out;
  const pattern = sentence.toLowerCase();
  const chunks = cutChunks(pattern);
  texts.forEach((original, i) => {
    const target = prepareBitapText(original);
    if (target.blank) return;
    out[i] = target.lower === pattern ? 1 : scoreChunks(chunks, target, -Infinity);
  });
  return out;
}

/**
 * Whether each text's similarity (`measureBitapSimilarities`) reaches `floor`, the same answer to
 * the last bit, found with less work: a text's chunks are scored in Fuse.js's order, and scoring
 * stops once the chunks left could not carry the similarity across the floor either way (each
 * chunk scores between MIN_CHUNK_SCORE and 1).
 */
export function findBitapRescues(sentence: string, texts: readonly BitapText[], floor: number): boolean[] {
  // A blank sentence scores nothing: Fuse.js lists every item without a score.
  if (sentence.trim() === '') return texts.map(() => 0 >= floor);
  const pattern = sentence.toLowerCase();
  const chunks = cutChunks(pattern);
  return texts.map((target) => {
    if (target.blank) return 0 >= floor;
    if (target.lower === pattern) return 1 >= floor;
    return scoreChunks(chunks, target, floor) >= floor;
  });
}

/**
 * The similarity of `chunks` to `target` as Fuse.js computes it, or, once the unscored chunks can
 * no longer move it across `decideAt`, a value on the same side of `decideAt` (-Infinity: score
 * every chunk). Bounds are summed in the order of the exact total: rounded addition is monotonic,
 * so a bound summed that way is a bound of the rounded total too.
 */
function scoreChunks(chunks: readonly string[], target: BitapText, decideAt: number): number {
  const n = chunks.length;
  const decide = decideAt !== -Infinity;
  let total = 0;
  let anyMatch = false;
  for (let k = 0; k < n; k++) {
    const chunk = chunks[k]!;
    const edits = countChunkEdits(chunk, target.lower);
    // Bitap tries error counts below the chunk's length only: a chunk it has to delete whole
    // does not match, and scores 1.
    if (edits < chunk.length) anyMatch = true;
    total += Math.max(MIN_CHUNK_SCORE, edits / chunk.length);
    if (!decide || k === n - 1) continue;
    let least = total;
    let most = total;
    for (let rest = k + 1; rest < n; rest++) {
      least += MIN_CHUNK_SCORE;
      most += 1;
    }
    // The best the similarity can still be is below the floor: the text is not rescued.
    if (1 - (least / n) ** target.norm < decideAt - DECISION_MARGIN) return -Infinity;
    // The worst it can still be reaches the floor (a chunk already matched, so it scores).
    if (anyMatch && 1 - (most / n) ** target.norm >= decideAt + DECISION_MARGIN) return Infinity;
  }
  return anyMatch ? 1 - (total / n) ** target.norm : 0;
}
