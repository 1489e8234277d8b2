/**
 * End to end in real headless Chromium with the built dist/chrome, on a page that reproduces the
 * AAP seed article (tests/fixtures/pages/seed-article-copy.html), as when the reader is on that
 * outlet's own story: its sentences are still checked against the other outlets, but AAP never
 * shows as a source of its own text, and the popup says why.
 */
import { describe, expect, it } from 'vitest';
import type { SentenceMatch } from '../../src/engine/types.ts';
import { openCheckedPage, openReadyPopup, readTabReport, useChromiumSession } from './support/chromium.ts';

const session = useChromiumSession();

async function readMatches(tabId: number): Promise<SentenceMatch[]> {
  const report = await readTabReport(session.browser, tabId);
  return (report?.entries ?? []).map((entry) => (entry as { match: SentenceMatch }).match);
}

describe('Crosscheck in Chromium on a page that reproduces a seed article', () => {
  it('checks its sentences against the other outlets and never cites the article itself', async () => {
    const { page, tabId } = await openCheckedPage(session, 'seed-article-copy.html');
    const matches = await readMatches(tabId);
    const outlets = new Set(matches.flatMap((m) => m.sources.map((s) => s.outlet)));
    expect(matches.length).toBeGreaterThanOrEqual(5);
    expect(outlets.has('AAP')).toBe(false);
    expect(outlets.has('express.co.uk') || outlets.has('Daily US Times')).toBe(true);
    expect(await session.browser.badgeText(tabId)).toBe(String(matches.length));

    // The popup says why AAP is missing, and lists the sentences with the other outlets.
    const popup = await openReadyPopup(session.browser, tabId);
    expect(await popup.locator('#own-article').isVisible()).toBe(true);
    expect(await popup.locator('#own-article').textContent()).toBe(
      'This page is AAP’s article “No plans for troops to leave Iraq, US insists”, so AAP is not counted as one of its sources.',
    );
    expect(await popup.locator('#entries .sentence').count()).toBe(matches.length);
    await popup.close();
    await page.close();
  });

  it('drops the article from results of earlier batches once a later batch recognises it', async () => {
    // The first batch (60 sentences) holds only the article's first two sentences.
    const { page, tabId } = await openCheckedPage(session, 'seed-article-copy-late.html');
    const matches = await readMatches(tabId);
    expect(matches.length).toBeGreaterThanOrEqual(5);
    expect(matches.flatMap((m) => m.sources).some((s) => s.outlet === 'AAP')).toBe(false);
    await page.close();
  });
});
