import { describe, expect, it } from 'vitest';
import { benchmarkDatabaseBuild, generateArticles } from '../../scripts/bench-db.ts';

describe('bench-db', () => {
  it('generates the same ~800-word articles from the same seed, and different ones from another', () => {
    const a = generateArticles(3, 7);
    expect(generateArticles(3, 7)).toEqual(a);
    expect(generateArticles(3, 8)[0]!.body).not.toBe(a[0]!.body);
    for (const article of a) {
      const words = article.body.split(/\s+/).length;
      expect(words).toBeGreaterThanOrEqual(800);
      expect(words).toBeLessThan(1000);
    }
  });

  it('builds generated articles into facts spanning several articles, and reports the figures', () => {
    const r = benchmarkDatabaseBuild(40);
    console.log(
      `bench-db (40 articles): ${r.seconds} s, ${r.articlesPerSecond} articles/s, peak RSS ${r.peakRssMb} MB`,
    );
    expect(r.articles).toBe(40);
    expect(r.claims).toBeGreaterThan(40 * 30);
    expect(r.multiSourceFacts).toBeGreaterThan(10);
    expect(r.articlesPerSecond).toBeGreaterThan(0);
    expect(r.peakRssMb).toBeGreaterThan(0);
  }, 60_000);
});
