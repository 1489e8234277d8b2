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

export function createEmptyReport(status: TabStatus, url = ''): TabReport {
  return { url, status, checked: 0, entries: [], highlightsVisible: true };
}
