/**
 * Candidate generation for the matcher: an inverted index from spelling-tolerant term keys to the
 * claims that contain them, weighted by rarity (IDF). It exists so the expensive scorers (term
 * alignment, Fuse.js) only ever see a handful of claims per page sentence, whatever the size of the
 * database. It must keep true:
 * - a claim sharing rare terms (or a spelling variant of them: Qassem/Qasem, Soleimani/Solemaini)
 *   with the sentence is returned before one sharing only common terms;
 * - the work per sentence is bounded by the postings of its rare keys, not by the database size;
 * - analysis is the same for claims and page sentences (`analyzeText`), so both sides meet.
 */

import { canonicalWord, foldText, STOPWORDS, stemWord, tokenizeFolded, variantKey } from './normalize.ts';
import { MULTIPLIER_WORDS, NUMBER_WORDS } from './word-kinds.ts';

/**
 * Matcher-local equivalences applied after `contentWords`, for words outlets use interchangeably
 * when reporting the same fact ("pull out" / "leave" / "withdraw"). Kept out of normalize.ts on
 * purpose: they widen matching only, and must not change how the database groups claims.
 */
const CONCEPTS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    leave: 'leave',
    leav: 'leave',
    left: 'leave',
    withdraw: 'leave',
    depart: 'leave',
    departure: 'leave',
    pull: 'leave',
    exit: 'leave',
    quit: 'leave',
    evacuate: 'leave',
    expel: 'leave',
    decid: 'decision',
    decide: 'decision',
    plann: 'plan',
    intention: 'plan',
    intend: 'plan',
    kill: 'kill',
    assassinate: 'kill',
    assassination: 'kill',
    assassinat: 'kill',
    expell: 'leave',
    evacuat: 'leave',
    stays: 'stay',
    slain: 'kill',
    memo: 'letter',
    correspondence: 'letter',
    remain: 'stay',
    journalist: 'reporter',
    gen: 'general',
    brig: 'brigadier',
    legislature: 'parliament',
    legislator: 'parliament',
    iraqis: 'iraq',
    iranians: 'iran',
    pentagon: 'pentagon',
    vow: 'vow',
    threaten: 'threat',
    warn: 'threat',
    warned: 'threat',
    drone: 'drone',
    unsigned: 'sign',
    // Outlets name the group and the ask differently ("urging Iraq to allow UK soldiers to continue
    // the fight … against … ISIS" / "asked Iraq to let coalition forces continue the fight against
    // the Islamic State group"); analyzeText rewrites "Islamic State" to ISIS.
    daesh: 'isis',
    urging: 'ask',
    urge: 'ask',
    urged: 'ask',
    urges: 'ask',
    asked: 'ask',
    asks: 'ask',
    asking: 'ask',
    let: 'allow',
    allowed: 'allow',
    allowing: 'allow',
  }),
);

/**
 * Words that carry no fact of their own in news prose beyond `normalize.STOPWORDS`: hedges and
 * quantity qualifiers (the stance step reads qualifiers from the features, not from terms),
 * time fillers, and reporting verbs.
 */
const MATCH_STOPWORDS: ReadonlySet<string> = new Set([
  'roughly',
  'around',
  'approximately',
  'nearly',
  'almost',
  'currently',
  'now',
  'still',
  'later',
  'earlier',
  'yesterday',
  'today',
  'reportedly',
  'however',
  'mean',
  'meant',
  'added',
  'add',
  'stat',
  'stating',
  'insist',
  'insisted',
  'read',
  'more',
  'least',
  'period',
  'even',
  'though',
  'already',
  'another',
  'many',
  'much',
  'well',
  'get',
  'got',
  'made',
  'make',
  'take',
  'taken',
  'took',
  'going',
  'go',
  'went',
  'come',
  'came',
  'like',
  'way',
  'new',
  'per',
  'cent',
  'year',
  'week',
  'day',
  'time',
  'last',
  'next',
  'first',
  'two',
]);

const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const MONTHS = new Set([
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]);
const BRANCHES = new Set(['army', 'navy', 'marine', 'corps', 'airforce']);

