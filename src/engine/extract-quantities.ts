/**
 * Counted quantities in a sentence ("more than 5,000 US troops"): value, unit, qualifier and
 * whose things are counted.
 *
 * A number is a count only when a unit follows it within a few words. Numbers after a month name,
 * year-like numbers at the end or before a capitalised word, and number words not followed by a
 * plural noun are left out. A count of the hurt or killed, or of those at one site, gets a `scope`
 * (Quantity.scope), read from the words right after it in its clause: follow-up reports count
 * casualties and one base's troops in the words the seeds use for the country's 5,000.
 */

import { canonicalWord, stemWord } from './normalize.ts';
import { DIGIT_0, DIGIT_9, DIGIT_GROUPS, type Token } from './tokenize-sentence.ts';
import type { Quantity, QuantityQualifier, QuantityScope } from './types.ts';
import { MONTHS, MULTIPLIER_WORDS, NATIONALITY_OF, NUMBER_WORD, NUMBER_WORDS } from './word-kinds.ts';

/** The multiplier words, and the abbreviations a count may use after digits ("$2bn", "5 m"). */
const MULTIPLIERS: ReadonlyMap<string, number> = new Map([...MULTIPLIER_WORDS, ['m', 1e6], ['bn', 1e9]]);

const QUALIFIERS_2: ReadonlyArray<[string, QuantityQualifier]> = [
  ['more than', 'more-than'],
  ['greater than', 'more-than'],
  ['upwards of', 'more-than'],
  ['in excess of', 'more-than'],
  ['at least', 'at-least'],
  ['no fewer than', 'at-least'],
  ['no less than', 'at-least'],
  ['less than', 'less-than'],
  ['fewer than', 'less-than'],
  ['at most', 'at-most'],
  ['up to', 'at-most'],
  ['no more than', 'at-most'],
  ['close to', 'nearly'],
  ['as many as', 'at-most'],
];

const QUALIFIERS_1: ReadonlyMap<string, QuantityQualifier> = new Map([
  ['about', 'about'],
  ['around', 'about'],
  ['some', 'about'],
  ['roughly', 'about'],
  ['approximately', 'about'],
  ['approx', 'about'],
  ['estimated', 'about'],
  ['circa', 'about'],
  ['nearly', 'nearly'],
  ['almost', 'nearly'],
  ['over', 'more-than'],
  ['under', 'less-than'],
]);

const UNIT_ADJECTIVES = new Set([
  'additional',
  'extra',
  'new',
  'more',
  'other',
  'active',
  'combat',
  'military',
  'elite',
  'armed',
  'regular',
  'reserve',
]);

/** Capitalised words naming a service, kept as modifiers of a counted unit ("5,000 Army troops"). */
const SERVICE_MODIFIERS: ReadonlySet<string> = new Set(
  'army navy marine marines air force corps special national guard'.split(' '),
);

/**
 * Words that make a count one of casualties: "25 US troops were hurt", "34 service members suffered
 * traumatic brain injuries", "three wounded soldiers".
 */
const CASUALTY_WORDS: ReadonlySet<string> = new Set(
  'killed dead died wounded injured injuries injury hurt casualties treated hospitalised hospitalized evacuated missing captured concussion concussions'.split(
    ' ',
  ),
);
/**
 * A casualty word this many words after the counted noun at most still says what happened to them:
 * "were diagnosed with brain injuries" is five. Further on it is usually another clause's event
 * ("5,000 troops in Iraq after Soleimani was killed").
 */
const CASUALTY_REACH = 5;
/** A singular site noun: "at Al Asad air base", "at a base in Kuwait"; "at bases across Iraq" is not one site. */
const SITE_WORDS: ReadonlySet<string> = new Set(
  'base airbase camp airport embassy compound outpost'.split(' '),
);
/** "stationed at", "are based at": the preposition within this many words after the counted noun. */
const SITE_PREPOSITION_REACH = 3;
/** "at Ain al-Asad air base": the site noun within this many words after the preposition. */
const SITE_NOUN_REACH = 4;
/** Punctuation between two words that ends the counted noun's clause. */
const CLAUSE_BREAK = /[,;:()\u2013\u2014]|\.\s/;

