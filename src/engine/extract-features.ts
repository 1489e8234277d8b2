/**
 * Extracts from one sentence the details that sources can disagree on: counted quantities with
 * their qualifier, weekdays tied to the event they date, dates, people with rank, service branch
 * and role, organisations, places, polarity per predicate, and quotations with their speaker.
 *
 * Works on any English sentence (seed claims and arbitrary page text alike), is pure and
 * deterministic, and prefers saying nothing over guessing: a detail it is unsure of is left out,
 * because every extracted detail can become a conflict shown to a reader.
 *
 * It runs on every matched page sentence, so sentences in TYPOGRAPHIC_TEXT (nearly all news
 * prose) take fast paths that skip Unicode regexes and folding. Each fast path must give exactly
 * what the general path gives for the same sentence.
 */

import { extractDates, extractDatesFromPlainText, extractDays } from './extract-dates.ts';
import { extractQuantities } from './extract-quantities.ts';
import { foldText, variantKey } from './normalize.ts';
import {
  isAsciiLetterOrDigit,
  type Token,
  TYPOGRAPHIC_TEXT,
  tokenizeWithOffsets,
} from './tokenize-sentence.ts';
import type { AcronymExpansion, Assertion, ClaimFeatures, PersonMention, Quotation } from './types.ts';
import {
  ASSERTION_WORD,
  mapWords,
  NAMES_SOMETHING_ELSE,
  NEGATION_WORD,
  ORG_ACRONYM,
  ORG_WORDS,
  PHRASAL_LEAVE,
  PLACES,
  PREDICATES,
  SPEECH_VERB,
} from './word-kinds.ts';

export { findEvents } from './extract-dates.ts';
export { NATIONALITIES } from './word-kinds.ts';

// ---- People, organisations, places ------------------------------------------------------------

const RANKS: ReadonlyArray<[string, string]> = [
  ['brigadier general', 'brigadier general'],
  ['brig gen', 'brigadier general'],
  ['major general', 'major general'],
  ['maj gen', 'major general'],
  ['lieutenant general', 'lieutenant general'],
  ['lt gen', 'lieutenant general'],
  ['ltg', 'lieutenant general'],
  ['sltg', 'lieutenant general'],
  ['lieutenant colonel', 'lieutenant colonel'],
  ['lt col', 'lieutenant colonel'],
  ['rear admiral', 'rear admiral'],
  ['vice admiral', 'vice admiral'],
  ['general', 'general'],
  ['gen', 'general'],
  ['colonel', 'colonel'],
  ['col', 'colonel'],
  ['admiral', 'admiral'],
  ['adm', 'admiral'],
  ['captain', 'captain'],
  ['capt', 'captain'],
  ['major', 'major'],
  ['maj', 'major'],
  ['sergeant', 'sergeant'],
  ['sgt', 'sergeant'],
  ['lieutenant', 'lieutenant'],
  ['commander', 'commander'],
];

const TITLES: ReadonlyArray<[string, string]> = [
  ['defense secretary', 'defense secretary'],
  ['defence secretary', 'defense secretary'],
  ['secretary of defense', 'defense secretary'],
  ['secretary of defence', 'defense secretary'],
  ['secretary of state', 'secretary of state'],
  ['prime minister', 'prime minister'],
  ['foreign minister', 'foreign minister'],
  ['supreme leader ayatollah', 'supreme leader'],
  ['supreme leader', 'supreme leader'],
  ['ayatollah', 'ayatollah'],
  ['president', 'president'],
  ['secretary', 'secretary'],
  ['minister', 'minister'],
  ['senator', 'senator'],
  ['sen', 'senator'],
  ['mp', 'mp'],
  ['spokesman', 'spokesman'],
  ['spokeswoman', 'spokeswoman'],
  ['mr', ''],
  ['mrs', ''],
  ['ms', ''],
  ['dr', ''],
];

