import { describe, expect, it } from 'vitest';
import { createClaimEngine, normalizePageUrl, selectSearchWords } from '../../src/background/claim-engine.ts';
import type { SourceArticle } from '../../src/engine/types.ts';
import { createBundledEngine, loadSeedBundle } from '../support/bundled-database.ts';

const bundled = loadSeedBundle();
const TROOPS = 'The United States has about 5,000 troops in Iraq.';

function userArticle(url: string, body: string): SourceArticle {
  return { id: 'user_1', outlet: 'My Paper', title: 'Copy', published: null, url, language: 'en', body };
}

describe('claim engine in the service worker', () => {
  it('matches page sentences against the bundled database and reports its facts', () => {
    const engine = createBundledEngine(bundled);
    const [match] = engine.match([TROOPS]).matches;
    expect(match?.sources.some((s) => s.outlet === 'express.co.uk' && s.stance === 'conflicts')).toBe(true);
    const info = engine.info();
    expect(info).toMatchObject({ articles: 5, userArticles: 0, userArticlesError: null });
    expect(info.outlets).toEqual(['AAP', 'Daily US Times', 'express.co.uk']);
    expect(info.claims).toBe(bundled.claims.length);
  });

  it('adds the user’s articles with the same pipeline, and never lets a page cite its own copy', () => {
    const url = 'https://news.example/troops#top';
    const engine = createClaimEngine({
      bundled,
      userArticles: [
        userArticle('https://news.example/troops', `${TROOPS}\n\nIt was a quiet week otherwise.`),
      ],
      userArticlesError: null,
      threshold: undefined,
    });
    expect(engine.info()).toMatchObject({ articles: 6, userArticles: 1 });
    const elsewhere = engine.match([TROOPS], 'https://other.example/page').matches[0]!;
    expect(elsewhere.sources.some((s) => s.articleId === 'user_1')).toBe(true);
    const onItsOwnPage = engine.match([TROOPS], url).matches[0]!;
    expect(onItsOwnPage.sources.some((s) => s.articleId === 'user_1')).toBe(false);
    expect(onItsOwnPage.sources.length).toBeGreaterThan(0);
    expect(normalizePageUrl(url)).toBe('https://news.example/troops');
  });

  it('recognises a page that reproduces a seed article by its text, and leaves that outlet out', () => {
    const engine = createBundledEngine(bundled);
    const express = bundled.articles.find((a) => a.outlet === 'express.co.uk')!;
    const page = bundled.claims.filter((c) => c.articleId === express.id).map((c) => c.text);
    const first = engine.match(page.slice(0, 10));
    expect(first.ownArticles).toEqual([{ id: express.id, outlet: 'express.co.uk', title: express.title }]);
    const sources = first.matches.flatMap((m) => m.sources);
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.some((s) => s.articleId === express.id)).toBe(false);
    // A later batch with a single verbatim sentence is not enough on its own; the page passes on
    // what its first batch found.
    const later = page.slice(10, 11);
    expect(
      engine
        .match(later)
        .matches.flatMap((m) => m.sources)
        .some((s) => s.articleId === express.id),
    ).toBe(true);
    const told = engine.match(
      later,
      undefined,
      first.ownArticles.map((a) => a.id),
    );
    expect(told.matches.flatMap((m) => m.sources).some((s) => s.articleId === express.id)).toBe(false);
    expect(told.ownArticles.map((a) => a.id)).toEqual([express.id]);
  });

  it('keeps an outlet that shares a sentence or two with the page as a source', () => {
    const engine = createBundledEngine(bundled);
    const aap = bundled.articles.find((a) => a.outlet === 'AAP')!;
    const quoted = bundled.claims.filter((c) => c.articleId === aap.id).slice(0, 2);
    const result = engine.match([...quoted.map((c) => c.text), TROOPS]);
    expect(result.ownArticles).toEqual([]);
    expect(result.matches.flatMap((m) => m.sources).some((s) => s.articleId === aap.id)).toBe(true);
  });

  it('keeps the bundled database when the user’s sources cannot be built, and says why', () => {
    const broken = { ...userArticle('https://x.example/', 'text'), body: undefined as unknown as string };
    const engine = createClaimEngine({
      bundled,
      userArticles: [broken],
      userArticlesError: null,
      threshold: undefined,
    });
    expect(engine.info().articles).toBe(5);
    expect(engine.info().userArticlesError).toMatch(/could not be added/);
    expect(engine.match([TROOPS]).matches.length).toBe(1);
  });

  it('still matches the rest of a batch when one sentence trips the matcher (finding B1)', () => {
    const engine = createBundledEngine(bundled);
    const { matches } = engine.match(['The constructor of the new bridge said it was safe.', TROOPS]);
    expect(matches.map((m) => m.index)).toContain(1);
    expect(matches.find((m) => m.index === 1)?.text).toBe(TROOPS);
  });

  it('finds claims across the whole database by fuzzy search, best first', () => {
    const engine = createBundledEngine(bundled);
    const results = engine.search('troops in Iraq', 5);
    expect(results.length).toBeGreaterThan(0);
    expect(results.length).toBeLessThanOrEqual(5);
    expect(results[0]!.text.toLowerCase()).toContain('troops');
    for (let i = 1; i < results.length; i++)
      expect(results[i - 1]!.score).toBeGreaterThanOrEqual(results[i]!.score);
    expect(engine.search('x', 5)).toEqual([]);
  });

  it('searches by words, each fuzzily, all of which a claim must contain', () => {
    const engine = createBundledEngine(bundled);
    const texts = (query: string) => engine.search(query, 20).map((r) => r.text);
    // Words apart in the claims: one string ("esper decision") matched none of them.
    const esper = texts('Esper decision');
    expect(esper.length).toBeGreaterThanOrEqual(5);
    for (const text of esper.slice(0, 5)) expect(text).toMatch(/Esper[\s\S]*decision|decision[\s\S]*Esper/);
    // Misspelt names still find the claims that spell them the seeds' way.
    const seely = texts('Seeley');
    expect(seely.length).toBeGreaterThan(0);
    for (const text of seely) expect(text).toContain('Seely');
    const soleimani = texts('Solemaini');
    expect(soleimani).toHaveLength(15);
    for (const text of soleimani) expect(text).toMatch(/Soleimani|Solemaini|Suleimani/);
    expect(texts('Marine Corps').every((text) => text.includes('Marine Corps'))).toBe(true);
    expect(texts('Marine Corps').length).toBeGreaterThan(0);
    // Unrelated, garbled, or nothing but stop words: no results rather than the nearest noise.
    for (const query of ['weather forecast snow', 'football match result', 'qzxwvj kkplmn', 'the', 'to the'])
      expect(texts(query), query).toEqual([]);
  });

  it('keeps the words of a search query worth matching, at most six', () => {
    expect(selectSearchWords('No decision to leave Iraq')).toEqual(['decision', 'leave', 'iraq']);
    expect(selectSearchWords('Troops, troops and TROOPS')).toEqual(['troops']);
    expect(selectSearchWords('the of to')).toEqual([]);
    expect(selectSearchWords('one two three four five six seven eight')).toHaveLength(6);
  });
});
