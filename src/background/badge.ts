/**
 * The toolbar badge for a tab: the number of highlighted sentences, empty when there are none.
 * Red when any highlighted sentence conflicts with a source (or is mixed), green when all are
 * corroborated. The button's tooltip says what the number counts, in the popup's summary words.
 * Pure (strings come through `translate`), so the rule is tested without a browser.
 */
import type { TabReport, Translate } from '../shared/tab-report.ts';
import { describeSummary, summarizeReport } from '../shared/tab-report.ts';

export const BADGE_CONFLICT_COLOR = '#B3261E';
export const BADGE_CORROBORATED_COLOR = '#1A7F37';

export interface BadgeState {
  text: string;
  color: string;
  /** The toolbar button's tooltip. */
  title: string;
}

export function computeBadge(report: TabReport | undefined, translate: Translate): BadgeState {
  if (!report || report.entries.length === 0 || report.status !== 'checked') {
    return { text: '', color: BADGE_CORROBORATED_COLOR, title: translate('actionTitle') };
  }
  const count = report.entries.length;
  const anyConflict = report.entries.some(({ match }) => match.verdict !== 'corroborated');
  return {
    text: count > 999 ? '999+' : String(count),
    color: anyConflict ? BADGE_CONFLICT_COLOR : BADGE_CORROBORATED_COLOR,
    title: translate('actionTitleReport', describeSummary(summarizeReport(report), translate)),
  };
}