/** Service branches by their one- or two-word folded name. */
const BRANCHES: ReadonlyMap<string, string> = new Map([
  ['marine corps', 'Marine Corps'],
  ['marine', 'Marine Corps'],
  ['marines', 'Marine Corps'],
  ['navy', 'Navy'],
  ['army', 'Army'],
  ['air force', 'Air Force'],
  ['coast guard', 'Coast Guard'],
  ['space force', 'Space Force'],
]);

interface PersonSpan extends PersonMention {
  startToken: number;
  endToken: number;
}

/** Phrases by their last word, each list in the table's order so the first listed match still wins. */
type PhraseIndex = ReadonlyMap<string, ReadonlyArray<{ words: string[]; canonical: string }>>;

function indexPhrasesByLastWord(phrases: ReadonlyArray<[string, string]>): PhraseIndex {
  const index = new Map<string, Array<{ words: string[]; canonical: string }>>();
  for (const [phrase, canonical] of phrases) {
    const words = phrase.split(' ');
    const last = words[words.length - 1]!;
    const list = index.get(last);
    if (list) list.push({ words, canonical });
    else index.set(last, [{ words, canonical }]);
  }
  return index;
}

const RANKS_BY_LAST_WORD = indexPhrasesByLastWord(RANKS);
const TITLES_BY_LAST_WORD = indexPhrasesByLastWord(TITLES);

function matchPhraseBefore(tokens: Token[], endExclusive: number, phrases: PhraseIndex) {
  const last = tokens[endExclusive - 1]?.low;
  if (last === undefined) return null;
  const candidates = phrases.get(last);
  if (candidates === undefined) return null;
  for (const { words, canonical } of candidates) {
    const from = endExclusive - words.length;
    if (from < 0) continue;
    let ok = true;
    for (let k = 0; k < words.length; k++) if (tokens[from + k]!.low !== words[k]) ok = false;
    if (ok) return { canonical, from };
  }
  return null;
}

