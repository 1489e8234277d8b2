/**
 * Decides how two claims that are already known to state the same fact relate: they agree, they
 * conflict (and on which details), or they render the same quotation in other words.
 *
 * Must keep true, because readers act on it:
 * - symmetric: swapping `a` and `b` gives the same stance and mirrored details;
 * - a conflict is only reported between like and like: the same counted thing (never 5,000 US
 *   troops against 400 British soldiers), the same event's weekday, the same person's attribute,
 *   the same predicate's polarity;
 * - qualifiers are honoured: "more than 5,000" agrees with "5,200", "about 5,000" does not;
 * - works on arbitrary sentences (the matcher compares page sentences with source claims);
 * - a kind of detail is read from one claim only when the other has some (findFeatureNeeds), so
 *   the matcher extracts only those kinds from a page sentence.
 */

import { type AlignedPairs, alignIfOverlapping, toWordSequence, type WordSequence } from './align-words.ts';
import { findEvents, findSpeaker, NO_FEATURES } from './extract-features.ts';
import { boundedLevenshtein, createTable, foldText, STOPWORDS, stemWord } from './normalize.ts';
import type {
  Assertion,
  ComparedFeatures,
  DayMention,
  Detail,
  FeatureNeeds,
  PersonMention,
  Quantity,
  Quotation,
  Stance,
} from './types.ts';

export interface ComparableClaim {
  text: string;
  features: ComparedFeatures;
  /** What compareClaims derived from `text` (see DerivedText); its own memo, never set by callers. */
  [DERIVED]?: DerivedText;
}

export interface Comparison {
  stance: Stance;
  details: Detail[];
}

/** What a sub-comparison finding nothing returns (most do, for most pairs): shared, never written to. */
const NO_DETAILS: readonly Detail[] = [];

/**
 * What compareClaims derives from a claim's text alone (its words, named speaker, events),
 * remembered per claim object: the matcher compares one page sentence with several sources and
 * one source with many page sentences, and re-folding and re-tokenising the same text for every
 * pair was most of the cost. Kept on the claim object itself under a private symbol (a WeakMap
 * lookup per pair cost more than the rest of derivedOf; nothing outlives its claim, and symbol keys
 * are invisible to JSON and Object.keys) and checked against the text, so a caller that reuses an
 * object with another text still gets fresh values.
 */
interface DerivedText {
  text: string;
  words?: WordSequence;
  /** Whether any of `words` is a NEGATION_WORD. */
  negates?: boolean;
  speaker?: string | null;
  events?: string[];
}
const DERIVED: unique symbol = Symbol('derived');

function derivedOf(claim: ComparableClaim): DerivedText {
  let d = claim[DERIVED];
  if (d === undefined || d.text !== claim.text) {
    d = { text: claim.text };
    // A frozen claim still compares, without the memo.
    if (Object.isExtensible(claim)) claim[DERIVED] = d;
  }
  return d;
}

/**
 * Remembers what a function derives from one string of a feature object (a quotation's words, a
 * person's parsed role): source claims live as long as the matcher and a page sentence meets
 * several sources, so each object's value is worked out once. Checked against the string, like
 * `derivedOf`, so a reused object with another string gets a fresh value.
 */
function memoizePerObject<K extends object, V>(
  derive: (source: string) => V,
): (owner: K, source: string) => V {
  const cache = new WeakMap<K, { source: string; value: V }>();
  return (owner, source) => {
    let entry = cache.get(owner);
    if (entry === undefined || entry.source !== source) {
      entry = { source, value: derive(source) };
      cache.set(owner, entry);
    }
    return entry.value;
  };
}

function claimWords(claim: ComparableClaim): WordSequence {
  return wordsIn(derivedOf(claim));
}

function wordsIn(d: DerivedText): WordSequence {
  if (d.words === undefined) d.words = toWordSequence(d.text);
  return d.words;
}

function isNegating(d: DerivedText): boolean {
  if (d.negates === undefined)
    d.negates = mayHaveNegationWord(d.text) && wordsIn(d).words.some((w) => NEGATION_WORD.test(w));
  return d.negates;
}

/**
 * Text whose folding changes no letter: ASCII plus the typographic quotes, dashes, ellipsis and
 * no-break space that `foldText` maps to ASCII punctuation. Same set as foldText's fast path.
 */
const FOLDS_LETTERS_UNCHANGED = /^[\t\n\r\x20-\x7e\u2018\u2019\u201C\u201D\u2013\u2014\u2026\u00A0]*$/;
/**
 * Matches wherever `toWordSequence` could yield a NEGATION_WORD: the word standing alone, or an n't.
 * A necessary condition only, so most sentences (nine in ten carry no negation) skip tokenising.
 */
