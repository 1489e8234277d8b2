import { describe, expect, it } from 'vitest';
import { checkSelection, MAX_SELECTION_CHARS } from '../../src/background/check-selection.ts';
import { createEmptyReport } from '../../src/shared/tab-report.ts';
import { createBundledEngine, loadSeedBundle } from '../support/bundled-database.ts';

const bundled = loadSeedBundle();
const engine = createBundledEngine(bundled);
const aap = bundled.articles.find((a) => a.outlet === 'AAP')!;
/** One sentence of AAP's article, as a reader would select it on that article's page. */
const selection = bundled.claims.find((c) => c.articleId === aap.id && /no decision/i.test(c.text))!.text;

describe('checkSelection', () => {
  it('matches the selected sentences like page sentences', () => {
    const matches = checkSelection(engine, `  ${selection}\n\n`, undefined, undefined);
    expect(matches).toHaveLength(1);
    expect(matches[0]!.text).toBe(selection);
    expect(matches[0]!.sources.some((s) => s.articleId === aap.id)).toBe(true);
  });

  it('leaves out the article the page was recognised as, as the page itself does', () => {
    const report = {
      ...createEmptyReport('checked', 'https://news.example/aap'),
      ownArticles: [{ id: aap.id, outlet: aap.outlet, title: aap.title }],
    };
    const matches = checkSelection(engine, selection, report.url, report);
    expect(matches.flatMap((m) => m.sources).some((s) => s.articleId === aap.id)).toBe(false);
    expect(matches[0]?.sources.length ?? 0).toBeGreaterThan(0);
  });

  it('reads at most MAX_SELECTION_CHARS of a huge selection', () => {
    const huge = `${selection} `.repeat(Math.ceil((MAX_SELECTION_CHARS * 3) / selection.length));
    const matches = checkSelection(engine, huge, undefined, undefined);
    const read = matches.reduce((sum, m) => sum + m.text.length, 0);
    expect(read).toBeLessThanOrEqual(MAX_SELECTION_CHARS);
    // Every whole copy within the limit is read (the cut one at the end need not match).
    expect(read).toBeGreaterThan(MAX_SELECTION_CHARS - 2 * (selection.length + 1));
  });
});
