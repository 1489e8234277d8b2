import { describe, expect, it } from 'vitest';
import { benchRealArticles, benchSearch, buildBenchArticle, SEARCH_QUERIES } from '../../scripts/bench.ts';
import { readLabelled } from '../../scripts/eval.ts';

const wordsOf = (sentences: string[]) => sentences.join(' ').split(/\s+/).length;

describe('bench articles', () => {
  it('builds ~3,000-word articles from the labelled sentences', () => {
    const related = buildBenchArticle('related');
    const unrelated = buildBenchArticle('unrelated');
    for (const article of [related, unrelated]) {
      expect(wordsOf(article)).toBeGreaterThanOrEqual(3000);
      expect(wordsOf(article.slice(0, -1))).toBeLessThan(3000);
    }
    const shouldMatch = new Set(
      readLabelled()
        .filter((e) => e.match)
        .map((e) => e.text),
    );
    expect(related.some((s) => shouldMatch.has(s))).toBe(true);
    expect(unrelated.some((s) => shouldMatch.has(s))).toBe(false);
  });
});

describe('benchRealArticles', () => {
  it('checks every seed article against the other four and scales its time to 3,000 words', () => {
    const results = benchRealArticles(3, 2);
    expect(results).toHaveLength(5);
    for (const r of results) {
      expect(r.words).toBeGreaterThan(300);
      expect(r.sentences).toBeGreaterThan(10);
      // Every seed article restates facts the other outlets report too.
      expect(r.matched).toBeGreaterThan(0);
      expect(r.matched).toBeLessThanOrEqual(r.sentences);
      expect(r.msPerArticle).toBeGreaterThan(0);
      expect(r.msPer3000Words).toBeCloseTo((r.msPerArticle / r.words) * 3000, 6);
    }
    expect(new Set(results.map((r) => r.articleId)).size).toBe(5);
  });
});

describe('benchSearch', () => {
  it("times the popup's search on the seeds for every query, each of which finds claims", () => {
    const rows = benchSearch([0], 1);
    expect(rows.map((r) => r.queryLength)).toEqual(SEARCH_QUERIES.map((q) => q.length));
    for (const r of rows) {
      expect(r.claims).toBe(115);
      expect(r.hits).toBeGreaterThan(0);
      expect(r.ms).toBeGreaterThan(0);
    }
  });
});