/**
 * A slot is a kind of detail outlets disagree on. Two different terms of the same slot (5,000 and
 * 5,200; Friday and Thursday; Navy and Marine) still show that the sentence and the claim talk
 * about the same thing, so scoring gives them partial credit and leaves the disagreement to the
 * stance step. `null` means the term is an ordinary word.
 */
export type Slot = 'number' | 'weekday' | 'month' | 'branch';

/**
 * A term that is a number: digits (digit groups are joined before this), with a decimal part, an
 * ordinal or a plural ("1990s"). Letters after the digits otherwise make a code, not a count: a
 * tweet's link "pic.twitter.com/52DDhSIIQ2" gave the term "52ddhsiiq2", which read as the number 52.
 */
const NUMBER_TERM = /^\d+(?:\.\d+)?(?:st|nd|rd|th|s)?$/;

export function slotOf(term: string): Slot | null {
  if (NUMBER_TERM.test(term)) return 'number';
  if (WEEKDAYS.has(term)) return 'weekday';
  if (MONTHS.has(term)) return 'month';
  if (BRANCHES.has(term)) return 'branch';
  return null;
}

/** A text reduced to what matching compares: unique terms and their spelling-tolerant keys. */
export interface AnalyzedText {
  /** Unique content terms, in first-seen order. */
  terms: string[];
  /** `variantKey` of each term, parallel to `terms`. */
  keys: string[];
  /** `slotOf` each term, parallel to `terms`. */
  slots: (Slot | null)[];
  /** The terms as a set, for O(1) membership. */
  readonly set: ReadonlySet<string>;
}

/**
 * An AnalyzedText whose set is built on first use (page sentences seldom need one), and which keeps
 * each term's TermInfo, so an index reads a term's numbers off it instead of hashing the string.
 */
class Analysis implements AnalyzedText {
  #set: ReadonlySet<string> | undefined;
  constructor(
    public terms: string[],
    public keys: string[],
    public slots: (Slot | null)[],
    readonly infos: readonly TermInfo[],
  ) {}
  get set(): ReadonlySet<string> {
    this.#set ??= new Set(this.terms);
    return this.#set;
  }
}

/** One term, shared by every token that becomes it (`internTerm`). */
interface TermInfo {
  term: string;
  key: string;
  slot: Slot | null;
  /** The last analyzeText run that met this term, so a text's terms are deduplicated without a Set. */
  lastRun: number;
  /**
   * The index whose numbers `stats` and `keyId` are (the last one that looked this term up), so
   * the matcher's per-sentence lookups read fields instead of hashing strings. An index that finds
   * another owner looks the strings up again and takes the fields over. Only numbers are kept, so
   * a dropped index's postings are not held alive by the term memo.
   */
  owner: object | null;
  /** The term's TermStats in `owner`; undefined when no claim there has the term. */
  stats: TermStats | undefined;
  /** The number of the term's key in `owner` (`keyId`); -1 when no claim there has the key. */
  keyId: number;
}

/**
 * What one token becomes, memoised: the same steps as `normalize.contentWords` (stop words,
 * canonical synonyms, stemming) followed by this module's concepts, variant key and slot. News
 * vocabulary is small next to the number of sentences, and `variantKey` alone runs six regular
 * expressions, so this halves analysis time. `null` means the token carries no fact. Cleared past
 * TOKEN_CACHE_LIMIT entries (between analyzeText runs) so memory stays bounded on adversarial input.
 */
const TOKEN_CACHE_LIMIT = 200_000;
const tokenCache = new Map<string, TermInfo | null>();
/** The TermInfo of each term met, so that tokens with the same term share one (cleared with tokenCache). */
const termInfos = new Map<string, TermInfo>();
function infoOfToken(token: string): TermInfo | null {
  let info = tokenCache.get(token);
  if (info !== undefined) return info;
  info = null;
  if (!STOPWORDS.has(token)) {
    let word = stemWord(canonicalWord(token));
    const apostrophe = word.indexOf("'");
    if (apostrophe > 0) word = STOPWORDS.has(word.slice(0, apostrophe)) ? '' : word.slice(0, apostrophe);
    if (word.length >= 2 && !MATCH_STOPWORDS.has(word)) info = internTerm(CONCEPTS.get(word) ?? word);
  }
  tokenCache.set(token, info);
  return info;
}

