import { describe, expect, it } from 'vitest';
import { BADGE_CONFLICT_COLOR, BADGE_CORROBORATED_COLOR, computeBadge } from '../../src/background/badge.ts';
import type { SentenceMatch, Verdict } from '../../src/engine/types.ts';
import { createEmptyReport, type TabReport } from '../../src/shared/tab-report.ts';

function reportWith(verdicts: Verdict[], status: TabReport['status'] = 'checked'): TabReport {
  return {
    ...createEmptyReport(status, 'http://127.0.0.1/a.html'),
    checked: verdicts.length + 3,
    entries: verdicts.map((verdict, index) => ({
      key: `k${index}`,
      match: { index, text: `Sentence ${index}.`, verdict, sources: [] } satisfies SentenceMatch,
    })),
  };
}

describe('computeBadge', () => {
  it('is empty when there is no report or nothing is highlighted', () => {
    expect(computeBadge(undefined).text).toBe('');
    expect(computeBadge(reportWith([])).text).toBe('');
    expect(computeBadge(createEmptyReport('unreadable')).text).toBe('');
  });

  it('counts highlighted sentences (not checked ones) and is green when all are corroborated', () => {
    expect(computeBadge(reportWith(['corroborated', 'corroborated']))).toEqual({
      text: '2',
      color: BADGE_CORROBORATED_COLOR,
    });
  });

  it('turns the conflict colour when any sentence conflicts or is mixed', () => {
    expect(computeBadge(reportWith(['corroborated', 'conflicting'])).color).toBe(BADGE_CONFLICT_COLOR);
    expect(computeBadge(reportWith(['mixed'])).color).toBe(BADGE_CONFLICT_COLOR);
    expect(BADGE_CONFLICT_COLOR).not.toBe(BADGE_CORROBORATED_COLOR);
  });

  it('shows nothing for a disabled site even if stale entries remain', () => {
    expect(computeBadge(reportWith(['conflicting'], 'site-disabled')).text).toBe('');
  });

  it('caps very large counts so the badge stays legible', () => {
    expect(computeBadge(reportWith(Array.from({ length: 1200 }, () => 'corroborated' as const))).text).toBe(
      '999+',
    );
  });
});
