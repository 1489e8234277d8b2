/**
 * The engine's data contracts: the claim database schema and the matcher's results.
 * Everything here is plain JSON-serialisable data so it can cross the message boundary between
 * the service worker, content script and popup unchanged. Bump DB_SCHEMA_VERSION on any change
 * to ClaimDatabase or anything it contains; database validation rejects other versions.
 */

export const DB_SCHEMA_VERSION = 2;

/** What an article's header tells us. `null` means the text itself does not say. */
export interface ArticleMeta {
  id: string;
  outlet: string | null;
  title: string | null;
  /** ISO date, YYYY-MM-DD. */
  published: string | null;
  url: string | null;
  /** BCP 47 tag, e.g. "en". */
  language: string | null;
}

/** An article as the pipeline receives it. Claim offsets index into `body`. */
export interface SourceArticle extends ArticleMeta {
  body: string;
}

/** Counted thing, e.g. 5,000 troops. `unit` is the normalised counted noun ("troops"). */
export interface Quantity {
  value: number;
  unit: string;
  qualifier: QuantityQualifier;
  /** The words as written, e.g. "about 5,000 US troops". */
  text: string;
  /**
   * Normalised words that narrow what is counted, e.g. ["us"] for "5,000 US troops" or ["uk", "army"]
   * for "400 British Army soldiers". Quantities whose modifiers name different countries never compare.
   */
  modifiers?: string[];
  /**
   * What the count is narrowed to beyond its noun (extract-quantities.ts): `casualties` for the
   * hurt or killed among them ("25 US troops were hurt"), `site` for those at one base, camp or
   * embassy ("1,500 US troops are stationed at Al Asad air base"). Absent: the whole of what the
   * noun names where the sentence puts it. Counts of different scopes never compare: 25 hurt are
   * not a different figure for the 5,000 deployed.
   */
  scope?: QuantityScope;
}

export const QUANTITY_SCOPES = ['casualties', 'site'] as const;
export type QuantityScope = (typeof QUANTITY_SCOPES)[number];

/** A weekday tied to the event it dates, e.g. { day: "friday", event: "killing" }. `event` null: unknown. */
export interface DayMention {
  day: string;
  event: string | null;
}

/** A predicate the claim asserts or negates, e.g. { predicate: "sign", negated: true, text: "wasn't signed" }. */
export interface Assertion {
  predicate: string;
  negated: boolean;
  /** The words as written, including the negation cue. */
  text: string;
}

export type QuantityQualifier =
  | 'exact'
  | 'about'
  | 'more-than'
  | 'at-least'
  | 'less-than'
  | 'at-most'
  | 'nearly';

export interface PersonMention {
  /** Surface form as written. */
  name: string;
  /** Normalised matching key for the person (surname skeleton), stable across spelling variants. */
  key: string;
  rank: string | null;
  branch: string | null;
  role: string | null;
}

export interface Quotation {
  text: string;
  /** Normalised speaker key, or null when the article does not say who said it. */
  speaker: string | null;
}

export interface ClaimFeatures {
  quantities: Quantity[];
  /** Lower-case weekday names: "friday". */
  days: string[];
  /** ISO dates or partial dates ("2020-01", "2020-01-06"). */
  dates: string[];
  people: PersonMention[];
  organisations: string[];
  places: string[];
  /** True when the claim's main assertion is negated ("no decision to leave", "wasn't signed"). */
  negated: boolean;
  quotes: Quotation[];
  /** Weekdays with the event each one dates; optional so older callers can omit it. */
  dayMentions?: DayMention[];
  /** Polarity per predicate ("signed" vs "wasn't signed"); optional so older callers can omit it. */
  assertions?: Assertion[];
  /** What an acronym is said to stand for ("CJTF-OIR" -> "Combined Joint Task Force – ..."); optional. */
  expansions?: AcronymExpansion[];
}

