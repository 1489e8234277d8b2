/**
 * Weekdays with the event each one dates ("killed on Friday"), the event classes a sentence
 * mentions, and calendar dates normalised to ISO form.
 *
 * A weekday takes the nearest event word within EVENT_WINDOW tokens, or none. The plain-text
 * date path folds only when a date can be there and must give what the general path gives.
 */

import { foldText } from './normalize.ts';
import { type Token, tokenizeWithOffsets } from './tokenize-sentence.ts';
import type { DayMention } from './types.ts';
import { MONTHS, WEEKDAY } from './word-kinds.ts';

const ANY_DIGIT = /\d/;

/**
 * Event classes that weekdays attach to, by the stems that start their words; statements only by
 * whole words. The first class listed wins.
 */
const EVENT_WORDS: ReadonlyArray<{ event: string; stems: string; whole: boolean }> = [
  {
    event: 'killing',
    stems: 'kill assassinat airstrike air-strike strike drone death died dead attack',
    whole: false,
  },
  {
    event: 'vote',
    stems: 'vote voted voting resolution parliament mps motion passed adopted expel',
    whole: false,
  },
  { event: 'funeral', stems: 'funeral mourn buried burial', whole: false },
  { event: 'flights', stems: 'helicopter flying flew flight', whole: false },
  {
    event: 'statement',
    stems:
      'said says told tell added insisted stated stressed warned responded urged claimed denied announced wrote',
    whole: true,
  },
];
const EVENT_WINDOW = 9;

interface EventStem {
  stem: string;
  event: string;
  whole: boolean;
}

/** EVENT_WORDS' stems by first letter, in the table's order, so a word is tried against a few. */
const EVENT_STEMS_BY_FIRST_LETTER = indexEventStems();

function indexEventStems(): ReadonlyMap<string, readonly EventStem[]> {
  const index = new Map<string, EventStem[]>();
  for (const { event, stems, whole } of EVENT_WORDS) {
    for (const stem of stems.split(' ')) {
      const list = index.get(stem[0]!);
      if (list) list.push({ stem, event, whole });
      else index.set(stem[0]!, [{ stem, event, whole }]);
    }
  }
  return index;
}

function eventOf(low: string): string | null {
  const candidates = EVENT_STEMS_BY_FIRST_LETTER.get(low.charAt(0));
  if (candidates === undefined) return null;
  for (const { stem, event, whole } of candidates)
    if (whole ? low === stem : low.startsWith(stem)) return event;
  return null;
}

/** The event classes (killing, vote, statement, ...) a sentence's words mention, sorted. */
export function findEvents(sentence: string): string[] {
  const out = new Set<string>();
  for (const t of tokenizeWithOffsets(sentence)) {
    const event = eventOf(t.low);
    if (event) out.add(event);
  }
  return [...out].sort();
}

export function extractDays(tokens: Token[]): DayMention[] {
  const out: DayMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const day = tokens[i]!.low;
    if ((tokens[i]!.kinds & WEEKDAY) === 0) continue;
    let best: { event: string; dist: number } | null = null;
    for (let d = 1; d <= EVENT_WINDOW; d++) {
      for (const k of [i - d, i + d]) {
        const t = tokens[k];
        if (!t) continue;
        const event = eventOf(t.low);
        if (event && (!best || d < best.dist)) best = { event, dist: d };
      }
      if (best) break;
    }
    out.push({ day, event: best?.event ?? null });
  }
  return out;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Date patterns over folded text, compiled once (matchAll copies a regex, so sharing is safe). */
const MONTH_NAMES = [...MONTHS.keys()].join('|');
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
const MONTH_DAY_YEAR = new RegExp(
  `\\b(${MONTH_NAMES})\\.? (\\d{1,2})(?:st|nd|rd|th)?(?:,? (\\d{4}))?\\b`,
  'g',
);
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2}) (${MONTH_NAMES})\\b(?:,? (\\d{4}))?`, 'g');
const MONTH_YEAR = new RegExp(`\\b(${MONTH_NAMES}) (\\d{4})\\b`, 'g');

/** Dates in a sentence already folded by `foldText`. Every pattern needs a digit. */
export function extractDates(folded: string): string[] {
  const out = new Set<string>();
  if (!ANY_DIGIT.test(folded)) return [];
  for (const m of folded.matchAll(ISO_DATE)) out.add(`${m[1]}-${m[2]}-${m[3]}`);
  for (const m of folded.matchAll(MONTH_DAY_YEAR)) {
    const month = MONTHS.get(m[1]!)!;
    const day = Number(m[2]);
    if (day < 1 || day > 31) continue;
    out.add(m[3] ? `${m[3]}-${pad(month)}-${pad(day)}` : `--${pad(month)}-${pad(day)}`);
  }
  for (const m of folded.matchAll(DAY_MONTH_YEAR)) {
    const month = MONTHS.get(m[2]!)!;
    const day = Number(m[1]);
    if (day < 1 || day > 31) continue;
    out.add(m[3] ? `${m[3]}-${pad(month)}-${pad(day)}` : `--${pad(month)}-${pad(day)}`);
  }
  for (const m of folded.matchAll(MONTH_YEAR)) out.add(`${m[2]}-${pad(MONTHS.get(m[1]!)!)}`);
  return [...out].sort();
}

/** Every month name in MONTHS starts with one of these, as a whole word's start. */
const MONTH_PREFIX = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
/** ISO_DATE before folding turns en and em dashes into hyphens. */
const ISO_DATE_SHAPE = /\d{4}[-\u2013\u2014]\d{2}[-\u2013\u2014]\d{2}/;

/**
 * `extractDates` for TYPOGRAPHIC_TEXT, folding it only when a date can be there: folding such
 * text creates no digit, no letter and no word boundary, and every date pattern needs a digit
 * and either a month name or the ISO shape.
 */
export function extractDatesFromPlainText(text: string): string[] {
  if (!ANY_DIGIT.test(text)) return [];
  if (!MONTH_PREFIX.test(text) && !ISO_DATE_SHAPE.test(text)) return [];
  return extractDates(foldText(text));
}