/**
 * The scope of the count whose noun ends at token `unitEnd` (Quantity.scope); undefined when the
 * words after it in its clause narrow it to no casualties and no single site.
 */
function findScope(text: string, tokens: readonly Token[], unitEnd: number): QuantityScope | undefined {
  let preposition = -1;
  let site = false;
  for (let j = unitEnd + 1; j < tokens.length && j <= unitEnd + CASUALTY_REACH + SITE_NOUN_REACH; j++) {
    if (CLAUSE_BREAK.test(text.slice(tokens[j - 1]!.end, tokens[j]!.start))) break;
    const low = tokens[j]!.low;
    const reach = j - unitEnd;
    if (reach <= CASUALTY_REACH && CASUALTY_WORDS.has(low)) return 'casualties';
    if (preposition < 0 && reach <= SITE_PREPOSITION_REACH && (low === 'at' || low === 'on')) preposition = j;
    else if (preposition >= 0 && j - preposition <= SITE_NOUN_REACH && SITE_WORDS.has(low)) site = true;
  }
  return site ? 'site' : undefined;
}

/** Verbs by which a country holds or sends what it counts: "The United States has about 5,000 troops". */
const HOLDING_VERBS: ReadonlySet<string> = new Set(
  'has have had keeps keep kept maintains maintain sent sends send deployed deploys deploy stations'.split(
    ' ',
  ),
);
/** Possessives that point back to a country named before them: "Germany … its 120 soldiers". */
const POSSESSIVES: ReadonlySet<string> = new Set(['its', 'their']);
/** Prepositions that make the country after them a place, not an owner. */
const LOCATIVES: ReadonlySet<string> = new Set(
  'in at from to into across inside near within outside'.split(' '),
);
/** Modifiers that already say whose the counted things are. */
const OWNERS: ReadonlySet<string> = new Set(NATIONALITY_OF.values());

/**
 * Whose the things counted from token `first` on (the count's first word, its qualifier included)
 * are, when no country stands after the number: the country right before it ("Germany's 120
 * soldiers"), the one that holds them ("The United States has about 5000 troops"), or the one a
 * possessive points back to, the nearest named before it ("Germany said it would withdraw 35 of its
 * 120 soldiers"). Undefined when none is written.
 */
function findOwner(tokens: readonly Token[], first: number): string | undefined {
  const before = tokens[first - 1]?.low;
  if (before === undefined) return undefined;
  // "Germany's 120 soldiers": the tokenizer has dropped the possessive's "'s". "In Iraq 5,000
  // troops" names where they are, not whose.
  const adjacent = countryEndingAt(tokens, first - 1);
  if (adjacent !== undefined) return LOCATIVES.has(tokens[first - 2]?.low ?? '') ? undefined : adjacent;
  if (HOLDING_VERBS.has(before)) return countryEndingAt(tokens, first - 2);
  if (!POSSESSIVES.has(before)) return undefined;
  for (let k = first - 2; k >= 0; k--) {
    const country = countryEndingAt(tokens, k);
    if (country !== undefined) return country;
  }
  return undefined;
}

/** The country named by the word at `k`, or by "United States"/"United Kingdom" ending there. */
function countryEndingAt(tokens: readonly Token[], k: number): string | undefined {
  const low = tokens[k]?.low;
  if (low === undefined) return undefined;
  if (tokens[k - 1]?.low === 'united') return low === 'states' ? 'us' : low === 'kingdom' ? 'uk' : undefined;
  const country = NATIONALITY_OF.get(low);
  return country === 'foreign' ? undefined : country;
}

function startsWithDigit(word: string): boolean {
  const c = word.charCodeAt(0);
  return c >= DIGIT_0 && c <= DIGIT_9;
}

function parseNumber(low: string): number | null {
  if (!startsWithDigit(low)) {
    return NUMBER_WORDS.get(low) ?? null;
  }
  if (DIGIT_GROUPS.test(low)) return Number(low.replace(/,/g, ''));
  if (/^\d+(?:\.\d+)?$/.test(low)) return Number(low);
  return null;
}

interface Unit {
  unit: string;
  modifiers: string[];
  end: number;
  /** A casualty word stood between the number and the noun ("three wounded soldiers"). */
  casualties: boolean;
}

