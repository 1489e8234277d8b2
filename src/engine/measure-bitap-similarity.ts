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
 * property test: random and hostile text, and every seed claim against every other).
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

/** 1 − Fuse.js's score of `sentence` against each text, in order; 0 where Fuse.js returns nothing. */
export function measureBitapSimilarities(sentence: string, texts: readonly string[]): number[] {
  const out = new Array<number>(texts.length).fill(0);
  // Fuse.js answers a blank query with every item and no score.
  if (texts.length === 0 || sentence.trim() === '') return out;
  const pattern = sentence.toLowerCase();
  const chunks = cutChunks(pattern);
  texts.forEach((original, i) => {
    // Fuse.js does not index a blank text.
    if (original.trim() === '') return;
    const text = original.toLowerCase();
    if (text === pattern) {
      out[i] = 1;
      return;
    }
    let total = 0;
    let anyMatch = false;
    for (const chunk of chunks) {
      const edits = countChunkEdits(chunk, text);
      // Bitap tries error counts below the chunk's length only: a chunk it has to delete whole
      // does not match, and scores 1.
      if (edits < chunk.length) anyMatch = true;
      total += Math.max(MIN_CHUNK_SCORE, edits / chunk.length);
    }
    if (anyMatch) out[i] = 1 - (total / chunks.length) ** computeFieldNorm(original);
  });
  return out;
}
