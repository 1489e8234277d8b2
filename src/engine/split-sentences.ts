/**
 * Splits text into sentences with character offsets into the input, so every sentence can be
 * mapped back to its source (claims) or to the DOM (content script). Must keep true:
 * - `text === input.slice(start, end)`, sentences in order, never overlapping, trimmed of spaces;
 * - abbreviations, initials, dotted initialisms and decimals do not end a sentence
 *   ("Brig. Gen. William H. Seely III", "U.S. troops", "Mr. Esper", "3.5 km");
 * - closing quotes and brackets stay with the sentence they close;
 * - a blank line always ends a sentence; a single newline ends one unless it is a soft wrap;
 * - linear time in the input length (the backward look at the word before a dot is bounded).
 */

export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

/** Lower-cased words that, followed by a dot, are abbreviations rather than sentence ends. */
const ABBREVIATIONS: ReadonlySet<string> = new Set(
  (
    'mr mrs ms mssrs messrs dr prof rev hon gen brig lt col maj capt cpt sgt cpl pvt adm cmdr cdr gov sen rep ' +
    'pres supt insp det st mt ft jr sr esq amb dept univ assn bros corp inc ltd vs etc al approx ' +
    'fig no nos vol pp jan feb mar apr jun jul aug sep sept oct nov dec e.g i.e ave blvd'
  ).split(' '),
);

/** Abbreviations that only stay open when a number follows ("No. 10", "Jan. 6"). */
const NUMERIC_ABBREVIATIONS: ReadonlySet<string> = new Set(
  'no nos vol pp fig jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '),
);

/** Words that commonly open a sentence; after "U.S." they signal a real sentence end. */
const SENTENCE_OPENERS: ReadonlySet<string> = new Set(
  'the a an he she it they we i but and however in on this that there his her its their our'.split(' '),
);

const CLOSERS = new Set(['"', "'", '\u201D', '\u2019', ')', ']', '\u00BB']);
const MAX_WORD_LOOKBACK = 24;

/** Any Unicode white space except the line feed, which splitting treats on its own. */
function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '\n' && /\s/.test(ch);
}