function internTerm(term: string): TermInfo {
  let info = termInfos.get(term);
  if (info === undefined) {
    info = {
      term,
      key: variantKey(term),
      slot: slotOf(term),
      lastRun: 0,
      owner: null,
      stats: undefined,
      keyId: -1,
    };
    termInfos.set(term, info);
  }
  return info;
}

/**
 * Numbers analyzeText runs for TermInfo.lastRun; restarted before it leaves the small-integer
 * range. The caches are cleared here, between runs, never inside one: a term met again after a
 * clear would get a fresh TermInfo and be counted twice.
 */
let analysisRun = 0;
function startAnalysisRun(): number {
  if (tokenCache.size >= TOKEN_CACHE_LIMIT) {
    tokenCache.clear();
    termInfos.clear();
  }
  if (analysisRun === 0x3fffffff) {
    for (const info of termInfos.values()) info.lastRun = 0;
    analysisRun = 0;
  }
  return ++analysisRun;
}

/** Multi-word phrases rewritten to one term before tokenizing, in one pass over the text. */
const PHRASES =
  /\bU\.?S\.?(?=$|[^A-Za-z])|\bservice\s*(?:men|women|members)\b|\bair\s+(?:force|base)\b|\b(?:pull(?:ing|ed|s)?|mov(?:e|ing|ed))\s+out\b/gi;

/**
 * A number before a multiplier, in words or digits, rewritten to the whole number in digits:
 * "Five thousand US troops" then shares the term 5000 with "about 5,000 US troops", and "$2
 * trillion" shares 2000000000000 with "Two Trillion Dollars". A number word alone is left as it
 * is: "two" is a stop word, and "the two countries" states no figure a claim would give. Tried
 * only on texts holding a multiplier (MULTIPLIER_CUE), which few do.
 */
const NUMBER_PHRASE = new RegExp(
  `(?<![\\d.,])\\b(${[...NUMBER_WORDS.keys()].filter((w) => !MULTIPLIER_WORDS.has(w)).join('|')}|\\d+(?:\\.\\d+)?)\\s+(${[
    ...MULTIPLIER_WORDS.keys(),
  ].join('|')})\\b`,
  'gi',
);
const MULTIPLIER_CUE = /hundred|thousand|illion/i;

function rewriteNumberPhrase(_phrase: string, number: string, multiplier: string): string {
  const value = NUMBER_WORDS.get(number.toLowerCase()) ?? Number(number);
  return String(Math.round(value * MULTIPLIER_WORDS.get(multiplier.toLowerCase())!));
}

function rewritePhrase(phrase: string): string {
  // "US" and "U.S." name the country; lower-cased they would be the stop word "us".
  if (/^U\.?S\.?$/.test(phrase)) return 'USA';
  if (/^[uU]\.?[sS]\.?$/.test(phrase)) return phrase;
  const lower = phrase.toLowerCase();
  if (lower.startsWith('service')) return 'troops';
  if (lower.startsWith('air')) return lower.endsWith('force') ? 'airforce' : 'airbase';
  return 'leave';
}

/** Reduces a sentence to unique content terms. Claims and page sentences go through this same path. */
export function analyzeText(text: string): AnalyzedText {
  const rewritten = text.replace(PHRASES, rewritePhrase);
  const prepared = MULTIPLIER_CUE.test(text)
    ? rewritten.replace(NUMBER_PHRASE, rewriteNumberPhrase)
    : rewritten;
  const terms: string[] = [];
  const keys: string[] = [];
  const slots: (Slot | null)[] = [];
  const infos: TermInfo[] = [];
  const run = startAnalysisRun();
  // As normalize.contentWords: fold, rewrite "united states", tokenize; per-token steps memoised.
  const folded = foldText(prepared);
  const usaJoined = folded.includes('united states') ? folded.replace(/\bunited states\b/g, 'usa') : folded;
  const joined = usaJoined.includes('islamic state')
    ? usaJoined.replace(/\bislamic state\b/g, 'isis')
    : usaJoined;
  for (const token of tokenizeFolded(joined)) {
    const info = infoOfToken(token);
    if (info === null || info.lastRun === run) continue;
    info.lastRun = run;
    terms.push(info.term);
    keys.push(info.key);
    slots.push(info.slot);
    infos.push(info);
  }
  return new Analysis(terms, keys, slots, infos);
}

