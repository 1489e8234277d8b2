import { describe, expect, it } from 'vitest';
import { FIXED_BUILT_AT, readArticles } from '../../scripts/seed-articles.ts';
import { buildDatabase } from '../../src/engine/build-database.ts';
import { createMatcher } from '../../src/engine/create-matcher.ts';
import { findOwnArticles, MIN_VERBATIM_SENTENCES } from '../../src/engine/find-own-articles.ts';
import type { SentenceMatch, SourceMatch, Stance } from '../../src/engine/types.ts';

function source(articleId: string, claim: string, stance: Stance = 'agrees'): SourceMatch {
  return {
    claimId: `${articleId}:${claim.length}`,
    factId: 'f1',
    articleId,
    outlet: null,
    published: null,
    claim,
    score: 1,
    stance,
    details: [],
  };
}

function match(index: number, text: string, sources: SourceMatch[]): SentenceMatch {
  return { index, text, verdict: 'corroborated', sources };
}

const SENTENCES = [
  'The letter was signed by Brigadier General William H Seely III.',
  'Esper told reporters there had been no decision to leave Iraq.',
  'About 5,000 US troops remain in Iraq.',
];

describe('findOwnArticles', () => {
  it(`names an article once ${MIN_VERBATIM_SENTENCES} page sentences repeat its claims word for word`, () => {
    const matches = SENTENCES.map((text, i) =>
      match(i, text, [source('own', text), source('other', 'Else.')]),
    );
    expect(findOwnArticles(matches)).toEqual(['own']);
    expect(findOwnArticles(matches.slice(0, MIN_VERBATIM_SENTENCES - 1))).toEqual([]);
  });

  it('reads past case, punctuation, quote marks and spacing, but not different words', () => {
    const matches = [
      match(0, SENTENCES[0]!, [
        source('own', 'the letter was signed by  Brigadier General William H. Seely III'),
      ]),
      match(1, SENTENCES[1]!, [
        source('own', 'Esper told reporters “there had been no decision to leave Iraq”.'),
      ]),
      match(2, SENTENCES[2]!, [source('own', 'About 5,200 US troops remain in Iraq.')]),
    ];
    expect(findOwnArticles(matches)).toEqual([]);
    matches[2] = match(2, SENTENCES[2]!, [source('own', 'ABOUT 5,000 US TROOPS REMAIN IN IRAQ!')]);
    expect(findOwnArticles(matches)).toEqual(['own']);
  });

  it('counts a page sentence once per article, however many of its claims repeat it', () => {
    const text = SENTENCES[0]!;
    const matches = [match(0, text, [source('own', text), source('own', text), source('own', text)])];
    expect(findOwnArticles(matches)).toEqual([]);
  });

  it('recognises every seed article from its own claims through the real matcher', () => {
    // findOwnArticles reads only sources scored 1; a claim checked word for word must score that.
    const db = buildDatabase(readArticles(), { builtAt: FIXED_BUILT_AT });
    const matcher = createMatcher(db);
    for (const article of db.articles) {
      const own = db.claims.filter((c) => c.articleId === article.id).map((c) => c.text);
      expect(findOwnArticles(matcher.match(own))).toEqual([article.id]);
    }
  });
});
