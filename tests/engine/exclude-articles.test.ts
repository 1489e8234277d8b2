import { describe, expect, it } from 'vitest';
import { excludeArticles } from '../../src/engine/exclude-articles.ts';
import type { SentenceMatch, SourceMatch, Stance } from '../../src/engine/types.ts';

function source(articleId: string, stance: Stance): SourceMatch {
  return {
    claimId: `${articleId}-c`,
    factId: 'f1',
    articleId,
    outlet: articleId,
    published: null,
    claim: 'A claim.',
    score: 0.8,
    stance,
    details: [],
  };
}

const mixed: SentenceMatch = {
  index: 0,
  text: 'About 5,200 US troops remain in Iraq.',
  verdict: 'mixed',
  sources: [source('own', 'agrees'), source('aap', 'conflicts')],
};
const ownOnly: SentenceMatch = {
  index: 1,
  text: 'Only here.',
  verdict: 'corroborated',
  sources: [source('own', 'agrees')],
};

describe('excludeArticles', () => {
  it('drops the sources of the excluded articles and recomputes the verdict from the rest', () => {
    const [left] = excludeArticles([mixed], new Set(['own']));
    expect(left?.sources.map((s) => s.articleId)).toEqual(['aap']);
    expect(left?.verdict).toBe('conflicting');
  });

  it('drops a sentence whose only sources were excluded, and keeps the others untouched', () => {
    expect(excludeArticles([mixed, ownOnly], new Set(['own'])).map((m) => m.index)).toEqual([0]);
    expect(excludeArticles([mixed, ownOnly], new Set())).toEqual([mixed, ownOnly]);
    expect(excludeArticles([mixed], new Set(['elsewhere']))[0]).toBe(mixed);
  });
});