function gapIsPlain(text: string, a: Token, b: Token): boolean {
  return !/[,.;:()\u201C\u201D"]/.test(text.slice(a.end, b.start));
}

/** Whether token `k` can be part of a person's name (a capitalised word that names nothing else). */
function isNameWordAt(tokens: Token[], k: number): boolean {
  const tk = tokens[k];
  if (!tk?.cap) return false;
  if ((tk.kinds & NAMES_SOMETHING_ELSE) !== 0) return false;
  if (/^[A-Z]{2,}$/.test(tk.raw) && !/^(?:I{2,3}|IV)$/.test(tk.raw)) return false;
  return true;
}

function extractPeople(text: string, tokens: Token[]): PersonSpan[] {
  const out: PersonSpan[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isNameWordAt(tokens, i)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < tokens.length && gapIsPlainName(text, tokens[j]!, tokens[j + 1]!)) {
      const nxt = tokens[j + 1]!;
      if (
        isNameWordAt(tokens, j + 1) ||
        /^[A-Z]$/.test(nxt.raw.replace(/\.$/, '')) ||
        /^(?:III|II|IV|Jr|Sr)$/.test(nxt.raw)
      ) {
        j++;
      } else break;
    }
    // Names are runs of capitalised words; a following organisation word means it is an organisation.
    const nextTok = tokens[j + 1];
    if (nextTok?.cap && ORG_WORDS.has(nextTok.low) && gapIsPlain(text, tokens[j]!, nextTok)) {
      i = j + 2;
      continue;
    }
    const rank = matchPhraseBefore(tokens, i, RANKS_BY_LAST_WORD);
    const title = rank ? null : matchPhraseBefore(tokens, i, TITLES_BY_LAST_WORD);
    const titleBeforeRank = rank ? matchPhraseBefore(tokens, rank.from, TITLES_BY_LAST_WORD) : null;
    const after = tokens[j + 1];
    const speaks = after !== undefined && (after.kinds & SPEECH_VERB) !== 0;
    const runLength = j - i + 1;
    const sentenceInitialSingle = i === 0 && runLength === 1;
    // "Milley, the chairman of ..." : a role appositive also marks a single word as a person.
    const hasRole = findRole(text, tokens[j]!.end) !== null;
    const isPerson =
      (rank !== null || title !== null || runLength >= 2 || speaks || hasRole) &&
      !(sentenceInitialSingle && !speaks && !rank && !hasRole);
    if (!isPerson) {
      i = j + 1;
      continue;
    }
    let surnameIndex = j;
    while (surnameIndex > i && /^(?:III|II|IV|Jr|Sr|[A-Z]\.?)$/.test(tokens[surnameIndex]!.raw))
      surnameIndex--;
    const surname = tokens[surnameIndex]!.low.replace(/['\u2019]s$/, '');
    // Branch: a service named just before the rank, with no punctuation between.
    let branch: string | null = null;
    const scanFrom = rank ? rank.from : title ? title.from : i;
    for (let k = scanFrom - 1; k >= Math.max(0, scanFrom - 4); k--) {
      if (!gapIsPlain(text, tokens[k]!, tokens[k + 1]!)) break;
      const one = tokens[k]!.low;
      const two = `${one} ${tokens[k + 1]?.low ?? ''}`;
      const hit = BRANCHES.get(two) ?? BRANCHES.get(one);
      if (hit !== undefined) {
        branch = hit;
        break;
      }
    }
    const role = findRole(text, tokens[j]!.end) ?? (title?.canonical || titleBeforeRank?.canonical || null);
    out.push({
      name: text.slice(tokens[rank ? rank.from : i]!.start, tokens[j]!.end),
      key: variantKey(surname),
      rank: rank?.canonical ?? null,
      branch,
      role: role || null,
      startToken: rank ? rank.from : i,
      endToken: j,
    });
    i = j + 1;
  }
  return out;
}

function gapIsPlainName(text: string, a: Token, b: Token): boolean {
  const gap = text.slice(a.end, b.start);
  return gap === ' ' || gap === '. ';
}

const ROLE_RE =
  /^['\u2019]?s?,?\s+(?:the\s+)?((?:deputy |assistant |acting |former |top )?(?:commanding general|commander|chairman|head|chief|director|secretary|spokesman|spokesperson|leader|minister|president|officer|adviser|advisor)\b(?:\s+of\s+[^,.;:\u201C\u201D"()]{2,80})?)/i;

/** The characters ROLE_RE can start with. */
const ROLE_START = /['\u2019s,\s]/i;

function findRole(text: string, from: number): string | null {
  if (!ROLE_START.test(text.charAt(from))) return null;
  const m = ROLE_RE.exec(text.slice(from, from + 140));
  if (!m) return null;
  return m[1]!
    .replace(/\s+(?:that|who|which|and was|and is|said|told|says|starts|reads|read|wrote|stated)\b.*$/i, '')
    .replace(/\s+/g, ' ')
    .trim();
}

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

function extractOrganisations(text: string, tokens: Token[], plain: boolean): string[] {
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
function extractPlaces(text: string, folded: string): string[] {
  return findPlaces(text, folded.replace(/[^a-z0-9 ]+/g, ' ').split(/ +/));
}

/** Places named in TYPOGRAPHIC_TEXT, read from its tokens instead of its folded form. */
function extractPlacesFromPlainText(text: string, tokens: Token[]): string[] {
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

// ---- Polarity ----------------------------------------------------------------------------------

const NEGATION_SCOPE = 8;

const LOWER_T = 116;

function isNegationCue(t: Token): boolean {
  if ((t.kinds & NEGATION_WORD) !== 0) return true;
  const low = t.low;
  return low.charCodeAt(low.length - 1) === LOWER_T && (low.endsWith("n't") || low.endsWith('n\u2019t'));
}

function predicateAt(tokens: Token[], k: number): string | null {
  const t = tokens[k]!;
  const predicate = PREDICATES.get(t.low);
  if (predicate !== undefined) return predicate;
  if (PHRASAL_LEAVE.has(t.low) && tokens[k + 1]?.low === 'out') return 'leave';
  return null;
}

function extractAssertions(text: string, tokens: Token[]): { assertions: Assertion[]; negated: boolean } {
  const negatedAt = new Map<number, number>();
  let anyNegation = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!isNegationCue(t)) continue;
    anyNegation = true;
    if (t.low === 'unsigned' || t.low === 'inaccurate') {
      negatedAt.set(i, i);
      continue;
    }
    for (let k = i + 1; k < tokens.length && k <= i + NEGATION_SCOPE; k++) {
      if (/[,;:.!?\u201C\u201D"]/.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start))) break;
      if (tokens[k]!.low === 'but') break;
      if (!negatedAt.has(k)) negatedAt.set(k, i);
    }
  }
  const assertions: Assertion[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if ((t.kinds & ASSERTION_WORD) === 0) continue;
    let predicate = predicateAt(tokens, k);
    if (t.low === 'unsigned') predicate = 'sign';
    if (t.low === 'inaccurate') predicate = 'accurate';
    if (!predicate) continue;
    const cue = negatedAt.get(k);
    const endTok = PHRASAL_LEAVE.has(t.low) ? tokens[k + 1]! : t;
    assertions.push({
      predicate,
      negated: cue !== undefined,
      text: text.slice(tokens[cue ?? k]!.start, endTok.end),
    });
  }
  return { assertions, negated: anyNegation };
}

// ---- Quotations and speakers ------------------------------------------------------------------

export interface QuoteSpan {
  text: string;
  start: number;
  end: number;
  /** True when the quote is not closed in this sentence (it continues in the next one). */
  open: boolean;
  /** True when the quote was opened before this sentence (no opening mark here). */
  continued: boolean;
}

/** Finds quoted spans: curly double quotes, straight double quotes, and multi-word curly single quotes. */
export function findQuotes(text: string): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  if (DOUBLE_QUOTE.test(text)) addDoubleQuoted(text, out);
  if (text.includes('\u2018')) addSingleQuoted(text, out);
  return out.length > 1 ? out.sort(compareStarts) : out;
}

const DOUBLE_QUOTE = /["\u201C\u201D]/;

function addDoubleQuoted(text: string, out: QuoteSpan[]): void {
  const pos = 0;
  let openAt = -1;
  let sawAny = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LEFT_DOUBLE_QUOTE || (c === STRAIGHT_DOUBLE_QUOTE && openAt === -1)) {
      if (openAt === -1) openAt = i + 1;
      sawAny = true;
    } else if (c === RIGHT_DOUBLE_QUOTE || (c === STRAIGHT_DOUBLE_QUOTE && openAt !== -1)) {
      if (openAt !== -1) pushQuote(text, out, openAt, i, false, false);
      else if (!sawAny) pushQuote(text, out, pos, i, false, true);
      openAt = -1;
      sawAny = true;
    }
  }
  if (openAt !== -1) pushQuote(text, out, openAt, text.length, true, false);
}

/** Curly single quotes around more than one word; one word in them is a term, not a quotation. */
function addSingleQuoted(text: string, out: QuoteSpan[]): void {
  for (const m of text.matchAll(/(?:^|[\s(])\u2018([^\u2018\u2019]+?)\u2019(?![\p{L}])/gu)) {
    if (m[1]!.trim().includes(' ')) {
      const s = m.index + m[0].indexOf('\u2018') + 1;
      pushQuote(text, out, s, s + m[1]!.length, false, false);
    }
  }
}

const STRAIGHT_DOUBLE_QUOTE = 34;
const LEFT_DOUBLE_QUOTE = 0x201c;
const RIGHT_DOUBLE_QUOTE = 0x201d;

function compareStarts(a: QuoteSpan, b: QuoteSpan): number {
  return a.start - b.start;
}

function pushQuote(
  text: string,
  out: QuoteSpan[],
  s: number,
  e: number,
  open: boolean,
  continued: boolean,
): void {
  const inner = text.slice(s, e).replace(/^[\s,.:;\u2026]+|[\s,.:;\u2026]+$/g, '');
  if (inner.length >= 2) out.push({ text: inner, start: s, end: e, open, continued });
}

const NOUN_SPEAKERS: ReadonlyMap<string, string> = mapWords({
  letter: 'letter memo draft document correspondence',
  spokesman: 'spokesman spokeswoman spokesperson',
  resolution: 'resolution',
  official: 'officer official officials',
  office: 'office statement',
  pentagon: 'pentagon',
  president: 'president',
  adviser: 'adviser advisor',
});
const PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'they', 'it', 'we']);
/** How many words before a speech verb a speaking noun ("the letter", "the President") may stand. */
const NOUN_SPEAKER_WINDOW = 16;

/**
 * Who the sentence attributes its words to: a normalised key (a person's surname skeleton, or
 * "letter", "spokesman", ...), "pronoun" when only "he"/"she" says it, or null when no one does.
 */
export function findSpeaker(sentence: string): string | null {
  const tokens = tokenizeWithOffsets(sentence);
  const people = extractPeople(sentence, tokens);
  return speakerFrom(sentence, tokens, people);
}

function speakerFrom(text: string, tokens: Token[], people: PersonSpan[]): string | null {
  for (let v = 0; v < tokens.length; v++) {
    const verb = tokens[v]!;
    const isVerb =
      (verb.kinds & SPEECH_VERB) !== 0 || (verb.low === 'according' && tokens[v + 1]?.low === 'to');
    if (!isVerb) continue;
    // Person or noun just before the verb (allowing an appositive: "Milley, chairman of ..., said").
    let best: string | null = null;
    for (const p of people) {
      const end = tokens[p.endToken]!;
      if (p.endToken < v && verb.start - end.end <= 120) {
        const gap = text.slice(end.end, verb.start);
        if (/[\u201C\u201D"]/.test(gap)) continue;
        if (
          gap.trim() === '' ||
          /^,[^,]*,\s*$/.test(gap) ||
          /^\s+\w+\s*$/.test(gap) ||
          /^['\u2019]s?\s*$/.test(gap)
        ) {
          best = p.key;
        }
      }
    }
    if (best) return best;
    for (let k = v - 1; k >= Math.max(0, v - NOUN_SPEAKER_WINDOW); k--) {
      const low = tokens[k]!.low;
      const noun = NOUN_SPEAKERS.get(low);
      if (noun !== undefined) return noun;
      if (k === v - 1 && PRONOUNS.has(low)) return 'pronoun';
      if (/[\u201C\u201D"]/.test(text.slice(tokens[k]!.end, tokens[k + 1]!.start))) break;
    }
    // "read the letter from ...": the document speaks, not its author.
    const after1 = tokens[v + 1]?.low;
    const after2 = tokens[v + 2]?.low;
    if ((after1 === 'the' || after1 === 'a') && after2 !== undefined) {
      const nounAfter = NOUN_SPEAKERS.get(after2);
      if (nounAfter !== undefined) return nounAfter;
    }
    // Person right after the verb: "..., says US Secretary of Defence, Mark Esper." / "according to Esper".
    for (const p of people) {
      const start = tokens[p.startToken]!;
      if (
        p.startToken > v &&
        start.start - verb.end <= 50 &&
        !/[\u201C\u201D"]/.test(text.slice(verb.end, start.start))
      ) {
        return p.key;
      }
    }
  }
  // "But he stops ... saying “...”": a pronoun subject that introduces a quotation.
  if (/^(?:(?:but|and|however|then|later),?\s+)?(?:he|she)\b/i.test(text) && /[\u201C"]/.test(text))
    return 'pronoun';
  return null;
}

// ---- Acronyms ----------------------------------------------------------------------------------

const ACRONYM = '[A-Z][A-Z0-9]{1,9}(?:-[A-Z][A-Z0-9]{1,9})?';
const EXPANSION = String.raw`[A-Z][\p{L}'’]*(?:[ \u2013\u2014-]+(?:[A-Z][\p{L}'’]*|of|and|for|the))+`;
const STANDS_FOR = new RegExp(String.raw`\b(${ACRONYM}) stands for (${EXPANSION})`, 'gu');
const IN_BRACKETS = new RegExp(String.raw`\b(${ACRONYM}) \((${EXPANSION})\)`, 'gu');

/** "CJTF-OIR stands for X" and "CJTF-OIR (X)": what an acronym is said to stand for. */
function extractExpansions(text: string): AcronymExpansion[] {
  const out: AcronymExpansion[] = [];
  // Each pattern holds its literal, so a sentence without it cannot match.
  if (text.includes(' stands for ')) addExpansions(text, STANDS_FOR, out);
  if (text.includes(' (')) addExpansions(text, IN_BRACKETS, out);
  return out;
}

function addExpansions(text: string, pattern: RegExp, out: AcronymExpansion[]): void {
  for (const m of text.matchAll(pattern)) out.push({ acronym: m[1]!, expansion: m[2]!.trim() });
}

// ---- Entry point -------------------------------------------------------------------------------

/**
 * Extracts the checkable details of one sentence. `context.speaker` is who the surrounding
 * paragraph attributes quotes to, used when the sentence itself names no speaker.
 */
export function extractFeatures(sentence: string, context?: { speaker?: string | null }): ClaimFeatures {
  const plain = TYPOGRAPHIC_TEXT.test(sentence);
  const tokens = tokenizeWithOffsets(sentence, plain);
  const folded = plain ? null : foldText(sentence);
  const peopleSpans = extractPeople(sentence, tokens);
  const ownSpeaker = speakerFrom(sentence, tokens, peopleSpans);
  const contextSpeaker = context?.speaker ?? null;
  const speaker = ownSpeaker && ownSpeaker !== 'pronoun' ? ownSpeaker : contextSpeaker;
  const quotes: Quotation[] = findQuotes(sentence).map((q) => ({ text: q.text, speaker }));
  const { assertions, negated } = extractAssertions(sentence, tokens);
  const dayMentions = extractDays(tokens);
  const people = peopleSpans.length === 0 ? [] : dedupePeople(peopleSpans.map(toPersonMention));
  return {
    quantities: extractQuantities(sentence, tokens),
    days: dayMentions.length === 0 ? [] : [...new Set(dayMentions.map((d) => d.day))].sort(),
    dates: folded === null ? extractDatesFromPlainText(sentence) : extractDates(folded),
    people,
    organisations: extractOrganisations(sentence, tokens, plain),
    places: folded === null ? extractPlacesFromPlainText(sentence, tokens) : extractPlaces(sentence, folded),
    negated,
    quotes,
    dayMentions,
    assertions,
    expansions: extractExpansions(sentence),
  };
}

function toPersonMention(span: PersonSpan): PersonMention {
  return { name: span.name, key: span.key, rank: span.rank, branch: span.branch, role: span.role };
}

function dedupePeople(people: PersonMention[]): PersonMention[] {
  const byKey = new Map<string, PersonMention>();
  for (const p of people) {
    const prev = byKey.get(p.key);
    if (!prev) byKey.set(p.key, p);
    else
      byKey.set(p.key, {
        name: prev.name.length >= p.name.length ? prev.name : p.name,
        key: p.key,
        rank: prev.rank ?? p.rank,
        branch: prev.branch ?? p.branch,
        role: prev.role ?? p.role,
      });
  }
  return [...byKey.values()];
}
