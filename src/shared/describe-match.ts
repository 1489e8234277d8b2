/**
 * Turns a matcher result into what the hover card and the popup show, so both word a verdict,
 * a source and a differing detail identically. Pure: no DOM, no browser API; strings that come
 * from pages or articles are returned as data for the caller to insert as text.
 */
import type { MatchDetail, SentenceMatch, SourceMatch, Verdict } from '../engine/types.ts';

export interface SourceView {
  outlet: string;
  published: string | null;
  quote: string;
  wordedDifferently: boolean;
  /** e.g. "5,200 vs 5,000 (troops in Iraq)": the source's value first, then the page's. */
  details: string[];
  /** Side by side, e.g. [{label: 'page', value: '5,000'}, {label: 'express.co.uk', value: '5,200'}]. */
  comparisons: DetailComparison[];
}

export interface DetailComparison {
  subject: string | null;
  page: string;
  source: string;
}

export interface MatchView {
  verdict: Verdict;
  corroborating: SourceView[];
  conflicting: SourceView[];
}

/** Shown when an article's header names no outlet (callers pass the localised word). */
export const UNKNOWN_OUTLET = 'Unnamed source';

export function formatDetail(detail: MatchDetail): string {
  const base = `${detail.source} vs ${detail.page}`;
  return detail.subject ? `${base} (${detail.subject})` : base;
}

function describeSource(source: SourceMatch, articleLabel: string, unknownOutlet: string): SourceView {
  const differing = source.details.filter(
    (detail) => detail.kind !== 'wording' || source.stance === 'conflicts',
  );
  return {
    outlet: source.outlet ?? `${unknownOutlet} (${articleLabel})`,
    published: source.published,
    quote: source.claim,
    wordedDifferently: source.stance === 'worded-differently',
    details: differing.map(formatDetail),
    comparisons: differing.map((detail) => ({
      subject: detail.subject,
      page: detail.page,
      source: detail.source,
    })),
  };
}

/**
 * Splits a match into corroborating sources (agreeing, or worded differently without a
 * conflicting detail) and conflicting ones, strongest first, one entry per source claim.
 */
export function describeMatch(match: SentenceMatch, unknownOutlet = UNKNOWN_OUTLET): MatchView {
  const sorted = [...match.sources].sort((a, b) => b.score - a.score || a.claimId.localeCompare(b.claimId));
  const corroborating: SourceView[] = [];
  const conflicting: SourceView[] = [];
  // One entry per source article: its closest claim speaks for it.
  const seenArticles = new Set<string>();
  for (const source of sorted) {
    if (seenArticles.has(source.articleId)) continue;
    seenArticles.add(source.articleId);
    const view = describeSource(source, source.articleId.split('_')[0] ?? source.articleId, unknownOutlet);
    if (source.stance === 'conflicts') conflicting.push(view);
    else corroborating.push(view);
  }
  return { verdict: match.verdict, corroborating, conflicting };
}

/** Words too common to be worth emphasising when shared. */
const PLAIN_WORDS: ReadonlySet<string> = new Set(
  'the and for are was were has had have that this with from into its his her their they them there than but not said says will would been'.split(
    ' ',
  ),
);

/** Lower-cased words of `quote` that also occur in `page`, for emphasis in the popup. */
export function findSharedWords(page: string, quote: string): Set<string> {
  const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+(?:[.,]\d+)*/gu) ?? [];
  const pageWords = new Set(words(page));
  return new Set(
    words(quote).filter(
      (word) => pageWords.has(word) && (word.length > 2 || /\d/.test(word)) && !PLAIN_WORDS.has(word),
    ),
  );
}

/** Splits `quote` into runs marked shared or not, so the caller can emphasise shared words. */
export function splitByShared(
  quote: string,
  shared: ReadonlySet<string>,
): { text: string; shared: boolean }[] {
  const runs: { text: string; shared: boolean }[] = [];
  const pattern = /[\p{L}\p{N}]+(?:[.,]\d+)*/gu;
  let last = 0;
  for (const found of quote.matchAll(pattern)) {
    const index = found.index ?? 0;
    const isShared = shared.has(found[0].toLowerCase());
    if (index > last) runs.push({ text: quote.slice(last, index), shared: false });
    runs.push({ text: found[0], shared: isShared });
    last = index + found[0].length;
  }
  if (last < quote.length) runs.push({ text: quote.slice(last), shared: false });
  // Merge neighbours with the same flag so the DOM stays small.
  const merged: { text: string; shared: boolean }[] = [];
  for (const run of runs) {
    const previous = merged[merged.length - 1];
    if (previous && previous.shared === run.shared) previous.text += run.text;
    else merged.push({ ...run });
  }
  return merged;
}