/**
 * Keys held by more than this share of claims are "common": they are never walked to find
 * candidates (that would touch most of the database), only checked on candidates found through
 * rarer keys. 2 % keeps a 100,000-claim walk per key under 2,000 postings.
 */
export const COMMON_KEY_SHARE = 0.02;
/** Below this many claims every key is walked: a small database has no "common" cost to avoid. */
export const COMMON_KEY_MIN_DF = 200;

/**
 * A claim becomes a candidate only if the keys it shares with the sentence carry at least this
 * share of the sentence's total key weight. Higher prunes more (faster on large databases) but can
 * lose a short claim restated inside a long sentence. `npm run eval` sweeps it ("candidate
 * share", F0.5 on labelled + leave-one-out): 0.1 to 0.25 give the same figures (0.980) and 0.1
 * made matching against 100,000 claims about 50% slower (156 vs 103 ms/article, measured before
 * clause matching); 0.30 0.978; 0.35 0.982, one leave-one-out false match fewer but two true
 * matches and an added-after-calibration paraphrase lost, 30 % faster on the seeds; 0.40 0.979,
 * 0.45 and up lose labelled paraphrases. 0.35 is a spike between its neighbours on a small set,
 * so 0.2 stays on the plateau (0.25 ties it now but lost a match in the first calibration).
 */
export const CANDIDATE_MIN_SHARE = 0.2;
/** How many candidates the scorer sees per sentence at most. */
export const DEFAULT_TOP_K = 12;

export interface Candidate {
  /** Position of the claim in the indexed list. */
  claim: number;
  /** Sum of the IDF of the keys the claim shares with the sentence. */
  weight: number;
  /**
   * Summed term weight (`termWeight`; a term no claim uses weighs `unseenTermWeight`) of the
   * sentence's terms whose key or slot the claim shares, and of the claim's terms whose key or slot
   * the sentence shares. A term met in the other text exactly, as a spelling variant or by another
   * value of its slot shares its key or slot, so these bound what score-match.ts's alignment can
   * credit on each side (boundAlignmentScore). A term under a shared key and a shared slot counts
   * twice: the bound is loose there, never low.
   */
  pageShared: number;
  claimShared: number;
}

export interface TermStats {
  /** Dense number of the term, 0..termCount-1, for array-indexed lookups. */
  id: number;
  /** How many claims contain the term. */
  df: number;
  /** Its rarity weight (`termWeight`). */
  weight: number;
}

export interface CandidateIndex {
  /** Number of indexed claims. */
  readonly size: number;
  /** The analysis of each indexed claim, by position. */
  readonly analyzed: readonly AnalyzedText[];
  /** Rarity weight of an exact term: ln(1 + N / df). Unknown terms weigh like a term seen once. */
  termWeight(term: string): number;
  /** How many claims contain the exact term; 0 for a term the database never uses. */
  termDf(term: string): number;
  /**
   * A term's number, claim count and weight in one lookup (what alignment reads of every term);
   * `undefined` for a term no claim uses.
   */
  termStats(term: string): TermStats | undefined;
  /** Rarity weight of a variant key. */
  keyWeight(key: string): number;
  /** Number of distinct terms in the indexed claims (`TermStats.id` numbers them). */
  readonly termCount: number;
  /** Number of distinct keys (variant and slot keys) in the index; `keyId` numbers them. */
  readonly keyCount: number;
  /** Dense number of a key the claims are indexed under; -1 for any other key. */
  keyId(key: string): number;
  /** `termStats` of term `i` of `text` (read off its TermInfo when analyzeText made it). */
  termStatsAt(text: AnalyzedText, i: number): TermStats | undefined;
  /** `keyId` of key `i` of `text` (read off its TermInfo when analyzeText made it). */
  keyIdAt(text: AnalyzedText, i: number): number;
  /** The weight of a term no claim uses: `termWeight` of any such term. */
  readonly unseenTermWeight: number;
  /** The best `k` claims for an analysed sentence, best first. */
  candidates(query: AnalyzedText, k?: number, minShare?: number): Candidate[];
}

