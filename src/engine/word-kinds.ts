/**
 * The word lists that the tokenizer tags every token against, and the bits it tags them with.
 *
 * One lookup per token (`lookUpWordKinds`) tells the extractors which lists hold the word, so
 * most tokens, which are in no list, cost a single map miss instead of one per list. Every list
 * that feeds WORD_KINDS lives here, ahead of it, so the table is complete before any sentence is
 * tokenised; lists only one extractor reads stay with that extractor.
 */

import { createTable } from './normalize.ts';

/** A word -> value map from space-separated word lists, one list per value. */
export function mapWords(lists: Record<string, string>): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const [value, words] of Object.entries(lists))
    for (const word of words.split(' ')) map.set(word, value);
  return map;
}

export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['six', 6],
  ['seven', 7],
  ['eight', 8],
  ['nine', 9],
  ['ten', 10],
  ['eleven', 11],
  ['twelve', 12],
  ['fifteen', 15],
  ['twenty', 20],
  ['thirty', 30],
  ['forty', 40],
  ['fifty', 50],
  ['hundred', 100],
  ['thousand', 1000],
  ['dozen', 12],
]);

/** Words that multiply the number before them ("five thousand", "2 trillion"). */
export const MULTIPLIER_WORDS: ReadonlyMap<string, number> = new Map([
  ['hundred', 100],
  ['thousand', 1000],
  ['million', 1e6],
  ['billion', 1e9],
  ['trillion', 1e12],
]);

export const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1],
  ['jan', 1],
  ['february', 2],
  ['feb', 2],
  ['march', 3],
  ['mar', 3],
  ['april', 4],
  ['apr', 4],
  ['may', 5],
  ['june', 6],
  ['jun', 6],
  ['july', 7],
  ['jul', 7],
  ['august', 8],
  ['aug', 8],
  ['september', 9],
  ['sep', 9],
  ['sept', 9],
  ['october', 10],
  ['oct', 10],
  ['november', 11],
  ['nov', 11],
  ['december', 12],
  ['dec', 12],
]);

const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

/** Words naming whose things are counted; different countries never compare. */
export const NATIONALITIES: Readonly<Record<string, string>> = createTable({
  us: 'us',
  usa: 'us',
  american: 'us',
  americans: 'us',
  uk: 'uk',
  british: 'uk',
  britain: 'uk',
  iranian: 'iran',
  iran: 'iran',
  iraqi: 'iraq',
  iraq: 'iraq',
  canadian: 'canada',
  canada: 'canada',
  french: 'france',
  france: 'france',
  german: 'germany',
  germany: 'germany',
  australian: 'australia',
  australia: 'australia',
  italian: 'italy',
  italy: 'italy',
  spanish: 'spain',
  spain: 'spain',
  dutch: 'netherlands',
  netherlands: 'netherlands',
  danish: 'denmark',
  denmark: 'denmark',
  turkish: 'turkey',
  turkey: 'turkey',
  kurdish: 'kurd',
  syrian: 'syria',
  syria: 'syria',
  israeli: 'israel',
  israel: 'israel',
  foreign: 'foreign',
  coalition: 'coalition',
  nato: 'nato',
});

/** NATIONALITIES as a Map: looking arbitrary words up in an object is slower. */
export const NATIONALITY_OF: ReadonlyMap<string, string> = new Map(Object.entries(NATIONALITIES));

const SPEECH_VERBS: ReadonlySet<string> = new Set(
  (
    'said says say told tells added adds insisted insists stated states stressed warned warns wrote writes reads ' +
    'read announced claimed claims explained noted declared tweeted responded urged asked saying stating adding ' +
    'insisting starts begins'
  ).split(' '),
);

/** Capitalised words that are never part of a person's name. */
const NOT_NAME = new Set(
  (
    'the a an in on at of for and but or to by from with as after before when while if this that these those it its ' +
    'he she they we i his her their our later earlier however following tensions meanwhile also then there ' +
    'general gen brigadier brig major maj lieutenant lt ltg sltg colonel col admiral adm captain capt sergeant sgt ' +
    'commander secretary president minister prime supreme leader ayatollah mr mrs ms dr senator sen mp spokesman ' +
    'defense defence army navy marine marines corps air force chairman chief head deputy director us usa uk ' +
    'sir breaking period what who why how where photo image source reuters afp aap iii jr sr united states kingdom'
  ).split(' '),
);

