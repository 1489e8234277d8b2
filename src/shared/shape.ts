/**
 * Small runtime shape checks for data crossing a trust boundary (messages, storage.session).
 * Each returns true only for values the typed code can use without further checks; they never
 * throw, and they bound lengths so a runaway sender cannot make the background hold huge data.
 */
import type { MatchDetail, SentenceMatch, SourceMatch } from '../engine/types.ts';
import type { OwnArticle, ReportEntry, TabReport, WireTabReport } from './tab-report.ts';

export const MAX_SENTENCE_CHARS = 2_000;
export const MAX_BATCH_SENTENCES = 500;
export const MAX_REPORT_ENTRIES = 5_000;
/** A page reproduces one article, rarely a few (syndicated copies); more is not a real page. */
export const MAX_OWN_ARTICLES = 50;
const MAX_SOURCES_PER_SENTENCE = 200;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isString(value: unknown, maxLength = Number.POSITIVE_INFINITY): value is string {
  return typeof value === 'string' && value.length <= maxLength;
}

export function isNullableString(value: unknown): value is string | null {
  return value === null || typeof value === 'string';
}

export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

export function isNonNegativeInteger(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0;
}

export function isArrayOf<T>(
  value: unknown,
  check: (item: unknown) => item is T,
  maxLength: number,
): value is T[] {
  return Array.isArray(value) && value.length <= maxLength && value.every((item) => check(item));
}

const VERDICTS = new Set(['corroborated', 'conflicting', 'mixed']);
const STANCES = new Set(['agrees', 'conflicts', 'worded-differently']);
const DETAIL_KINDS = new Set(['number', 'date', 'person', 'attribute', 'polarity', 'wording', 'other']);
const TAB_STATUSES = new Set(['checked', 'checking', 'site-disabled', 'unreadable']);

export function isMatchDetail(value: unknown): value is MatchDetail {
  return (
    isRecord(value) &&
    typeof value.kind === 'string' &&
    DETAIL_KINDS.has(value.kind) &&
    isString(value.page) &&
    isString(value.source) &&
    isNullableString(value.subject) &&
    (value.altersMeaning === undefined || typeof value.altersMeaning === 'boolean')
  );
}

export function isSourceMatch(value: unknown): value is SourceMatch {
  return (
    isRecord(value) &&
    isString(value.claimId) &&
    isString(value.factId) &&
    isString(value.articleId) &&
    isNullableString(value.outlet) &&
    isNullableString(value.published) &&
    isString(value.claim) &&
    isFiniteNumber(value.score) &&
    typeof value.stance === 'string' &&
    STANCES.has(value.stance) &&
    isArrayOf(value.details, isMatchDetail, 50)
  );
}

export function isSentenceMatch(value: unknown): value is SentenceMatch {
  return (
    isRecord(value) &&
    isNonNegativeInteger(value.index) &&
    isString(value.text, MAX_SENTENCE_CHARS) &&
    typeof value.verdict === 'string' &&
    VERDICTS.has(value.verdict) &&
    isArrayOf(value.sources, isSourceMatch, MAX_SOURCES_PER_SENTENCE)
  );
}

export function isOwnArticle(value: unknown): value is OwnArticle {
  return (
    isRecord(value) &&
    isString(value.id, 200) &&
    value.id.length > 0 &&
    (value.outlet === null || isString(value.outlet, 200)) &&
    (value.title === null || isString(value.title, 1_000))
  );
}

export function isReportEntry(value: unknown): value is ReportEntry {
  return isRecord(value) && isString(value.key, 200) && isSentenceMatch(value.match);
}

export function isTabReport(value: unknown): value is TabReport {
  return (
    isRecord(value) &&
    isString(value.url, 10_000) &&
    typeof value.status === 'string' &&
    TAB_STATUSES.has(value.status) &&
    isNonNegativeInteger(value.checked) &&
    typeof value.highlightsVisible === 'boolean' &&
    isArrayOf(value.ownArticles, isOwnArticle, MAX_OWN_ARTICLES) &&
    isArrayOf(value.entries, isReportEntry, MAX_REPORT_ENTRIES)
  );
}

/** Like isTabReport, for the packed form; every entry must point at one of the sent matches. */
export function isWireTabReport(value: unknown): value is WireTabReport {
  if (
    !isRecord(value) ||
    !isString(value.url, 10_000) ||
    typeof value.status !== 'string' ||
    !TAB_STATUSES.has(value.status) ||
    !isNonNegativeInteger(value.checked) ||
    typeof value.highlightsVisible !== 'boolean' ||
    !isArrayOf(value.ownArticles, isOwnArticle, MAX_OWN_ARTICLES) ||
    !isArrayOf(value.matches, isSentenceMatch, MAX_REPORT_ENTRIES)
  ) {
    return false;
  }
  const count = value.matches.length;
  return isArrayOf(
    value.entries,
    (entry): entry is { key: string; match: number } =>
      isRecord(entry) && isString(entry.key, 200) && isNonNegativeInteger(entry.match) && entry.match < count,
    MAX_REPORT_ENTRIES,
  );
}