const NEGATION_CUE =
  /(?<![a-z0-9])(?:no|not|never|none|nor|neither|longer|without|cannot)(?![a-z0-9])|n['`\u2018\u2019]t/i;

function mayHaveNegationWord(text: string): boolean {
  return !FOLDS_LETTERS_UNCHANGED.test(text) || NEGATION_CUE.test(text);
}

function claimSpeaker(claim: ComparableClaim): string | null {
  const d = derivedOf(claim);
  if (d.speaker === undefined) d.speaker = findSpeaker(claim.text);
  return d.speaker;
}

function claimEvents(claim: ComparableClaim): string[] {
  const d = derivedOf(claim);
  if (d.events === undefined) d.events = findEvents(claim.text);
  return d.events;
}

// ---- Numbers -----------------------------------------------------------------------------------

/** Relative difference under which two point values count as the same number (rounding noise). */
const SAME_NUMBER_TOLERANCE = 0.005;
/** "nearly X" covers values from this fraction of X up to X. */
const NEARLY_LOWER_BOUND = 0.9;

const NATIONALITY_VALUES = new Set([
  'us',
  'uk',
  'iran',
  'iraq',
  'canada',
  'france',
  'germany',
  'australia',
  'italy',
  'spain',
  'netherlands',
  'denmark',
  'turkey',
  'kurd',
  'syria',
  'israel',
]);

function nationalitiesOf(q: Quantity): string[] {
  return (q.modifiers ?? []).filter((m) => NATIONALITY_VALUES.has(m));
}

/** Whether two quantities count the same kind of thing (same unit and scope, no different countries). */
function countsSameThing(a: Quantity, b: Quantity): boolean {
  if (a.unit !== b.unit || a.scope !== b.scope) return false;
  const ma = a.modifiers;
  const mb = b.modifiers;
  if (ma === undefined || mb === undefined) return true;
  let aNamesCountry = false;
  for (const m of ma) {
    if (!NATIONALITY_VALUES.has(m)) continue;
    if (mb.includes(m)) return true;
    aNamesCountry = true;
  }
  return !aNamesCountry || !namesCountry(mb);
}

/**
 * True when a page sentence counts something other than what a claim counts, so it does not restate
 * the claim's figure even where their numbers differ (find-matching-claims.ts QUANTITY_SCOPE):
 * - the claim counts something and every count of the sentence that shares its noun has another
 *   scope ("About 25 US troops were hurt" against "about 5,000 US troops in Iraq") or another
 *   country ("Germany said it would withdraw 35 of its 120 soldiers" against the United States's);
 * - the claim counts nothing and the sentence counts things in words ("Two US soldiers were
 *   killed"), durations aside ("Two days after the strike"). Counts in digits are the alignment's
 *   to judge (Alignment.pageCoreMissed), which also sees numbers that count nothing.
 */
export function countsOtherThings(page: readonly Quantity[], claim: readonly Quantity[]): boolean {
  if (claim.length === 0) return page.some((q) => !DIGIT.test(q.text) && !DURATION_UNITS.has(q.unit));
  let other = false;
  for (const p of page) {
    for (const c of claim) {
      if (p.unit !== c.unit) continue;
      if (countsSameThing(p, c)) return false;
      other = true;
    }
  }
  return other;
}

const DIGIT = /\d/;
/** Units of time: "two days after" dates an event, it counts nothing the claim is about. */
const DURATION_UNITS: ReadonlySet<string> = new Set(
  'second minute hour day days week month year decade century'.split(' '),
);

function namesCountry(modifiers: readonly string[]): boolean {
  for (const m of modifiers) if (NATIONALITY_VALUES.has(m)) return true;
  return false;
}

function isPointLike(q: Quantity): boolean {
  return q.qualifier === 'exact' || q.qualifier === 'about';
}

function sameNumber(x: number, y: number): boolean {
  return Math.abs(x - y) <= SAME_NUMBER_TOLERANCE * Math.max(Math.abs(x), Math.abs(y));
}

/** Whether a point value `y` satisfies the bound stated by `q`. Bounds are read inclusively. */
function satisfies(q: Quantity, y: number): boolean {
  switch (q.qualifier) {
    case 'more-than':
    case 'at-least':
      return y >= q.value;
    case 'less-than':
    case 'at-most':
      return y <= q.value;
    case 'nearly':
      return y <= q.value && y >= q.value * NEARLY_LOWER_BOUND;
    default:
      return sameNumber(q.value, y);
  }
}

/** Whether two quantities of the same thing can both be true. */
export function areQuantitiesCompatible(a: Quantity, b: Quantity): boolean {
  if (isPointLike(a) && isPointLike(b)) return sameNumber(a.value, b.value);
  if (isPointLike(b)) return satisfies(a, b.value);
  if (isPointLike(a)) return satisfies(b, a.value);
  return Math.max(lowerEndOf(a), lowerEndOf(b)) <= Math.min(upperEndOf(a), upperEndOf(b));
}

/** The least value a qualified quantity allows ("more than 5,000": 5,000); -Infinity when unbounded. */
function lowerEndOf(q: Quantity): number {
  return q.qualifier === 'more-than' || q.qualifier === 'at-least' ? q.value : -Infinity;
}

/** The greatest value a qualified quantity allows ("nearly 5,000": 5,000); Infinity when unbounded. */
function upperEndOf(q: Quantity): number {
  return q.qualifier === 'less-than' || q.qualifier === 'at-most' || q.qualifier === 'nearly'
    ? q.value
    : Infinity;
}

const QUALIFIER_WORDS: Readonly<Record<string, string>> = createTable({
  'more-than': 'more than ',
  'at-least': 'at least ',
  'less-than': 'less than ',
  'at-most': 'at most ',
  nearly: 'nearly ',
  about: '',
  exact: '',
});

export function formatQuantity(q: Quantity): string {
  return `${QUALIFIER_WORDS[q.qualifier] ?? ''}${formatNumber(q.value)}`;
}

/** Integers with en-US digit grouping ("5,000"), others as JavaScript writes them. */
function formatNumber(value: number): string {
  if (!Number.isInteger(value)) return String(value);
  // toLocaleString goes through Intl and was the costliest step of a number conflict; safe
  // integers are grouped by hand with the same result. -0 ("-0" in Intl) and huge values keep it.
  if (!Number.isSafeInteger(value) || Object.is(value, -0)) return value.toLocaleString('en-US');
  const digits = String(Math.abs(value));
  let grouped = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = grouped.length; i < digits.length; i += 3) grouped += `,${digits.slice(i, i + 3)}`;
  return value < 0 ? `-${grouped}` : grouped;
}

