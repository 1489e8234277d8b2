/**
 * Quoted spans in a sentence and who the sentence attributes its words to.
 *
 * Quotes may open before the sentence or stay open after it, and say so. The speaker is a person
 * or speaking noun next to a speech verb; when no one is named the answer is null, never a guess.
 */

import { extractPeople, type PersonSpan } from './extract-people.ts';
import { type Token, tokenizeWithOffsets } from './tokenize-sentence.ts';
import { mapWords, SPEECH_VERB } from './word-kinds.ts';

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
  return findSpeakerInTokens(sentence, tokens, people);
}

export function findSpeakerInTokens(text: string, tokens: Token[], people: PersonSpan[]): string | null {
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
