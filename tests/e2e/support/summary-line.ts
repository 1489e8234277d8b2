/**
 * Reads the report's summary line (src/shared/tab-report.ts describeSummary) as the popup header
 * and the toolbar tooltip show it, so the Chromium and Firefox suites check the numbers the same way.
 */

export interface SummaryCounts {
  highlighted: number;
  read: number;
  corroborated: number;
  conflicting: number;
  mixed: number;
}

const SUMMARY_LINE =
  /^(\d+) sentences? highlighted \((\d+) read\)(?: · (\d+) corroborated)?(?: · (\d+) conflicting)?(?: · (\d+) mixed)?$/;

/** The counts of a summary line; null when the text is not one. Absent verdicts count 0. */
export function parseSummaryLine(text: string): SummaryCounts | null {
  const m = SUMMARY_LINE.exec(text);
  if (m === null) return null;
  const count = (i: number) => Number(m[i] ?? 0);
  return {
    highlighted: count(1),
    read: count(2),
    corroborated: count(3),
    conflicting: count(4),
    mixed: count(5),
  };
}

/** The tooltip's prefix before the summary line (_locales actionTitleReport). */
export const TOOLTIP_PREFIX = 'Crosscheck: ';
