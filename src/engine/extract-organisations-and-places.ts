/**
 * Organisations and places named in a sentence, and what its acronyms are said to stand for.
 *
 * Organisations are known acronyms and capitalised runs holding an organisation word, cut at
 * rank and title words so a person's name is not read as one. The plain-text paths read the
 * tokens instead of folded text and must give what the general paths give.
 */

import { foldText } from './normalize.ts';
import { isAsciiLetterOrDigit, type Token } from './tokenize-sentence.ts';
import type { AcronymExpansion } from './types.ts';
import { ORG_ACRONYM, ORG_WORDS, PLACES } from './word-kinds.ts';

const ORG_NOISE = new Set([
  'the',
  'us',
  'usa',
  'uk',
  'united',
  'states',
  'breaking',
  'sir',
  'but',
  'and',
  'in',
  'on',
  'at',
]);
const PERSON_TITLE_WORDS = new Set(
  'general gen brigadier brig major maj lieutenant lt colonel col admiral adm captain capt sergeant sgt mr mrs ms dr president minister prime secretary spokesman'.split(
    ' ',
  ),
);

export function extractOrganisations(text: string, tokens: Token[], plain: boolean): string[] {
  const out = new Set<string>();
  for (const t of tokens)
    if ((t.kinds & ORG_ACRONYM) !== 0) out.add(t.low === 'isil' || t.low === 'daesh' ? 'isis' : t.low);
  if (/\bislamic state\b/i.test(text)) out.add('isis');
  // Capitalised runs containing an organisation word: "Combined Joint Operations Baghdad", "Joint Chiefs of Staff".
  // In plain text folding adds no spaces, so a one-word run cannot hold a two-word organisation.
  const runs = plain ? CAPITALISED_RUN_OF_WORDS : CAPITALISED_RUN;
  runs.lastIndex = 0;
  for (let m = runs.exec(text); m !== null; m = runs.exec(text)) addOrganisationsOfRun(m[0], out);
  return [...out].sort();
}

/** Capitalised runs: "Combined Joint Operations Baghdad", "Joint Chiefs of Staff". */
const CAPITALISED_RUN =
  /\b[A-Z][\p{L}'\u2019-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\p{L}'\u2019-]*)*(?:\s+of\s+Staff)?/gu;
/**
 * The CAPITALISED_RUN matches of more than one word. A one-word match of that pattern is a whole
 * word, so no longer match can start inside it, and skipping it leaves the other matches as they were.
 */
const CAPITALISED_RUN_OF_WORDS =
  /\b[A-Z][\p{L}'\u2019-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\p{L}'\u2019-]*)+(?:\s+of\s+Staff)?/gu;

/** Adds each segment of a capitalised run that holds an organisation word. */
function addOrganisationsOfRun(run: string, out: Set<string>): void {
  const words = foldText(run)
    .replace(/['\u2019]s\b/g, '')
    .split(/\s+/);
  // Rank and title words separate an organisation from a person ("Marine Corps | Brigadier General ...").
  let segment: string[] = [];
  let hasOrgWord = false;
  for (const w of words) {
    if (ORG_NOISE.has(w)) continue;
    if (PERSON_TITLE_WORDS.has(w)) {
      if (segment.length >= 2 && hasOrgWord) out.add(segment.join(' '));
      segment = [];
      hasOrgWord = false;
    } else {
      segment.push(w);
      if (ORG_WORDS.has(w)) hasOrgWord = true;
    }
  }
  if (segment.length >= 2 && hasOrgWord) out.add(segment.join(' '));
}

/** Place names by their first word, so a sentence is read once instead of once per place. */
const PLACES_BY_FIRST_WORD: ReadonlyMap<string, ReadonlyArray<[string[], string]>> = (() => {
  const map = new Map<string, Array<[string[], string]>>();
  for (const [name, canonical] of PLACES) {
    if (name === 'us') continue;
    const words = name.split(' ');
    const list = map.get(words[0]!);
    if (list) list.push([words, canonical]);
    else map.set(words[0]!, [[words, canonical]]);
  }
  return map;
})();

/** "US" is read on the raw text: folded, it is the pronoun "us". */
const US_ABBREVIATION = /(?:^|[^\p{L}])U\.?S\.?A?(?![\p{L}])/u;

/**
 * The words `extractPlaces` reads in folded TYPOGRAPHIC_TEXT (its runs of ASCII letters and
 * digits, lower-cased), taken from the plain-text tokens: most tokens are such a run already.
 */
function listPlainWords(text: string, tokens: Token[]): string[] {
  const words: string[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (!t.joined) {
      words.push(t.low);
      continue;
    }
    // The runs in the token, and in any part of its match cut off at a comma ("Iraq,US").
    const regionEnd = k + 1 < tokens.length ? tokens[k + 1]!.start : text.length;
    let start = t.start;
    while (start < regionEnd) {
      const end = wordEndFrom(text, start);
      words.push(text.slice(start, end).toLowerCase());
      start = nextWordStart(text, end);
    }
  }
  return words;
}

function nextWordStart(text: string, from: number): number {
  let i = from;
  while (i < text.length && !isAsciiLetterOrDigit(text.charCodeAt(i))) i++;
  return i;
}

function wordEndFrom(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && isAsciiLetterOrDigit(text.charCodeAt(i))) i++;
  return i;
}

/** Places named in `text`; `folded` is `foldText(text)`. */
export function extractPlaces(text: string, folded: string): string[] {
  return findPlaces(text, folded.replace(/[^a-z0-9 ]+/g, ' ').split(/ +/));
}

/** Places named in TYPOGRAPHIC_TEXT, read from its tokens instead of its folded form. */
export function extractPlacesFromPlainText(text: string, tokens: Token[]): string[] {
  return findPlaces(text, listPlainWords(text, tokens));
}

/** Places among the folded `words` of `text`. */
function findPlaces(text: string, words: string[]): string[] {
  const out = new Set<string>();
  if (text.includes('U') && US_ABBREVIATION.test(text)) out.add('us');
  for (let i = 0; i < words.length; i++) {
    const names = PLACES_BY_FIRST_WORD.get(words[i]!);
    if (names === undefined) continue;
    for (const [name, canonical] of names) {
      let k = 1;
      while (k < name.length && words[i + k] === name[k]) k++;
      if (k === name.length) out.add(canonical);
    }
  }
  return [...out].sort();
}

const ACRONYM = '[A-Z][A-Z0-9]{1,9}(?:-[A-Z][A-Z0-9]{1,9})?';
const EXPANSION = String.raw`[A-Z][\p{L}'’]*(?:[ \u2013\u2014-]+(?:[A-Z][\p{L}'’]*|of|and|for|the))+`;
const STANDS_FOR = new RegExp(String.raw`\b(${ACRONYM}) stands for (${EXPANSION})`, 'gu');
const IN_BRACKETS = new RegExp(String.raw`\b(${ACRONYM}) \((${EXPANSION})\)`, 'gu');

/** "CJTF-OIR stands for X" and "CJTF-OIR (X)": what an acronym is said to stand for. */
export function extractExpansions(text: string): AcronymExpansion[] {
  const out: AcronymExpansion[] = [];
  // Each pattern holds its literal, so a sentence without it cannot match.
  if (text.includes(' stands for ')) addExpansions(text, STANDS_FOR, out);
  if (text.includes(' (')) addExpansions(text, IN_BRACKETS, out);
  return out;
}

function addExpansions(text: string, pattern: RegExp, out: AcronymExpansion[]): void {
  for (const m of text.matchAll(pattern)) out.push({ acronym: m[1]!, expansion: m[2]!.trim() });
}
