/**
 * The core-coverage rule: a page sentence that meets none of a claim's quantities shares only topic
 * words with it, so it must clear CORE_MISSED_THRESHOLD instead of MATCH_THRESHOLD.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXED_BUILT_AT, readArticles } from '../../scripts/seed-articles.ts';
import { analyzeText, buildCandidateIndex } from '../../src/engine/build-candidate-index.ts';
import { buildDatabase } from '../../src/engine/build-database.ts';
import type { ClaimFinder } from '../../src/engine/find-matching-claims.ts';
import {
  CORE_MISSED_THRESHOLD,
  createClaimFinder,
  MATCH_THRESHOLD,
} from '../../src/engine/find-matching-claims.ts';
import { alignTerms } from '../../src/engine/score-match.ts';

const TROOPS =
  'More than 5,000 US soldiers currently staying in Iraq to fight against the Islamic State (IS) group.';
const ESPER = 'Esper told reporters in Washington: "There\'s been no decision to leave Iraq".';
const index = buildCandidateIndex([TROOPS, ESPER, 'The Iraqi parliament passed a resolution on Sunday.']);
const align = (page: string, claim: number) => alignTerms(analyzeText(page), index.analyzed[claim]!, index);

describe('Alignment.coreMissed', () => {
  it('is set when the claim states a quantity and the sentence none', () => {
    expect(
      align('Most of them train and advise Iraqi forces fighting the Islamic State group.', 0).coreMissed,
    ).toBe(true);
  });

  it('is clear when the sentence restates the quantity, or alters it (a conflict to report)', () => {
    expect(align('Some 5,000 US soldiers are in Iraq to fight the Islamic State group.', 0).coreMissed).toBe(
      false,
    );
    expect(align('About 5,200 US soldiers are in Iraq to fight the Islamic State group.', 0).coreMissed).toBe(
      false,
    );
  });

  it('does not count a year as meeting a quantity', () => {
    expect(align('US soldiers have fought the Islamic State group in Iraq since 2014.', 0).coreMissed).toBe(
      true,
    );
  });

  it('is clear when the claim has no quantity (weekdays are not core)', () => {
    expect(align('Esper said there had been no decision to leave Iraq.', 1).coreMissed).toBe(false);
    expect(align('Iraqi lawmakers passed a resolution.', 2).coreMissed).toBe(false);
  });
});

describe('core-missed threshold in the matcher (seed database)', () => {
  let finder: ClaimFinder;
  beforeAll(() => {
    finder = createClaimFinder(buildDatabase(readArticles(), { builtAt: FIXED_BUILT_AT }));
  });
  const topical =
    'Most of them train and advise Iraqi forces fighting the remnants of the Islamic State group.';

  it('is stricter than the ordinary threshold', () => {
    expect(CORE_MISSED_THRESHOLD).toBeGreaterThan(MATCH_THRESHOLD);
  });

  it('rejects a topical sentence that the ordinary threshold alone would accept', () => {
    const withoutRule = finder.find(topical, { coreMissedThreshold: 0 });
    expect(withoutRule.map((h) => h.claim.text)).toContain(TROOPS);
    expect(finder.find(topical)).toEqual([]);
  });

  it('still matches a sentence that restates the quantity, or alters it', () => {
    expect(
      finder.find('Some 5,000 American soldiers remain in Iraq to fight the Islamic State group.'),
    ).not.toEqual([]);
    expect(finder.find('About 6,000 US troops are in Iraq.')).not.toEqual([]);
  });
});
