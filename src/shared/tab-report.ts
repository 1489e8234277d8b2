/**
 * What the page knows about itself after checking: the content script builds a TabReport,
 * the background keeps one per tab (and mirrors it to storage.session so a stopped MV3 worker
 * can restore it), and the popup renders it. Plain JSON, validated at every boundary.
 */
import type { SentenceMatch } from '../engine/types.ts';

/**
 * Why a tab shows what it shows.
 * - `checked`: the page was read; `entries` may still be empty (no claims on this page).
 * - `checking`: the content script is still reading the page.
 * - `site-disabled`: the user turned checking off for this site.
 * - `unreadable`: no content script runs here (browser pages, the web store, file viewers).
 */
export type TabStatus = 'checked' | 'checking' | 'site-disabled' | 'unreadable';

/**
 * A database article the page reproduces word for word (find-own-articles.ts): the reader is on
 * that outlet's story, so it is left out of the page's sources, and the popup says so.
 */
export interface OwnArticle {
  id: string;
  outlet: string | null;
  title: string | null;
}

/** One highlighted sentence on the page. `key` is stable for the page's lifetime. */
export interface ReportEntry {
  key: string;
  match: SentenceMatch;
}

export interface TabReport {
  url: string;
  status: TabStatus;
  /** How many distinct sentences the content script sent for checking. */
  checked: number;
  /** Highlighted sentences, in page order. */
  entries: ReportEntry[];
  /** False while highlights are toggled off by the reader. */
  highlightsVisible: boolean;
  /** Database articles the page reproduces, left out of its sources. */
  ownArticles: OwnArticle[];
}

export interface ReportSummary {
  checked: number;
  highlighted: number;
  corroborated: number;
  conflicting: number;
  mixed: number;
}

export function summarizeReport(report: TabReport): ReportSummary {
  const summary: ReportSummary = {
    checked: report.checked,
    highlighted: report.entries.length,
    corroborated: 0,
    conflicting: 0,
    mixed: 0,
  };
  for (const { match } of report.entries) summary[match.verdict] += 1;
  return summary;
}

/** Looks up a locale message with substitutions (i18n.ts `t`, or a stand-in in tests). */
export type Translate = (key: string, substitutions?: string | string[]) => string;

/**
 * The report in one line, in the words the badge and the cards use: how many sentences are
 * highlighted (the badge's number) and how many were read, then each verdict that occurs, as the
 * cards name them: "9 sentences highlighted (14 read) · 4 corroborated · 5 mixed". Several
 * occurrences of one sentence each count as highlighted, so the first number can exceed the second.
 */
export function describeSummary(summary: ReportSummary, translate: Translate): string {
  const head =
    summary.highlighted === 1
      ? translate('summaryHighlightedOne', String(summary.checked))
      : translate('summaryHighlighted', [String(summary.highlighted), String(summary.checked)]);
  const verdicts = (
    [
      ['summaryCorroborated', summary.corroborated],
      ['summaryConflicting', summary.conflicting],
      ['summaryMixed', summary.mixed],
    ] as const
  )
    .filter(([, count]) => count > 0)
    .map(([key, count]) => translate(key, String(count)));
  return [head, ...verdicts].join(' · ');
}

export function createEmptyReport(status: TabStatus, url = ''): TabReport {
  return { url, status, checked: 0, entries: [], highlightsVisible: true, ownArticles: [] };
}

/**
 * A TabReport as the content script sends it: each distinct match once, entries pointing at it by
 * index. A page that repeats one claim thousands of times would otherwise serialise thousands of
 * copies of the same match in one synchronous message on the page's main thread.
 */
export interface WireTabReport extends Omit<TabReport, 'entries'> {
  matches: SentenceMatch[];
  entries: { key: string; match: number }[];
}

export function packReport(report: TabReport): WireTabReport {
  const indexOf = new Map<SentenceMatch, number>();
  const matches: SentenceMatch[] = [];
  const entries = report.entries.map(({ key, match }) => {
    let index = indexOf.get(match);
    if (index === undefined) {
      index = matches.push(match) - 1;
      indexOf.set(match, index);
    }
    return { key, match: index };
  });
  return { ...report, matches, entries };
}

/** The report the wire form stands for; entries share their match objects. */
export function unpackReport(wire: WireTabReport): TabReport {
  const { matches, entries, ...rest } = wire;
  return { ...rest, entries: entries.map(({ key, match }) => ({ key, match: matches[match]! })) };
}