/** Candidate order: heavier first, then earlier position. */
function ranksBefore(weight: number, claim: number, other: Candidate): boolean {
  return weight > other.weight || (weight === other.weight && claim < other.claim);
}

/**
 * First index at or after `from` whose value is at least `value` in an ascending list: doubling
 * steps, then binary search, so a walk over ascending values costs the log of each gap.
 */
function gallop(list: Int32Array, value: number, from: number): number {
  let lo = from;
  let step = 1;
  let probe = from;
  while (probe < list.length && list[probe]! < value) {
    lo = probe + 1;
    step *= 2;
    probe = from + step - 1;
  }
  let hi = Math.min(list.length, probe);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Scratch for findKthLargest, grown as needed: the `k` largest values seen, descending. */
let kthScratch = new Float64Array(16);

/**
 * The `k`-th largest of `values[i]` over the first `count` positions in `at`, or 0 when there are
 * fewer than `k` (or `k` is 0). One pass with a sorted window of `k`; most values fall below the
 * window's last.
 */
function findKthLargest(values: Float64Array, at: Int32Array, count: number, k: number): number {
  if (k <= 0 || count < k) return 0;
  if (kthScratch.length < k) kthScratch = new Float64Array(k);
  const best = kthScratch;
  let size = 0;
  for (let t = 0; t < count; t++) {
    const v = values[at[t]!]!;
    if (size === k && v <= best[k - 1]!) continue;
    let i = size < k ? size++ : k - 1;
    while (i > 0 && best[i - 1]! < v) {
      best[i] = best[i - 1]!;
      i--;
    }
    best[i] = v;
  }
  return best[k - 1]!;
}

/**
 * Sorts a sentence's postings by list length, shortest first, keeping the order of equal lengths
 * (as the stable Array.prototype.sort would). An insertion sort: a sentence has a few dozen keys at
 * most, and a comparator sort's calls cost more than the moves.
 */
function sortByListLength(found: Posting[]): void {
  for (let i = 1; i < found.length; i++) {
    const posting = found[i]!;
    const length = posting.list.length;
    let j = i;
    while (j > 0 && found[j - 1]!.list.length > length) {
      found[j] = found[j - 1]!;
      j--;
    }
    found[j] = posting;
  }
}

/** Up to this many values sortAscending sorts by insertion (cheaper than a native sort's call). */
const INSERTION_SORT_MAX = 32;

/**
 * The first `count` values of `from`, ascending, into `to`. On the seeds the claims still in the
 * running number about twenty when a list is long enough to gallop; on a large database they can
 * be thousands, which the native sort takes.
 */
function sortAscending(from: Int32Array, count: number, to: Int32Array): void {
  if (count > INSERTION_SORT_MAX) {
    to.set(from.subarray(0, count));
    to.subarray(0, count).sort();
    return;
  }
  for (let i = 0; i < count; i++) {
    const value = from[i]!;
    let j = i;
    while (j > 0 && to[j - 1]! > value) {
      to[j] = to[j - 1]!;
      j--;
    }
    to[j] = value;
  }
}

/** The keys of one `candidates` query, as meetKey gathers them. */
interface QueryKeys {
  /** Marks the postings met (`Posting.query`). */
  id: number;
  /** The summed weight of the distinct keys, unseen ones included. */
  total: number;
  /** The postings met, each once. */
  found: Posting[];
  /** The keys no claim uses, each once. */
  unseen: string[];
}

/**
 * Counts a query's key once: a key no claim uses (no posting) by `unseenWeight`, a posting into
 * `found`. Every term under the key adds its weight to the posting's `pageWeight`.
 */
function meetKey(
  query: QueryKeys,
  key: string,
  posting: Posting | undefined,
  termWeight: number,
  unseenWeight: number,
): void {
  if (posting === undefined) {
    if (query.unseen.includes(key)) return;
    query.unseen.push(key);
    query.total += unseenWeight;
  } else if (posting.query !== query.id) {
    posting.query = query.id;
    posting.pageWeight = termWeight;
    query.total += posting.weight;
    query.found.push(posting);
  } else posting.pageWeight += termWeight;
}

/** One key's claims (ascending positions) and rarity weight. */
interface Posting {
  /** Dense number of the key (`keyId`). */
  id: number;
  list: Int32Array;
  /** Per claim of `list`, the summed term weight of that claim's terms under this key or slot. */
  claimWeights: Float64Array;
  weight: number;
  /** The summed term weight of the current query's terms under this key (set by `candidates`). */
  pageWeight: number;
  /** The last query that met this key (`candidates` counts a key once per sentence). */
  query: number;
}

const SLOT_KEYS: Readonly<Record<Slot, string>> = {
  number: '#number',
  weekday: '#weekday',
  month: '#month',
  branch: '#branch',
};

function addPosting(building: Map<string, number[]>, key: string, claim: number): void {
  const list = building.get(key);
  if (list === undefined) building.set(key, [claim]);
  else if (list[list.length - 1] !== claim) list.push(claim);
}

/** Builds the index over claim texts. Positions in the result refer to positions in `texts`. */
export function buildCandidateIndex(texts: readonly string[]): CandidateIndex {
  const size = texts.length;
  const analyzed: AnalyzedText[] = new Array(size);
  const termDf = new Map<string, number>();
  const building = new Map<string, number[]>();
  for (let i = 0; i < size; i++) {
    const a = analyzeText(texts[i]!);
    analyzed[i] = a;
    for (const term of a.terms) termDf.set(term, (termDf.get(term) ?? 0) + 1);
    // Each of the claim's keys and slots posts it once, without a set: claims are added in order,
    // so a key already holding this claim ends with it.
    for (const key of a.keys) addPosting(building, key, i);
    for (const slot of a.slots) if (slot !== null) addPosting(building, SLOT_KEYS[slot], i);
  }
  const weightOfDf = (df: number) => Math.log(1 + size / Math.max(df, 1));
  const postings = new Map<string, Posting>();
  for (const [key, list] of building)
    postings.set(key, {
      id: postings.size,
      list: new Int32Array(list),
      claimWeights: new Float64Array(list.length),
      weight: weightOfDf(list.length),
      pageWeight: 0,
      query: 0,
    });
  building.clear();
  /** Weight of a term or key no claim uses (as if seen once). */
  const unseenWeight = weightOfDf(0);
  let queryCount = 0;
  const commonDf = Math.max(COMMON_KEY_MIN_DF, Math.floor(size * COMMON_KEY_SHARE));
  const accum = new Float64Array(size);
  // Candidate.pageShared and .claimShared of each claim the walk meets, valid while it is touched.
  const pageShared = new Float64Array(size);
  const claimShared = new Float64Array(size);
  // Scratch of `candidates`: the query's term weights, grown as needed.
  let termWeights = new Float64Array(64);
  // The claims the walk has met, in order of meeting: `touched[0..touchedCount)`.
  const touched = new Int32Array(size);
  let touchedCount = 0;
  const ascending = new Int32Array(size);

  const termStats = new Map<string, TermStats>();
  for (const [term, df] of termDf) termStats.set(term, { id: termStats.size, df, weight: weightOfDf(df) });
  termDf.clear();

  const termWeight = (term: string) => termStats.get(term)?.weight ?? unseenWeight;
  const termDfOf = (term: string) => termStats.get(term)?.df ?? 0;
  const keyWeight = (key: string) => postings.get(key)?.weight ?? unseenWeight;

  // This index's lookups, cached on each TermInfo (see TermInfo.owner); the owner is an object
  // only this index holds.
  const owner = {};
  function infoAt(text: AnalyzedText, i: number): TermInfo | undefined {
    const info = text instanceof Analysis ? text.infos[i] : undefined;
    if (info !== undefined && info.owner !== owner) {
      info.owner = owner;
      info.stats = termStats.get(info.term);
      info.keyId = postings.get(info.key)?.id ?? -1;
    }
    return info;
  }
  // Postings by key number (`Posting.id` counts them in insertion order).
  const postingOfId: Posting[] = [...postings.values()];
  const slotPostings: Readonly<Record<Slot, Posting | undefined>> = {
    number: postings.get(SLOT_KEYS.number),
    weekday: postings.get(SLOT_KEYS.weekday),
    month: postings.get(SLOT_KEYS.month),
    branch: postings.get(SLOT_KEYS.branch),
  };
  // Each claim's term weights under each of its keys and slots. Claims are visited in order, so a
  // claim's entry in a list is the next unfilled one, or the last filled when a second term of the
  // claim shares the key or slot.
  const filled = new Int32Array(postings.size);
  const addClaimWeight = (posting: Posting, claim: number, weight: number) => {
    const n = filled[posting.id]!;
    if (n > 0 && posting.list[n - 1] === claim)
      posting.claimWeights[n - 1] = posting.claimWeights[n - 1]! + weight;
    else {
      posting.claimWeights[n] = weight;
      filled[posting.id] = n + 1;
    }
  };
  for (let c = 0; c < size; c++) {
    const a = analyzed[c]!;
    for (let j = 0; j < a.terms.length; j++) {
      const weight = termStatsAt(a, j)!.weight;
      addClaimWeight(postingOfId[keyIdAt(a, j)]!, c, weight);
      const slot = a.slots[j];
      if (slot !== null && slot !== undefined) addClaimWeight(slotPostings[slot]!, c, weight);
    }
  }

  function termStatsAt(text: AnalyzedText, i: number): TermStats | undefined {
    const info = infoAt(text, i);
    return info === undefined ? termStats.get(text.terms[i]!) : info.stats;
  }
  function keyIdAt(text: AnalyzedText, i: number): number {
    const info = infoAt(text, i);
    return info === undefined ? (postings.get(text.keys[i]!)?.id ?? -1) : info.keyId;
  }

  function candidates(query: AnalyzedText, k = DEFAULT_TOP_K, minShare = CANDIDATE_MIN_SHARE): Candidate[] {
    // The sentence's keys, each once: its variant keys, then one key per slot it fills ("#number",
    // "#weekday"…, in order of first use), so a sentence with an altered number or day still finds
    // the claim. The total weight is summed in that order, keys no claim uses included.
    const found: Posting[] = [];
    const queryKeys: QueryKeys = { id: ++queryCount, total: 0, found, unseen: [] };
    if (termWeights.length < query.keys.length) termWeights = new Float64Array(query.keys.length * 2);
    for (let i = 0; i < query.keys.length; i++) {
      const keyId = keyIdAt(query, i);
      termWeights[i] = termStatsAt(query, i)?.weight ?? unseenWeight;
      const posting = keyId < 0 ? undefined : postingOfId[keyId];
      meetKey(queryKeys, query.keys[i]!, posting, termWeights[i]!, unseenWeight);
    }
    for (let i = 0; i < query.slots.length; i++) {
      const slot = query.slots[i];
      if (slot !== null && slot !== undefined)
        meetKey(queryKeys, SLOT_KEYS[slot], slotPostings[slot], termWeights[i]!, unseenWeight);
    }
    const total = queryKeys.total;
    const floor = total * minShare;
    // Rarest keys first (max-score pruning): a claim first met at key i can gain at most the
    // weight of keys i..end; once that is below the floor, later keys only add to claims already
    // met. Common keys are never walked unless no rarer key exists.
    sortByListLength(found);
    let remaining = 0;
    for (const f of found) remaining += f.weight;
    touchedCount = 0;
    // Slack on the pruning bound below, far above the rounding error of summing a sentence's weights.
    const pruneBelow = floor - 1e-9 * Math.max(1, floor);
    // `touched` sorted by position into `ascending`, on first need: only a list far longer than
    // `touched` is galloped. Stale (false) once pruning drops claims.
    let isAscendingFresh = false;
    for (let i = 0; i < found.length; i++) {
      const { list, weight, claimWeights, pageWeight } = found[i]!;
      // Once false this stays false: `remaining` only falls and lists only grow along `found`.
      const mayAddClaims = remaining >= floor && (list.length <= commonDf || i === 0);
      if (!mayAddClaims) {
        // No new claims from here on. Before each remaining key, drop the claims that cannot
        // reach the floor, or the k-th best sum met so far (sums only grow, so the k-th best final
        // sum is at least that), even if every remaining key is theirs. The long lists only add to
        // the claims kept, by a scan or, when a list is far longer than they are, by galloping
        // search. Neither changes any claim's sum or the result (build-candidate-index.property
        // test checks it against scoring every claim).
        const kth = findKthLargest(accum, touched, touchedCount, k);
        const bar = Math.max(pruneBelow, kth - 1e-9 * Math.max(1, kth));
        let kept = 0;
        for (let t = 0; t < touchedCount; t++) {
          const c = touched[t]!;
          if (accum[c]! + remaining < bar) accum[c] = 0;
          else touched[kept++] = c;
        }
        if (kept < touchedCount) {
          touchedCount = kept;
          isAscendingFresh = false;
        }
      }
      remaining -= weight;
      if (mayAddClaims) {
        for (let j = 0; j < list.length; j++) {
          const c = list[j]!;
          if (accum[c] === 0) {
            touched[touchedCount++] = c;
            pageShared[c] = pageWeight;
            claimShared[c] = claimWeights[j]!;
          } else {
            pageShared[c] = pageShared[c]! + pageWeight;
            claimShared[c] = claimShared[c]! + claimWeights[j]!;
          }
          accum[c] = accum[c]! + weight;
        }
      } else if (list.length < touchedCount * 4) {
        for (let j = 0; j < list.length; j++) {
          const c = list[j]!;
          if (accum[c]! > 0) {
            accum[c] = accum[c]! + weight;
            pageShared[c] = pageShared[c]! + pageWeight;
            claimShared[c] = claimShared[c]! + claimWeights[j]!;
          }
        }
      } else {
        if (!isAscendingFresh) {
          sortAscending(touched, touchedCount, ascending);
          isAscendingFresh = true;
        }
        let from = 0;
        for (let t = 0; t < touchedCount; t++) {
          const c = ascending[t]!;
          from = gallop(list, c, from);
          if (from < list.length && list[from] === c) {
            accum[c] = accum[c]! + weight;
            pageShared[c] = pageShared[c]! + pageWeight;
            claimShared[c] = claimShared[c]! + claimWeights[from]!;
          }
        }
      }
    }
    // The best k by weight, ties by position: kept sorted by insertion, so the hundreds of claims
    // above the floor on a large database are never sorted as a whole.
    const out: Candidate[] = [];
    const limit = Math.max(0, k);
    for (let t = 0; t < touchedCount; t++) {
      const c = touched[t]!;
      const weight = accum[c]!;
      accum[c] = 0;
      if (weight < floor) continue;
      let at = out.length;
      while (at > 0 && ranksBefore(weight, c, out[at - 1]!)) at--;
      if (at >= limit) continue;
      if (out.length >= limit) out.pop();
      // Insert at `at` by shifting the tail (Array.prototype.splice costs more on these short lists).
      const candidate = { claim: c, weight, pageShared: pageShared[c]!, claimShared: claimShared[c]! };
      out.push(candidate);
      for (let j = out.length - 1; j > at; j--) out[j] = out[j - 1]!;
      out[at] = candidate;
    }
    return out;
  }

  return {
    size,
    analyzed,
    termWeight,
    termDf: termDfOf,
    termStats: (term) => termStats.get(term),
    keyWeight,
    termCount: termStats.size,
    keyCount: postings.size,
    keyId: (key) => postings.get(key)?.id ?? -1,
    termStatsAt,
    keyIdAt,
    unseenTermWeight: unseenWeight,
    candidates,
  };
}