function displayNationality(n: string): string {
  return n.length <= 2 ? n.toUpperCase() : n[0]!.toUpperCase() + n.slice(1);
}

function quantitySubject(qa: Quantity, qb: Quantity, a: ComparedFeatures, b: ComparedFeatures): string {
  const nats = [...new Set([...nationalitiesOf(qa), ...nationalitiesOf(qb)])].sort();
  const parts = [...nats.map(displayNationality), qa.unit];
  const place = findSubjectPlace(a.places, b.places, nats);
  if (place) parts.push(`in ${displayNationality(place)}`);
  return parts.join(' ');
}

/**
 * The country a counted thing is in: the first in sort order of the places both claims name, else
 * of the places either names, that is a country other than the US, the UK or one already counted.
 */
function findSubjectPlace(
  placesA: readonly string[],
  placesB: readonly string[],
  nats: readonly string[],
): string | undefined {
  let shared: string | undefined;
  let either: string | undefined;
  for (const p of placesA) {
    if (!isSubjectPlace(p, nats)) continue;
    if (either === undefined || p < either) either = p;
    if (placesB.includes(p) && (shared === undefined || p < shared)) shared = p;
  }
  for (const p of placesB) if (isSubjectPlace(p, nats) && (either === undefined || p < either)) either = p;
  return shared ?? either;
}

function isSubjectPlace(place: string, nats: readonly string[]): boolean {
  return place !== 'us' && place !== 'uk' && NATIONALITY_VALUES.has(place) && !nats.includes(place);
}

/**
 * Number conflicts: a quantity conflicts when it has counterparts counting the same thing in the
 * other claim and none of them is compatible; each reported pair is mutually closest in value.
 */
function compareNumbers(a: ComparedFeatures, b: ComparedFeatures): readonly Detail[] {
  if (a.quantities.length === 0 || b.quantities.length === 0) return NO_DETAILS;
  const lonelyA = findLonely(a.quantities, b.quantities);
  if (lonelyA.length === 0) return NO_DETAILS;
  const lonelyB = findLonely(b.quantities, a.quantities);
  const details: Detail[] = [];
  for (const qa of lonelyA) {
    const qb = findClosest(qa, lonelyB);
    if (!qb || findClosest(qb, lonelyA) !== qa) continue;
    details.push({
      kind: 'number',
      a: formatQuantity(qa),
      b: formatQuantity(qb),
      subject: quantitySubject(qa, qb, a, b),
    });
  }
  return details;
}

/** Quantities of `own` that have counterparts counting the same thing in `others`, none compatible. */
function findLonely(own: readonly Quantity[], others: readonly Quantity[]): Quantity[] {
  const lonely: Quantity[] = [];
  for (const q of own) if (isLonely(q, others)) lonely.push(q);
  return lonely;
}

function isLonely(q: Quantity, others: readonly Quantity[]): boolean {
  let hasCounterpart = false;
  for (const other of others) {
    if (!countsSameThing(q, other)) continue;
    if (areQuantitiesCompatible(q, other)) return false;
    hasCounterpart = true;
  }
  return hasCounterpart;
}

/** The first quantity of `pool` counting the same thing as `q` and nearest to it in value. */
function findClosest(q: Quantity, pool: readonly Quantity[]): Quantity | undefined {
  let best: Quantity | undefined;
  for (const p of pool) {
    if (!countsSameThing(q, p)) continue;
    if (best === undefined || Math.abs(p.value - q.value) < Math.abs(best.value - q.value)) best = p;
  }
  return best;
}

// ---- Days and dates ----------------------------------------------------------------------------

function capitalise(word: string): string {
  return word ? word[0]!.toUpperCase() + word.slice(1) : word;
}

const EVENT_SUBJECTS: Readonly<Record<string, string>> = createTable({
  killing: 'day of the killing',
  vote: 'day of the vote',
  funeral: 'day of the funeral',
  flights: 'day of the flights',
  statement: 'day of the statement',
});