function isUpperStart(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  return /[\p{Lu}\p{Lt}0-9"'\u201C\u2018(\u00AB[]/u.test(ch);
}

function isLowerLetter(ch: string | undefined): boolean {
  return ch !== undefined && /\p{Ll}/u.test(ch);
}

/** The word (letters and inner dots) ending just before index `dot`, bounded in length. */
function wordBefore(text: string, dot: number): string {
  let i = dot - 1;
  const stop = Math.max(0, dot - MAX_WORD_LOOKBACK);
  while (i >= stop && /[\p{L}.]/u.test(text[i]!)) i--;
  return text.slice(i + 1, dot);
}

/** The next word starting at `from` (skipping opening quotes), lower-cased. */
function wordAfter(text: string, from: number): string {
  let i = from;
  while (i < text.length && /["'\u201C\u2018(]/.test(text[i]!)) i++;
  let j = i;
  while (j < text.length && j - i < MAX_WORD_LOOKBACK && /\p{L}/u.test(text[j]!)) j++;
  return text.slice(i, j).toLowerCase();
}

/** Decides whether the dot at `dot` (followed by whitespace and then `next` at `nextIndex`) ends a sentence. */
function dotEndsSentence(text: string, dot: number, nextIndex: number): boolean {
  const word = wordBefore(text, dot);
  const next = text[nextIndex];
  if (word.length === 0) return true;
  const lower = word.toLowerCase();
  if (NUMERIC_ABBREVIATIONS.has(lower) && /[0-9]/.test(next ?? '')) return false;
  if (ABBREVIATIONS.has(lower) && !NUMERIC_ABBREVIATIONS.has(lower)) return false;
  // A single capital letter is an initial ("William H. Seely").
  if (/^\p{Lu}$/u.test(word)) return false;
  // Dotted initialism ("U.S.", "U.K."): only a sentence end when a typical opener follows.
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return SENTENCE_OPENERS.has(wordAfter(text, nextIndex));
  return true;
}

/** Whether a newline at `nl` separates sentences (false for a soft-wrapped line). */
function newlineBreaks(text: string, nl: number): boolean {
  let p = nl - 1;
  while (p >= 0 && isSpace(text[p])) p--;
  let n = nl + 1;
  while (n < text.length && isSpace(text[n])) n++;
  if (text[n] === '\n') return true;
  const prev = text[p];
  const next = text[n];
  const softEnd = prev !== undefined && (isLowerLetter(prev) || prev === ',' || prev === ';' || prev === '-');
  return !(softEnd && isLowerLetter(next));
}

/** A short quotation that closes with a comma ("“Poorly worded. Not so,” he said") is one sentence. */
const MAX_INLINE_QUOTE = 100;

/**
 * For each curly or straight double opening quote, where its quotation ends when it is short and
 * closes with `,”` on the same line: sentence ends inside it are ignored. One pass, linear.
 */
function findInlineQuotes(text: string): Map<number, number> {
  const spans = new Map<number, number>();
  let open = -1;
  let straightOpen = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') {
      open = -1;
      continue;
    }
    const isOpen = ch === '\u201C' || (ch === '"' && !straightOpen);
    const isClose = ch === '\u201D' || (ch === '"' && straightOpen);
    if (isOpen && open === -1) {
      open = i;
      straightOpen = ch === '"';
    } else if (isClose && open !== -1) {
      if (i - open <= MAX_INLINE_QUOTE && text[i - 1] === ',') spans.set(open, i);
      open = -1;
      straightOpen = false;
    }
  }
  return spans;
}

/** Splits `text` into sentences with offsets; see the module comment for the guarantees. */
export function splitSentences(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let segStart = 0;
  const inlineQuotes = findInlineQuotes(text);
  let quoteEnd = -1;

  const emit = (from: number, to: number): void => {
    let s = from;
    let e = to;
    while (s < e && (isSpace(text[s]) || text[s] === '\n')) s++;
    while (e > s && (isSpace(text[e - 1]) || text[e - 1] === '\n')) e--;
    if (e > s) out.push({ text: text.slice(s, e), start: s, end: e });
  };

  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const closeAt = inlineQuotes.get(i);
    if (closeAt !== undefined) quoteEnd = closeAt;
    if (i < quoteEnd && ch !== '\n') {
      i++;
      continue;
    }
    if (ch === '\n') {
      if (newlineBreaks(text, i)) {
        emit(segStart, i);
        segStart = i + 1;
      }
      i++;
      continue;
    }
    if (ch === '.' || ch === '!' || ch === '?') {
      // Swallow runs of terminal punctuation and closing quotes/brackets.
      let end = i + 1;
      while (end < text.length && (text[end] === '.' || text[end] === '!' || text[end] === '?')) end++;
      while (end < text.length && CLOSERS.has(text[end]!)) end++;
      const isEllipsis = ch === '.' && end - i >= 3 && text[i + 1] === '.' && text[i + 2] === '.';
      let next = end;
      while (next < text.length && isSpace(text[next])) next++;
      if (next === text.length) {
        i = end;
        continue;
      }
      if (next === end || text[next] === '\n' || isEllipsis) {
        // No space after ("3.5", "U.S.-led"), or a newline (handled above), or "...": not a break here.
        i = end;
        continue;
      }
      if (!isUpperStart(text[next])) {
        i = end;
        continue;
      }
      if (ch === '.' && end === i + 1 && !dotEndsSentence(text, i, next)) {
        i = end;
        continue;
      }
      emit(segStart, end);
      segStart = end;
      i = end;
      continue;
    }
    i++;
  }
  emit(segStart, text.length);
  return out;
}
