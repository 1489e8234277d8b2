import { describe, expect, it } from 'vitest';
import type { BenchClock } from '../../scripts/bench.ts';
import {
  benchRealArticles,
  benchSearch,
  buildBenchArticle,
  SEARCH_QUERIES,
  summarizeRealProse,
  warmUp,
} from '../../scripts/bench.ts';
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

/** A clock where each run takes 5 ms of wall time and `cpuPerRun(run)` ms of CPU time. */
function fakeClock(cpuPerRun: (run: number) => number): {
  clock: BenchClock;
  runs: () => number;
  tick: () => void;
} {
  let wall = 0;
  let cpu = 0;
  let runs = 0;
  return {
    clock: { wallMs: () => wall, cpuMs: () => cpu },
    runs: () => runs,
    tick: () => {
      runs++;
      wall += 5;
      cpu += cpuPerRun(runs);
    },
  };
}

describe('warmUp', () => {
  it('stops after the minimum when CPU time keeps pace with wall time', () => {
    const fake = fakeClock(() => 5);
    expect(warmUp(fake.tick, 20, 10_000, fake.clock)).toBe(20);
    expect(fake.runs()).toBe(20);
  });

  it('keeps going while background threads (compilation) add CPU time, until twenty quiet runs', () => {
    // Runs 1-60 burn 20 ms of CPU in 5 ms of wall time; from run 61 on, 5 ms: warm at run 80.
    const fake = fakeClock((run) => (run <= 60 ? 20 : 5));
    expect(warmUp(fake.tick, 20, 10_000, fake.clock)).toBe(80);
  });

  it('gives up after its time bound on a machine that never settles', () => {
    const fake = fakeClock(() => 10);
    // 5 ms per run: past 200 ms of wall time after run 41.
    expect(warmUp(fake.tick, 20, 200, fake.clock)).toBe(41);
  });
});

describe('benchRealArticles', () => {
  it('checks every seed article against the other four and scales its time to 3,000 words', () => {
    const results = benchRealArticles(3, 2, 0);
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

describe('summarizeRealProse', () => {
  const row = (
    articleId: string,
    words: number,
    sentences: number,
    matched: number,
    msPerArticle: number,
  ) => ({
    articleId,
    outlet: null,
    words,
    sentences,
    matched,
    msPerArticle,
    cpuMsPerArticle: msPerArticle,
    msPer3000Words: (msPerArticle / words) * 3000,
    warmupRuns: 0,
  });

  it('measures the articles as one body and names the densest one apart', () => {
    // 1,000 + 500 words in 1.0 + 1.0 ms: 2 ms for 1,500 words is 4 ms per 3,000 words, while the
    // 500-word article alone scales to 6 ms.
    const summary = summarizeRealProse([row('aaa', 1000, 50, 10, 1.0), row('bbb', 500, 20, 15, 1.0)]);
    expect(summary).toMatchObject({ articles: 2, words: 1500, sentences: 70, matched: 25, ms: 2, cpuMs: 2 });
    expect(summary.msPer3000Words).toBeCloseTo(4, 9);
    expect(summary.densest).toEqual({
      articleId: 'bbb',
      words: 500,
      matched: 15,
      sentences: 20,
      msPer3000Words: 6,
    });
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