/**
 * The details compareClaims reads: a claim's features but its organisations, which only the
 * database's claims need. A page sentence's are extracted as these (extractComparedFeatures).
 */
export type ComparedFeatures = Omit<ClaimFeatures, 'organisations'>;

/**
 * Which kinds of detail to extract from a page sentence: the ones compareClaims can read against
 * the sources it is compared with (findFeatureNeeds in compare-claims.ts). A kind left out is
 * extracted as empty.
 */
export interface FeatureNeeds {
  /** Quantities, and the places that name what they count in. */
  quantities: boolean;
  /** Weekdays and the events they date. */
  days: boolean;
  dates: boolean;
  people: boolean;
  /** Polarity per predicate. */
  assertions: boolean;
  quotes: boolean;
  expansions: boolean;
}

export interface AcronymExpansion {
  acronym: string;
  expansion: string;
}

export interface Claim {
  id: string;
  articleId: string;
  /** The exact sentence; equals article.body.slice(start, end). */
  text: string;
  start: number;
  end: number;
  /** Who the claim is attributed to, when the sentence or its quote says. */
  speaker: string | null;
  features: ClaimFeatures;
}

export type Stance = 'agrees' | 'conflicts' | 'worded-differently';

export type DetailKind = 'number' | 'date' | 'person' | 'attribute' | 'polarity' | 'wording' | 'other';

/** One differing detail between two claims `a` and `b`, e.g. number 5,000 vs 5,200 (troops in Iraq). */
export interface Detail {
  kind: DetailKind;
  a: string;
  b: string;
  /** What the values describe, e.g. "troops in Iraq". */
  subject: string | null;
  /** For wording details: true when the change alters the meaning ("in deference to" / "in defense of"). */
  altersMeaning?: boolean;
}

export interface Relation {
  a: string;
  b: string;
  stance: Stance;
  details: Detail[];
}

/** A group of claims from (usually) several articles that state the same fact. */
export interface Fact {
  id: string;
  claimIds: string[];
  relations: Relation[];
}

export type DropReason =
  | 'headline'
  | 'question'
  | 'caption'
  | 'navigation'
  | 'furniture'
  | 'too-short'
  | 'no-claim'
  | 'duplicate';

export interface DroppedSentence {
  articleId: string;
  text: string;
  start: number;
  end: number;
  reason: DropReason;
}

export interface ClaimDatabase {
  schemaVersion: typeof DB_SCHEMA_VERSION;
  /** ISO timestamp fixed by the build's input (SOURCE_DATE_EPOCH or the data's commit time), never the wall clock. */
  builtAt: string | null;
  /** Hex digest of the inputs, so two databases can be compared cheaply. */
  digest: string;
  articles: SourceArticle[];
  claims: Claim[];
  facts: Fact[];
  dropped: DroppedSentence[];
}

// ---- Matcher results -------------------------------------------------------------------------

export type Verdict = 'corroborated' | 'conflicting' | 'mixed';

/** A differing detail as seen from the page: `page` is the page's value, `source` the source's. */
export interface MatchDetail {
  kind: DetailKind;
  page: string;
  source: string;
  subject: string | null;
  altersMeaning?: boolean;
}

export interface SourceMatch {
  claimId: string;
  factId: string;
  articleId: string;
  outlet: string | null;
  published: string | null;
  /** The source's sentence, quoted. */
  claim: string;
  /** 0..1, higher is closer. */
  score: number;
  stance: Stance;
  details: MatchDetail[];
}

export interface SentenceMatch {
  /** Index into the array passed to `match`. */
  index: number;
  text: string;
  verdict: Verdict;
  sources: SourceMatch[];
}

export interface MatcherOptions {
  /** Minimum combined score (0..1) for a claim to count as a match. Defaults to the calibrated value. */
  threshold?: number;
}

export interface Matcher {
  /** Returns one entry per sentence that matched at least one claim, in input order. */
  match(sentences: readonly string[]): SentenceMatch[];
}