/** The different weekdays tied to `event`, in the order first named. */
function daysOf(mentions: readonly DayMention[], event: string): string[] {
  const days: string[] = [];
  for (const m of mentions) if (m.event === event && !days.includes(m.day)) days.push(m.day);
  return days;
}

function isFirstMentionOfEvent(mentions: readonly DayMention[], k: number): boolean {
  for (let j = 0; j < k; j++) if (mentions[j]!.event === mentions[k]!.event) return false;
  return true;
}

/** Two statements are dated against each other only when the same named speaker made them. */
function sameSpeaker(a: ComparableClaim, b: ComparableClaim): boolean {
  const sa = claimSpeaker(a);
  return sa !== null && sa !== 'pronoun' && sa === claimSpeaker(b);
}

function compareDays(claimA: ComparableClaim, claimB: ComparableClaim): readonly Detail[] {
  const a = claimA.features;
  const b = claimB.features;
  const ma = a.dayMentions ?? a.days.map((day) => ({ day, event: null }));
  const mb = b.dayMentions ?? b.days.map((day) => ({ day, event: null }));
  if (ma.length === 0 || mb.length === 0) return NO_DETAILS;
  const details: Detail[] = [];
  // Each event once, where first named (the order its details are reported in).
  for (let k = 0; k < ma.length; k++) {
    const event = ma[k]!.event;
    if (event === null || !isFirstMentionOfEvent(ma, k)) continue;
    const daysB = daysOf(mb, event);
    if (daysB.length === 0) continue;
    const daysA = daysOf(ma, event);
    if (daysA.some((d) => daysB.includes(d))) continue;
    // Checked last: finding a sentence's speaker costs more than all the rest of the comparison.
    if (event === 'statement' && !sameSpeaker(claimA, claimB)) continue;
    details.push({
      kind: 'date',
      a: daysA.map(capitalise).join('/'),
      b: daysB.map(capitalise).join('/'),
      subject: EVENT_SUBJECTS[event] ?? event,
    });
  }
  // Undated-event weekdays only compare when each claim names exactly one weekday and no event.
  if (ma.length === 1 && mb.length === 1 && ma[0]!.event === null && mb[0]!.event === null) {
    if (ma[0]!.day !== mb[0]!.day) {
      details.push({ kind: 'date', a: capitalise(ma[0]!.day), b: capitalise(mb[0]!.day), subject: 'day' });
    }
  }
  return details;
}

/** Full dates conflict only when each claim gives one and both speak of the same kind of event. */
function compareDates(a: ComparableClaim, b: ComparableClaim): readonly Detail[] {
  if (a.features.dates.length === 0 || b.features.dates.length === 0) return NO_DETAILS;
  const fa = a.features.dates.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d));
  const fb = b.features.dates.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d));
  if (fa.length !== 1 || fb.length !== 1 || fa[0] === fb[0]) return NO_DETAILS;
  const eventsB = claimEvents(b);
  const shared = claimEvents(a).filter((e) => e !== 'statement' && eventsB.includes(e));
  if (shared.length === 0) return NO_DETAILS;
  return [{ kind: 'date', a: fa[0]!, b: fb[0]!, subject: `date of the ${shared[0]}` }];
}

// ---- People ------------------------------------------------------------------------------------

const ROLE_HEADS: ReadonlyArray<[RegExp, string]> = [
  [/^(?:commanding general|commander|head|chief|leader)\b/, 'head'],
  [/^chairman\b/, 'chairman'],
  [/^deputy director\b/, 'deputy director'],
  [/^director\b/, 'director'],
  [/^(?:spokesman|spokesperson|spokeswoman)\b/, 'spokesman'],
];

/** Words that describe rather than name the organisation in a role ("the US military's ..."). */
const ROLE_GENERIC = new Set([
  'us',
  'usa',
  'military',
  'led',
  'us-led',
  'elite',
  'top',
  'senior',
  'state',
  'the',
  'staff',
]);

interface ParsedRole {
  head: string;
  words: string[];
}