export const ORG_WORDS = new Set(
  (
    'parliament ministry department operations operation force forces corps army navy agency government embassy ' +
    'coalition council guard guards task joint combined state house news zone area airport republic times ' +
    'equipment dollars office chiefs staff command committee party union nations organization organisation ' +
    'revolutionary military base airforce resolution international inherent pentagon bank university court ' +
    'police service services company group'
  ).split(' '),
);

const ORG_ACRONYMS = new Set([
  'isis',
  'isil',
  'daesh',
  'nato',
  'cjtf-oir',
  'pentagon',
  'reuters',
  'irgc',
  'un',
  'eu',
  'cia',
  'fbi',
  'afp',
  'aap',
]);

export const PLACES: ReadonlyArray<[string, string]> = [
  ['united states', 'us'],
  ['usa', 'us'],
  ['america', 'us'],
  ['us', 'us'],
  ['uk', 'uk'],
  ['britain', 'uk'],
  ['iraq', 'iraq'],
  ['iran', 'iran'],
  ['baghdad', 'baghdad'],
  ['tehran', 'tehran'],
  ['kuwait', 'kuwait'],
  ['washington', 'washington'],
  ['dubai', 'dubai'],
  ['yemen', 'yemen'],
  ['saada', 'saada'],
  ['syria', 'syria'],
  ['israel', 'israel'],
  ['middle east', 'middle east'],
  ['green zone', 'green zone'],
  ['international zone', 'green zone'],
  ['international area', 'green zone'],
  ['qatar', 'qatar'],
  ['saudi arabia', 'saudi arabia'],
  ['lebanon', 'lebanon'],
  ['afghanistan', 'afghanistan'],
  ['canada', 'canada'],
  ['london', 'london'],
  ['kirkuk', 'kirkuk'],
  ['erbil', 'erbil'],
  ['basra', 'basra'],
  ['mosul', 'mosul'],
  ['white house', 'white house'],
];

/** Single-word place names, for telling a place from a person's name. */
const PLACE_WORDS: ReadonlySet<string> = new Set(PLACES.map(([name]) => name));

/** Predicates whose polarity sources contradict each other on; word -> predicate. */
export const PREDICATES: ReadonlyMap<string, string> = mapWords({
  leave: 'leave leaving withdraw withdrawal withdrawing withdrawn pullout depart departure departing exit',
  sign: 'sign signed signing',
  accurate: 'accurate',
  confirm: 'confirm confirmed confirms',
  stay: 'stay staying remain remaining',
});
/** Verbs that mean leaving when "out" follows ("pull out"). */
export const PHRASAL_LEAVE: ReadonlySet<string> = new Set(
  'pull pulling pulled move moving moved movement'.split(' '),
);

const NEGATION_WORDS: ReadonlySet<string> = new Set(
  'no not never none nothing without neither nor deny denied denies denying cannot unsigned inaccurate'.split(
    ' ',
  ),
);

// Bits of Token.kinds. Most tokens are in no list, so one lookup per token replaces one per list.
export const NUMBER_WORD = 1;
export const WEEKDAY = 2;
export const SPEECH_VERB = 4;
export const ORG_ACRONYM = 8;
export const NEGATION_WORD = 16;
/** A predicate, a phrasal "leave" verb, or a negated predicate ("unsigned"). */
export const ASSERTION_WORD = 32;
/** Words that name something other than a person. */
export const NAMES_SOMETHING_ELSE = 64;

/** Built after every word list it reads; tokens are made only once the module has loaded. */
const WORD_KINDS = buildWordKinds();

export function lookUpWordKinds(low: string): number {
  return WORD_KINDS.get(low) ?? 0;
}

function buildWordKinds(): ReadonlyMap<string, number> {
  const kinds = new Map<string, number>();
  const mark = (words: Iterable<string>, kind: number): void => {
    for (const word of words) kinds.set(word, (kinds.get(word) ?? 0) | kind);
  };
  mark(NUMBER_WORDS.keys(), NUMBER_WORD);
  mark(WEEKDAYS, WEEKDAY);
  mark(SPEECH_VERBS, SPEECH_VERB);
  mark(ORG_ACRONYMS, ORG_ACRONYM);
  mark(NEGATION_WORDS, NEGATION_WORD);
  mark([...PREDICATES.keys(), ...PHRASAL_LEAVE, 'unsigned', 'inaccurate'], ASSERTION_WORD);
  for (const words of [
    NOT_NAME,
    ORG_WORDS,
    ORG_ACRONYMS,
    MONTHS.keys(),
    WEEKDAYS,
    NATIONALITY_OF.keys(),
    PLACE_WORDS,
  ])
    mark(words, NAMES_SOMETHING_ELSE);
  return kinds;
}
