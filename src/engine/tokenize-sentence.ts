/**
 * Splits a sentence into word tokens with their offsets, folded form, capitalisation and word
 * kinds: the one reading of the text every extractor works from.
 *
 * Sentences in TYPOGRAPHIC_TEXT (nearly all news prose) are read char by char without Unicode
 * regexes or folding; that path must give exactly the tokens the general path gives.
 */

import { foldText } from './normalize.ts';
import { lookUpWordKinds } from './word-kinds.ts';

export interface Token {
  raw: string;
  /** Folded, lower-cased, without dots ("U.S." -> "us"). */
  low: string;
  start: number;
  end: number;
  cap: boolean;
  /**
   * False only for a plain-text token that is a whole run of ASCII letters and digits: then `low`
   * is the run, lower-cased, and no other letter or digit stands before the next token.
   */
  joined: boolean;
  /** WORD_KINDS bits of `low`: which word lists hold it, looked up once per token. */
  kinds: number;
}

const TOKEN_RE = /[\p{L}\p{N}](?:[\p{L}\p{N}'\u2019.,&-]*[\p{L}\p{N}])?/gu;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/**
 * Text whose only letters and digits are ASCII ones and whose other characters fold to
 * punctuation or spaces: the tokenizer and the extractors read such text on fast paths, unfolded.
 */
export const TYPOGRAPHIC_TEXT = /^[\t\n\r\x20-\x7e\u2018\u2019\u201C\u201D\u2013\u2014\u00A0\u2026]*$/;

export const DIGIT_GROUPS = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/** Drops a trailing possessive ('s or \u2019s) and every dot: "U.S." -> "us", "Iraq's" -> "iraq". */
function lowForm(folded: string): string {
  let low = folded;
  const n = low.length;
  if (n >= 2 && low.charCodeAt(n - 1) === 115 && (low[n - 2] === "'" || low[n - 2] === '\u2019'))
    low = low.slice(0, n - 2);
  return low.includes('.') ? low.replace(/\./g, '') : low;
}

export function tokenizeWithOffsets(text: string, plain = TYPOGRAPHIC_TEXT.test(text)): Token[] {
  return plain ? tokenizePlainText(text) : tokenizeAnyText(text);
}

function tokenizeAnyText(text: string): Token[] {
  const out: Token[] = [];
  const asciiText = PRINTABLE_ASCII.test(text);
  for (const m of text.matchAll(TOKEN_RE)) {
    let raw = m[0];
    // ASCII tokens (nearly all) skip Unicode folding, which is the costly part. Folding first lets
    // full-width digit groups ("５,０００") be read as the number they fold to.
    const isAscii = asciiText || PRINTABLE_ASCII.test(raw);
    const comparable = isAscii ? raw : foldText(raw);
    // Keep "5,000" and "U.S" whole, but split "Iraq,US" style joins and trailing possessives.
    if (comparable.includes(',') && !DIGIT_GROUPS.test(comparable)) raw = raw.split(',')[0]!;
    const start = m.index;
    const folded = isAscii ? raw.toLowerCase() : foldText(raw);
    const first = raw.charCodeAt(0);
    const cap = isAscii ? first >= 65 && first <= 90 : /^\p{Lu}/u.test(raw);
    const low = lowForm(folded);
    out.push({ raw, low, start, end: start + raw.length, cap, joined: true, kinds: lookUpWordKinds(low) });
  }
  return out;
}

const APOSTROPHE = 39;
const RIGHT_SINGLE_QUOTE = 0x2019;
const FULL_STOP = 46;
const COMMA = 44;
const AMPERSAND = 38;
const HYPHEN = 45;
const UPPER_A = 65;
const UPPER_Z = 90;

export const DIGIT_0 = 48;
export const DIGIT_9 = 57;

export function isAsciiLetterOrDigit(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= UPPER_A && c <= UPPER_Z) || (c >= DIGIT_0 && c <= DIGIT_9);
}

/** Characters TOKEN_RE lets a token run on through, besides letters and digits. */
function isTokenJoiner(c: number): boolean {
  return (
    c === APOSTROPHE ||
    c === RIGHT_SINGLE_QUOTE ||
    c === FULL_STOP ||
    c === COMMA ||
    c === AMPERSAND ||
    c === HYPHEN
  );
}

/** A plain-text token that holds joiners: split at a comma, folded, and stripped as `tokenizeAnyText` does. */
function createJoinedToken(whole: string, start: number, cap: boolean): Token {
  const raw = whole.includes(',') && !DIGIT_GROUPS.test(whole) ? whole.slice(0, whole.indexOf(',')) : whole;
  // Only a curly apostrophe needs folding; folded, it is the straight one.
  const folded = raw.includes('\u2019') ? foldText(raw) : raw.toLowerCase();
  const low = lowForm(folded);
  return { raw, low, start, end: start + raw.length, cap, joined: true, kinds: lookUpWordKinds(low) };
}

/**
 * `tokenizeAnyText` for TYPOGRAPHIC_TEXT, read char by char: there every letter and digit is
 * ASCII, so TOKEN_RE's Unicode classes and most folding reduce to ASCII tests.
 */
function tokenizePlainText(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isAsciiLetterOrDigit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let end = i + 1;
    // Whether a joiner was scanned; a word without one (nearly all) needs no further look.
    let joined = false;
    for (let j = end; j < n; j++) {
      const c = text.charCodeAt(j);
      if (isAsciiLetterOrDigit(c)) end = j + 1;
      else if (isTokenJoiner(c)) joined = true;
      else break;
    }
    i = end;
    const raw = text.slice(start, end);
    const first = raw.charCodeAt(0);
    const cap = first >= UPPER_A && first <= UPPER_Z;
    if (joined) out.push(createJoinedToken(raw, start, cap));
    else {
      const low = raw.toLowerCase();
      out.push({ raw, low, start, end, cap, joined: false, kinds: lookUpWordKinds(low) });
    }
  }
  return out;
}