function unitOf(tokens: Token[], from: number): Unit | null {
  const modifiers: string[] = [];
  let casualties = false;
  for (let j = from; j < tokens.length && j < from + 5; j++) {
    const t = tokens[j]!;
    if (t.low === 'of') return null;
    if (CASUALTY_WORDS.has(t.low) && j + 1 < tokens.length) {
      casualties = true;
      continue;
    }
    const nat = NATIONALITY_OF.get(t.low);
    if (nat !== undefined) {
      modifiers.push(nat);
      continue;
    }
    if (UNIT_ADJECTIVES.has(t.low)) continue;
    if (t.cap && SERVICE_MODIFIERS.has(t.low)) {
      modifiers.push(t.low);
      continue;
    }
    if (startsWithDigit(t.low) || t.low.length < 2) return null;
    if (STOP_AFTER_NUMBER.has(t.low)) return null;
    let unit = stemWord(canonicalWord(t.low));
    let end = j;
    if (t.low === 'service' && tokens[j + 1]?.low === 'members') {
      unit = 'troops';
      end = j + 1;
    }
    if (unit === 'troop') unit = 'troops';
    return { unit, modifiers: [...new Set(modifiers)].sort(), end, casualties };
  }
  return null;
}

const STOP_AFTER_NUMBER = new Set(
  'a an the and or but of to in on at by for with from is are was were be been has have had will would per than as that this who which'.split(
    ' ',
  ),
);

export function extractQuantities(text: string, tokens: Token[]): Quantity[] {
  const out: Quantity[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if ((t.kinds & NUMBER_WORD) === 0 && !startsWithDigit(t.low)) continue;
    let value = parseNumber(t.low);
    if (value === null) continue;
    const prev = tokens[i - 1]?.low ?? '';
    if (MONTHS.has(prev)) continue;
    if (/^(?:19|20)\d\d$/.test(t.low) && (MONTHS.has(prev) || !tokens[i + 1] || tokens[i + 1]!.cap)) continue;
    let j = i + 1;
    while (j < tokens.length && MULTIPLIERS.has(tokens[j]!.low)) {
      value *= MULTIPLIERS.get(tokens[j]!.low)!;
      j++;
    }
    if ((t.kinds & NUMBER_WORD) !== 0 && t.low !== 'hundred' && t.low !== 'thousand') {
      // Number words are only counts when a plural noun follows ("two helicopters", "three
      // wounded soldiers").
      let k = j;
      while (k + 1 < tokens.length && CASUALTY_WORDS.has(tokens[k]!.low)) k++;
      const next = tokens[k];
      if (!next || !/s$/.test(next.low)) continue;
    }
    const unit = unitOf(tokens, j);
    if (!unit) continue;
    let qualifier: QuantityQualifier = 'exact';
    // The count's first token, its qualifier included.
    let first = i;
    const p2 = `${tokens[i - 2]?.low ?? ''} ${prev}`;
    const p3 = `${tokens[i - 3]?.low ?? ''} ${p2}`;
    const q3 = QUALIFIERS_2.find(([phrase]) => phrase === p3);
    const q2 = QUALIFIERS_2.find(([phrase]) => phrase === p2);
    if (q3) {
      qualifier = q3[1];
      first = i - 3;
    } else if (q2) {
      qualifier = q2[1];
      first = i - 2;
    } else if (QUALIFIERS_1.has(prev)) {
      qualifier = QUALIFIERS_1.get(prev)!;
      first = i - 1;
    }
    if (!unit.modifiers.some((m) => OWNERS.has(m))) {
      const owner = findOwner(tokens, first);
      if (owner !== undefined) unit.modifiers = [...unit.modifiers, owner].sort();
    }
    const quantity: Quantity = {
      value,
      unit: unit.unit,
      qualifier,
      text: text.slice(tokens[first]!.start, tokens[unit.end]!.end),
      modifiers: unit.modifiers,
    };
    const scope = unit.casualties ? 'casualties' : findScope(text, tokens, unit.end);
    if (scope !== undefined) quantity.scope = scope;
    out.push(quantity);
    i = unit.end;
  }
  return out;
}
