import { describe, expect, it } from 'vitest';
import type { SentenceMatch, SourceMatch } from '../../src/engine/types.ts';
import {
  describeMatch,
  findSharedWords,
  formatDetail,
  splitByShared,
} from '../../src/shared/describe-match.ts';

function source(overrides: Partial<SourceMatch>): SourceMatch {
  return {
    claimId: 'x:1',
    factId: 'f',
    articleId: '001_abc',
    outlet: 'AAP',
    published: null,
    claim: 'The United States has about 5000 troops in Iraq.',
    score: 0.9,
    stance: 'agrees',
    details: [],
    ...overrides,
  };
}

describe('describeMatch', () => {
  const match: SentenceMatch = {
    index: 0,
    text: 'The United States has about 5,000 troops in Iraq.',
    verdict: 'mixed',
    sources: [
      source({
        claimId: 'e:1',
        articleId: '000_e',
        outlet: 'express.co.uk',
        stance: 'conflicts',
        score: 0.5,
        details: [{ kind: 'number', page: '5,000', source: '5,200', subject: 'US troops in Iraq' }],
      }),
      source({ claimId: 'a:1', articleId: '004_a', score: 1 }),
      source({ claimId: 'a:2', articleId: '004_a', score: 0.4, stance: 'conflicts' }),
      source({
        claimId: 'n:1',
        articleId: '002_n',
        outlet: null,
        published: '2020-01-06',
        stance: 'worded-differently',
        score: 0.7,
      }),
    ],
  };

  it('splits sources into corroborating and conflicting, strongest first, one per article', () => {
    const view = describeMatch(match);
    expect(view.verdict).toBe('mixed');
    expect(view.corroborating.map((s) => s.outlet)).toEqual(['AAP', 'Unnamed source (002)']);
    expect(view.corroborating[1]!.wordedDifferently).toBe(true);
    expect(view.conflicting.map((s) => s.outlet)).toEqual(['express.co.uk']);
  });

  it('words a differing detail source-first, with its subject', () => {
    const view = describeMatch(match);
    expect(view.conflicting[0]!.details).toEqual(['5,200 vs 5,000 (US troops in Iraq)']);
    expect(view.conflicting[0]!.comparisons).toEqual([
      { subject: 'US troops in Iraq', page: '5,000', source: '5,200' },
    ]);
    expect(formatDetail({ kind: 'date', page: 'Thursday', source: 'Friday', subject: null })).toBe(
      'Friday vs Thursday',
    );
  });

  it('uses the caller’s word for an unnamed outlet', () => {
    expect(describeMatch(match, 'Source sans nom').corroborating[1]!.outlet).toBe('Source sans nom (002)');
  });
});

describe('shared-word emphasis', () => {
  it('marks content words and numbers both texts contain, keeping the quote intact', () => {
    const quote = 'around 5,200 US troops in the country.';
    const shared = findSharedWords('about 5,000 troops in the country', quote);
    expect([...shared].sort()).toEqual(['country', 'troops']);
    const runs = splitByShared(quote, shared);
    expect(runs.map((r) => r.text).join('')).toBe(quote);
    expect(runs.filter((r) => r.shared).map((r) => r.text)).toEqual(['troops', 'country']);
  });
});