function parseRole(role: string): ParsedRole | null {
  const folded = foldText(role).replace(/^(?:the|former|acting|top)\s+/, '');
  const head = ROLE_HEADS.find(([re]) => re.test(folded));
  if (!head) return null;
  const of = /\bof\s+(.*)$/.exec(folded);
  if (!of) return null;
  const words = (of[1]!.replace(/'s\b/g, '').match(/[a-z0-9]+/g) ?? [])
    .filter((w) => !STOPWORDS.has(w) && !ROLE_GENERIC.has(w))
    .map(stemWord);
  return { head: head[1], words };
}

/**
 * Whether two role descriptions of the same person contradict each other: the same kind of post
 * ("chairman of ...") of a different body. A modifier swapped before a shared head noun ("Joint
 * Chiefs" / "Army Chiefs") or two wholly different bodies conflict; extra words at the end
 * ("... Operations" / "... Operations Baghdad") and fuller descriptions do not.
 */
export function doRolesConflict(ra: string, rb: string): boolean {
  return doParsedRolesConflict(parseRole(ra), parseRole(rb));
}

function doParsedRolesConflict(pa: ParsedRole | null, pb: ParsedRole | null): boolean {
  if (!pa || !pb || pa.head !== pb.head) return false;
  const x = pa.words;
  const y = pb.words;
  const shared = x.filter((w) => y.includes(w)).length;
  if (shared === 0) return x.length >= 2 && y.length >= 2;
  let prefix = 0;
  while (prefix < x.length && prefix < y.length && x[prefix] === y[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < x.length - prefix &&
    suffix < y.length - prefix &&
    x[x.length - 1 - suffix] === y[y.length - 1 - suffix]
  ) {
    suffix++;
  }
  const midA = x.slice(prefix, x.length - suffix);
  const midB = y.slice(prefix, y.length - suffix);
  if (suffix === 0 || midA.length === 0 || midB.length === 0) return false;
  if (midA.some((w) => y.includes(w)) || midB.some((w) => x.includes(w))) return false;
  return midA.length <= 2 && midB.length <= 2;
}

function samePerson(a: PersonMention, b: PersonMention): boolean {
  if (a.key === b.key) return true;
  return (
    a.key.length >= 3 &&
    b.key.length >= 3 &&
    a.key[0] === b.key[0] &&
    boundedLevenshtein(a.key, b.key, 1) <= 1
  );
}

function surnameOfName(name: string): string {
  const words = name.split(/\s+/).filter((w) => !/^(?:III|II|IV|Jr\.?|Sr\.?|[A-Z]\.?)$/.test(w));
  return (words[words.length - 1] ?? name).replace(/['\u2019]s$/, '');
}

const cachedSurname = memoizePerObject<PersonMention, string>(surnameOfName);
const cachedRole = memoizePerObject<PersonMention, ParsedRole | null>(parseRole);

function rankFamily(rank: string): string {
  return rank.endsWith('general') ? 'general' : rank.endsWith('admiral') ? 'admiral' : rank;
}

function comparePeople(a: ComparedFeatures, b: ComparedFeatures): readonly Detail[] {
  if (a.people.length === 0 || b.people.length === 0) return NO_DETAILS;
  const details: Detail[] = [];
  for (const pa of a.people) {
    const pb = findSamePerson(pa, b.people);
    if (!pb) continue;
    if (pa.branch && pb.branch && pa.branch !== pb.branch) {
      details.push({
        kind: 'attribute',
        a: pa.branch,
        b: pb.branch,
        subject: `${surnameOf(pa)}'s service branch`,
      });
    }
    if (pa.rank && pb.rank && pa.rank !== pb.rank) {
      const compatible =
        rankFamily(pa.rank) === rankFamily(pb.rank) && (isGenericRank(pa.rank) || isGenericRank(pb.rank));
      if (!compatible)
        details.push({ kind: 'attribute', a: pa.rank, b: pb.rank, subject: `${surnameOf(pa)}'s rank` });
    }
    // The same words never describe two different posts, so only different ones are parsed.
    if (
      pa.role &&
      pb.role &&
      pa.role !== pb.role &&
      doParsedRolesConflict(cachedRole(pa, pa.role), cachedRole(pb, pb.role))
    ) {
      details.push({ kind: 'attribute', a: pa.role, b: pb.role, subject: `${surnameOf(pa)}'s role` });
    }
  }
  return details;
}

function findSamePerson(person: PersonMention, people: readonly PersonMention[]): PersonMention | undefined {
  for (const p of people) if (samePerson(person, p)) return p;
  return undefined;
}

function isGenericRank(rank: string): boolean {
  return rank === 'general' || rank === 'admiral';
}

function surnameOf(person: PersonMention): string {
  return cachedSurname(person, person.name);
}

// ---- Polarity ----------------------------------------------------------------------------------

const PREDICATE_SUBJECTS: Readonly<Record<string, string>> = createTable({
  leave: 'leaving',
  sign: 'signed',
  accurate: 'accurate',
  confirm: 'confirmed',
  stay: 'staying',
});

function polarityOf(
  assertions: readonly Assertion[],
  predicate: string,
): 'negated' | 'asserted' | 'mixed' | null {
  let neg = false;
  let pos = false;
  for (const x of assertions) {
    if (x.predicate !== predicate) continue;
    if (x.negated) neg = true;
    else pos = true;
  }
  if (!neg && !pos) return null;
  return neg && pos ? 'mixed' : neg ? 'negated' : 'asserted';
}

function isFirstOfPredicate(assertions: readonly Assertion[], k: number): boolean {
  for (let j = 0; j < k; j++) if (assertions[j]!.predicate === assertions[k]!.predicate) return false;
  return true;
}

function comparePolarity(a: ComparedFeatures, b: ComparedFeatures): readonly Detail[] {
  const aa = a.assertions;
  const ab = b.assertions;
  if (aa === undefined || ab === undefined || aa.length === 0 || ab.length === 0) return NO_DETAILS;
  let found: Array<[string, Detail]> | undefined;
  for (let k = 0; k < aa.length; k++) {
    const p = aa[k]!.predicate;
    if (!isFirstOfPredicate(aa, k)) continue;
    const pa = polarityOf(aa, p);
    const pb = polarityOf(ab, p);
    if (!pa || !pb || pa === 'mixed' || pb === 'mixed' || pa === pb) continue;
    const detail: Detail = {
      kind: 'polarity',
      a: aa[k]!.text,
      b: ab.find((x) => x.predicate === p)!.text,
      subject: PREDICATE_SUBJECTS[p] ?? p,
    };
    if (found === undefined) found = [];
    found.push([p, detail]);
  }
  if (found === undefined) return NO_DETAILS;
  // Reported in sort order of the predicate.
  return found.sort(([p], [q]) => (p < q ? -1 : p > q ? 1 : 0)).map(([, detail]) => detail);
}

/** Words that negate what follows. */
const NEGATION_WORD = /^(?:no|not|never|none|nor|neither|longer|without|cannot)$|n't$/;
/** Share of the shorter sentence's words that must align before negation alone is read as a conflict. */
const NEGATION_MIN_OVERLAP = 0.6;

/**
 * The same sentence with a negation added or swapped ("was still committed" / "was no longer
 * committed"): a polarity conflict on the word that follows, for predicates outside the lexicon.
 */
function compareNegationEdits(da: DerivedText, db: DerivedText): readonly Detail[] {
  const sa = wordsIn(da);
  const sb = wordsIn(db);
  const x = sa.words;
  const y = sb.words;
  if (x.length < 4 || y.length < 4) return NO_DETAILS;
  const pairs = alignIfOverlapping(sa, sb, NEGATION_MIN_OVERLAP);
  if (pairs === null) return NO_DETAILS;
  // The gaps between consecutive aligned words (a negation before or after them all is no edit).
  for (let k = 2; k < pairs.length; k += 2) {
    const i0 = pairs[k - 2]!;
    const j0 = pairs[k - 1]!;
    const i1 = pairs[k]!;
    const j1 = pairs[k + 1]!;
    if (i1 - i0 === 1 && j1 - j0 === 1) continue;
    const wa = x.slice(i0 + 1, i1);
    const wb = y.slice(j0 + 1, j1);
    const negA = wa.some((w) => NEGATION_WORD.test(w));
    const negB = wb.some((w) => NEGATION_WORD.test(w));
    if (negA === negB) continue;
    // Only the negation (and fillers) may differ, and the negated word must be the same on both sides.
    if (hasOtherContent(wa) || hasOtherContent(wb)) continue;
    // The negated word: the next content word, past adverbs ("not immediately clear" -> "clear").
    let end = i1;
    while (
      end < x.length &&
      end < i1 + 3 &&
      (STOPWORDS.has(x[end]!) || /ly$/.test(x[end]!) || FILLERS.has(x[end]!))
    )
      end++;
    const head = x[end];
    if (head === undefined || STOPWORDS.has(head)) continue;
    const tail = x.slice(i1, end + 1);
    return [
      { kind: 'polarity', a: [...wa, ...tail].join(' '), b: [...wb, ...tail].join(' '), subject: head },
    ];
  }
  return NO_DETAILS;
}

// ---- Acronyms ----------------------------------------------------------------------------------

function expansionKey(expansion: string): string {
  return (foldText(expansion).match(/[a-z0-9]+/g) ?? []).join(' ');
}

/** The same acronym said to stand for different words ("... Operation Inherent Resolve" / "... Resolve Inherent Operation"). */
function compareExpansions(a: ComparedFeatures, b: ComparedFeatures): readonly Detail[] {
  if (a.expansions === undefined || b.expansions === undefined) return NO_DETAILS;
  let details: Detail[] | undefined;
  for (const ea of a.expansions) {
    const eb = b.expansions.find((x) => x.acronym === ea.acronym);
    if (eb && expansionKey(ea.expansion) !== expansionKey(eb.expansion)) {
      if (details === undefined) details = [];
      details.push({
        kind: 'other',
        a: ea.expansion,
        b: eb.expansion,
        subject: `what ${ea.acronym} stands for`,
      });
    }
  }
  return details ?? NO_DETAILS;
}

// ---- Wording -----------------------------------------------------------------------------------

/** Share of the shorter text's words that must align before two texts count as the same words. */
const SAME_WORDS_MIN_OVERLAP = 0.5;
/** Intensifiers and fillers whose presence or swap does not change what a quotation says. */
const FILLERS = new Set([
  'whatsoever',
  'made',
  'ever',
  'really',
  'very',
  'just',
  'still',
  'yet',
  'now',
  'currently',
  'even',
  'actually',
  'period',
]);
/** Longest substitution, in words per side, still reported as a wording variant. */
const MAX_HUNK_WORDS = 6;
/** Unquoted reported speech needs this many identical words on each side of a substitution. */
const REPORTED_SPEECH_FLANK = 2;

interface Hunk {
  a: [number, number];
  b: [number, number];
}

/** Number (capped at `cap`) of consecutive aligned words starting at anchor `k`, walking by `dir`. */
function contiguousRun(anchors: Array<[number, number]>, k: number, dir: 1 | -1, cap: number): number {
  let count = 0;
  for (let t = k; t >= 1 && t < anchors.length - 1 && count < cap; t += dir) {
    if (t !== k) {
      const [pi, pj] = anchors[t - dir]!;
      const [ci, cj] = anchors[t]!;
      if (ci - pi !== dir || cj - pj !== dir) break;
    }
    count++;
  }
  return count;
}

function toPairList(pairs: AlignedPairs): Array<[number, number]> {
  const list: Array<[number, number]> = [];
  for (let k = 0; k < pairs.length; k += 2) list.push([pairs[k]!, pairs[k + 1]!]);
  return list;
}

function substitutionHunks(
  x: readonly string[],
  y: readonly string[],
  pairs: Array<[number, number]>,
  flank: number,
): Hunk[] {
  const hunks: Hunk[] = [];
  const anchors: Array<[number, number]> = [[-1, -1], ...pairs, [x.length, y.length]];
  for (let k = 0; k + 1 < anchors.length; k++) {
    const [i0, j0] = anchors[k]!;
    const [i1, j1] = anchors[k + 1]!;
    if (i1 - i0 <= 1 || j1 - j0 <= 1) continue;
    const hunk: Hunk = { a: [i0 + 1, i1], b: [j0 + 1, j1] };
    const before = contiguousRun(anchors, k, -1, flank);
    const after = contiguousRun(anchors, k + 1, 1, flank);
    // Both sides must be anchored: a difference at either end is a partial quotation, not a variant.
    if (before < flank || after < flank) continue;
    hunks.push(hunk);
  }
  return hunks;
}

/** Crude lemma for telling inflections ("coming"/"comes") from look-alike words ("deference"/"defense"). */
function lemmaOf(word: string): string {
  return word.replace(/(?:ing|ed|es|e|s)$/, '');
}

/**
 * Two different words that look alike: the signature of a mistranslation or misreading
 * ("deference"/"defense", "requested"/"required") that changes the meaning.
 */
function isLookalike(x: string, y: string): boolean {
  if (stemWord(x) === stemWord(y) || lemmaOf(x) === lemmaOf(y) || x.startsWith(y) || y.startsWith(x))
    return false;
  let prefix = 0;
  while (prefix < x.length && x[prefix] === y[prefix]) prefix++;
  return prefix >= 3 && boundedLevenshtein(x, y, 4) <= 4;
}

/** True when `words` hold a word that is not a negation, a filler or a stopword. */
function hasOtherContent(words: readonly string[]): boolean {
  return words.some((w) => !NEGATION_WORD.test(w) && !FILLERS.has(w) && !STOPWORDS.has(w));
}

function isContentWord(w: string | undefined): boolean {
  return w !== undefined && !STOPWORDS.has(w);
}

function renderHunk(
  words: readonly string[],
  [s, e]: [number, number],
  other: readonly string[],
  [os, oe]: [number, number],
) {
  const left = words[s - 1];
  const right = words[e];
  let from = s;
  let to = e;
  if (isContentWord(left) && isContentWord(other[os - 1])) from = s - 1;
  else if (isContentWord(right) && isContentWord(other[oe])) to = e + 1;
  else if (left !== undefined) from = s - 1;
  else if (right !== undefined) to = e + 1;
  return { from, to };
}

function wordingDetails(sx: WordSequence, sy: WordSequence, flank: number, subject: string | null): Detail[] {
  const x = sx.words;
  const y = sy.words;
  if (x.length === 0 || y.length === 0) return [];
  const pairs = alignIfOverlapping(sx, sy, SAME_WORDS_MIN_OVERLAP);
  if (pairs === null) return [];
  const details: Detail[] = [];
  for (const h of substitutionHunks(x, y, toPairList(pairs), flank)) {
    const wa = x.slice(h.a[0], h.a[1]);
    const wb = y.slice(h.b[0], h.b[1]);
    if (wa.length > MAX_HUNK_WORDS || wb.length > MAX_HUNK_WORDS) continue;
    const ca = wa.filter((w) => !STOPWORDS.has(w) && !FILLERS.has(w)).map(stemWord);
    const cb = wb.filter((w) => !STOPWORDS.has(w) && !FILLERS.has(w)).map(stemWord);
    if (ca.length === 0 && cb.length === 0) continue;
    if (ca.join(' ') === cb.join(' ')) continue;
    if (wa.some((w) => /^\d/.test(w)) || wb.some((w) => /^\d/.test(w))) continue;
    const ra = renderHunk(x, h.a, y, h.b);
    const rb = { from: ra.from - h.a[0] + h.b[0], to: ra.to - h.a[1] + h.b[1] };
    const alters = wa.some((w) => wb.some((v) => isLookalike(w, v)));
    details.push({
      kind: 'wording',
      a: x.slice(ra.from, ra.to).join(' '),
      b: y.slice(rb.from, rb.to).join(' '),
      subject,
      altersMeaning: alters,
    });
  }
  return details;
}

/** Share of aligned words above which two quotations are the same words whoever is credited. */
const SAME_QUOTE_OVERLAP = 0.8;

const cachedQuoteWords = memoizePerObject<Quotation, WordSequence>(toWordSequence);

function nearlySameWords(qx: Quotation, qy: Quotation): boolean {
  const sx = cachedQuoteWords(qx, qx.text);
  const sy = cachedQuoteWords(qy, qy.text);
  if (sx.words.length < 4 || sy.words.length < 4) return false;
  return alignIfOverlapping(sx, sy, SAME_QUOTE_OVERLAP) !== null;
}

function speakersCompatible(a: string | null, b: string | null): boolean {
  return a === null || b === null || a === b;
}

function compareWording(a: ComparableClaim, b: ComparableClaim): Detail[] {
  const quoted = compareQuotations(a.features.quotes, b.features.quotes);
  if (quoted.length > 0) return quoted;
  // Reported speech by the same speaker ("the letter was a poorly worded/written draft, X told reporters").
  const sa = reportedSpeaker(a);
  const sb = reportedSpeaker(b);
  if (sa && sa === sb)
    return wordingDetails(claimWords(a), claimWords(b), REPORTED_SPEECH_FLANK, 'reported speech');
  return [];
}

function compareQuotations(quotesA: readonly Quotation[], quotesB: readonly Quotation[]): Detail[] {
  const details: Detail[] = [];
  if (quotesA.length === 0 || quotesB.length === 0) return details;
  const seen = new Set<string>();
  for (const qa of quotesA) {
    for (const qb of quotesB) {
      // Different speakers are different quotations, unless the words are nearly the same (a letter
      // quoted as "the letter" by one outlet and as its author's by another).
      if (!speakersCompatible(qa.speaker, qb.speaker) && !nearlySameWords(qa, qb)) continue;
      const wa = cachedQuoteWords(qa, qa.text);
      const wb = cachedQuoteWords(qb, qb.text);
      for (const d of wordingDetails(wa, wb, 1, 'quotation')) {
        const key = `${d.a}|${d.b}`;
        if (!seen.has(key)) {
          seen.add(key);
          details.push(d);
        }
      }
    }
  }
  return details;
}

function reportedSpeaker(c: ComparableClaim): string | null {
  if (c.features.quotes.length > 0) return null;
  return (c as ComparableClaim & { speaker?: string | null }).speaker ?? null;
}

// ---- Entry point -------------------------------------------------------------------------------

/**
 * The kinds of detail compareClaims can read from a claim compared with each of `others`: a kind
 * the others all lack is never read (every sub-comparison returns nothing when either side has
 * none), so it need not be extracted. `claims.property.test.ts` checks the comparisons are the same.
 */
export function findFeatureNeeds(others: readonly ComparableClaim[]): FeatureNeeds {
  const needs: FeatureNeeds = { ...NO_FEATURES };
  for (const { features: f } of others) {
    needs.quantities ||= f.quantities.length > 0;
    needs.days ||= (f.dayMentions ?? f.days).length > 0;
    needs.dates ||= f.dates.length > 0;
    needs.people ||= f.people.length > 0;
    needs.assertions ||= (f.assertions?.length ?? 0) > 0;
    needs.quotes ||= f.quotes.length > 0;
    needs.expansions ||= (f.expansions?.length ?? 0) > 0;
  }
  return needs;
}

/**
 * Compares two claims about the same fact. Details are `a`'s value against `b`'s. A claim may
 * carry an optional `speaker` (as database claims do) to compare reported speech.
 */
export function compareClaims(a: ComparableClaim, b: ComparableClaim): Comparison {
  // Compare in a canonical order and mirror back, so the result is symmetric by construction.
  if (isAfter(a, b)) {
    const r = compareOrdered(b, a);
    if (r.details.length === 0) return r;
    return { stance: r.stance, details: r.details.map((d) => ({ ...d, a: d.b, b: d.a })) };
  }
  return compareOrdered(a, b);
}

/** A total order on claims: by text, then by features when the texts are equal. */
function isAfter(a: ComparableClaim, b: ComparableClaim): boolean {
  if (a.text !== b.text) return a.text > b.text;
  return JSON.stringify(a.features) > JSON.stringify(b.features);
}

function compareOrdered(a: ComparableClaim, b: ComparableClaim): Comparison {
  const conflicts: Detail[] = [];
  appendAll(conflicts, compareNumbers(a.features, b.features));
  appendAll(conflicts, compareDays(a, b));
  appendAll(conflicts, compareDates(a, b));
  appendAll(conflicts, comparePeople(a.features, b.features));
  appendAll(conflicts, comparePolarity(a.features, b.features));
  appendAll(conflicts, compareExpansions(a.features, b.features));
  // Without a negation word on either side no substitution can add or drop one.
  if (!hasPolarityConflict(conflicts)) {
    const da = derivedOf(a);
    const db = derivedOf(b);
    if (isNegating(da) || isNegating(db)) appendAll(conflicts, compareNegationEdits(da, db));
  }
  if (conflicts.length > 0) return { stance: 'conflicts', details: conflicts };
  const wording = compareWording(a, b);
  if (wording.length > 0) return { stance: 'worded-differently', details: wording };
  return { stance: 'agrees', details: [] };
}

function appendAll(target: Detail[], more: readonly Detail[]): void {
  for (const d of more) target.push(d);
}

function hasPolarityConflict(details: readonly Detail[]): boolean {
  for (const d of details) if (d.kind === 'polarity') return true;
  return false;
}
