import { describe, expect, it } from 'vitest';
import { BADGE_CONFLICT_COLOR, BADGE_CORROBORATED_COLOR, computeBadge } from '../../src/background/badge.ts';
import type { SentenceMatch, Verdict } from '../../src/engine/types.ts';
import { createEmptyReport, type TabReport } from '../../src/shared/tab-report.ts';
import { translateEnglish } from '../support/locale.ts';

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
    expect(computeBadge(undefined, translateEnglish).text).toBe('');
    expect(computeBadge(reportWith([]), translateEnglish).text).toBe('');
    expect(computeBadge(createEmptyReport('unreadable'), translateEnglish).text).toBe('');
  });

  it('counts highlighted sentences (not checked ones) and is green when all are corroborated', () => {
    expect(computeBadge(reportWith(['corroborated', 'corroborated']), translateEnglish)).toEqual({
      text: '2',
      color: BADGE_CORROBORATED_COLOR,
      title: 'Crosscheck: 2 sentences highlighted (5 read) · 2 corroborated',
    });
  });

  it('turns the conflict colour when any sentence conflicts or is mixed', () => {
    expect(computeBadge(reportWith(['corroborated', 'conflicting']), translateEnglish).color).toBe(
      BADGE_CONFLICT_COLOR,
    );
    expect(computeBadge(reportWith(['mixed']), translateEnglish).color).toBe(BADGE_CONFLICT_COLOR);
    expect(BADGE_CONFLICT_COLOR).not.toBe(BADGE_CORROBORATED_COLOR);
  });

  it('shows nothing for a disabled site even if stale entries remain', () => {
    expect(computeBadge(reportWith(['conflicting'], 'site-disabled'), translateEnglish).text).toBe('');
  });

  it('caps very large counts so the badge stays legible', () => {
    expect(
      computeBadge(reportWith(Array.from({ length: 1200 }, () => 'corroborated' as const)), translateEnglish)
        .text,
    ).toBe('999+');
  });

  it('says in the tooltip what the number counts, in the words of the popup and the cards', () => {
    expect(
      computeBadge(reportWith(['mixed', 'corroborated', 'conflicting', 'mixed']), translateEnglish).title,
    ).toBe('Crosscheck: 4 sentences highlighted (7 read) · 1 corroborated · 1 conflicting · 2 mixed');
    expect(computeBadge(reportWith(['conflicting']), translateEnglish).title).toBe(
      'Crosscheck: 1 sentence highlighted (4 read) · 1 conflicting',
    );
    expect(computeBadge(undefined, translateEnglish).title).toBe('Crosscheck: sources for this page');
    expect(computeBadge(reportWith(['mixed'], 'site-disabled'), translateEnglish).title).toBe(
      'Crosscheck: sources for this page',
    );
  });
});
