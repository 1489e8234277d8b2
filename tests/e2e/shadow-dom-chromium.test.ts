/**
 * End to end in real headless Chromium with the built dist/chrome, on a page whose article is
 * rendered inside web components' open shadow roots (tests/fixtures/pages/shadow-article.html):
 * sentences in the shadow tree, in a nested shadow tree and in a slotted light paragraph are
 * highlighted, styled, counted on the badge and answer the pointer with the card; a sentence that
 * crosses the shadow boundary, hidden and unslotted text and a closed shadow root are left alone.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  openCheckedPage,
  openReadyPopup,
  readTabReport,
  useChromiumSession,
  waitUntil,
} from './support/chromium.ts';
import { listHighlighted, readCard, readVerdictHighlights } from './support/page-state.ts';
import {
  ADDED,
  CROSSING,
  ESPER,
  expectStoredShadowArticle,
  HEADING,
  LEDE,
  READ_STORY_CONSTRUCTIONS,
  SEELY,
  TROOPS,
} from './support/shadow-article.ts';

/** Where each highlighted range lives: 'document', or the tag name of its shadow root's host. */
function readHighlightTrees(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (const [name, highlight] of CSS.highlights.entries()) {
      if (!/^crosscheck-(corroborated|conflicting|mixed)$/.test(name)) continue;
      for (const range of highlight as Iterable<Range>) {
        const root = range.startContainer.getRootNode();
        out[range.toString().replace(/\s+/g, ' ').trim()] =
          root instanceof ShadowRoot ? root.host.localName : 'document';
      }
    }
    return out;
  });
}

/** The adopted style sheets of every open shadow root on the page that carry Crosscheck's rules. */
function readAdoptedHighlightSheets(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const out: Record<string, number> = {};
    const visit = (root: Document | ShadowRoot) => {
      for (const element of root.querySelectorAll('*')) {
        const shadow = element.shadowRoot;
        if (!shadow || element.localName === 'crosscheck-card') continue;
        out[element.localName] = shadow.adoptedStyleSheets.filter((sheet) =>
          [...sheet.cssRules].some((rule) => rule.cssText.includes('::highlight(crosscheck-mixed)')),
        ).length;
        visit(shadow);
      }
    };
    visit(document);
    return out;
  });
}

/** The screen point in the middle of the first line of `text` inside `host`'s shadow root. */
function locateInShadow(page: Page, host: string, text: string): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ([hostName, wanted]) => {
      const root = document.querySelector(hostName!)!.shadowRoot!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node as Text).data.indexOf(wanted!.slice(0, 30));
        if (at < 0) continue;
        (node.parentElement as Element).scrollIntoView({ block: 'center' });
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 12);
        const rect = range.getClientRects()[0]!;
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      throw new Error(`not in the shadow root: ${wanted}`);
    },
    [host, text] as const,
  );
}

/** A screenshot of the first line box of `text` inside `host`'s shadow root. */
async function shootLine(page: Page, host: string, text: string): Promise<Buffer> {
  const clip = await page.evaluate(
    ([hostName, wanted]) => {
      const root = document.querySelector(hostName!)!.shadowRoot!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node as Text).data.indexOf(wanted!);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted!.length);
        const rect = range.getClientRects()[0]!;
        return { x: rect.left, y: rect.top - 2, width: rect.width, height: rect.height + 6 };
      }
      throw new Error(`not in the shadow root: ${wanted}`);
    },
    [host, text] as const,
  );
  return page.screenshot({ clip });
}

const session = useChromiumSession();

describe('Crosscheck in Chromium on an article inside open shadow roots', () => {
  it('highlights sentences in the shadow tree, a nested shadow tree and a slotted paragraph', async () => {
    const { page, tabId } = await openCheckedPage(session, 'shadow-article.html');
    const groups = await waitUntil(async () => {
      const read = await readVerdictHighlights(page);
      return listHighlighted(read).length >= 5 ? read : null;
    });
    const texts = listHighlighted(groups);
    expect(groups.mixed).toContain(TROOPS);
    const trees = await readHighlightTrees(page);
    expect(trees[HEADING]).toBe('news-story');
    expect(trees[TROOPS]).toBe('news-story');
    expect(trees[ESPER]).toBe('news-story');
    expect(trees[SEELY]).toBe('story-quote');
    // The slotted paragraph is light DOM: its range is in the document.
    expect(trees[LEDE]).toBe('document');
    // Not highlighted: the unrelated sentence, hidden shadow text, the unslotted light paragraph,
    // the closed shadow root, and the sentence that runs across the shadow boundary.
    expect(texts.join('\n')).not.toMatch(/bicycle|Hidden teaser|Print edition|never rendered|Milley/);
    expect(texts).not.toContain(CROSSING);
    expect([...texts].sort()).toEqual([HEADING, TROOPS, ESPER, SEELY, LEDE].sort());
    // Every rendered sentence was read and checked, the crossing one included: the five above, the
    // second sentence of the troops paragraph, the crossing one, the unrelated one and the masthead.
    const report = await readTabReport(session.browser, tabId);
    expect(report?.checked).toBe(9);
    // The page's DOM is untouched: no card host until one is needed.
    expect(await page.locator('crosscheck-card').count()).toBe(0);
    await page.screenshot({ path: '/tmp/crosscheck-shadow-article.png' });
    await page.close();
  });

  it('counts on the badge exactly the sentences it highlighted', async () => {
    const { page, tabId } = await openCheckedPage(session, 'shadow-article.html');
    const count = await waitUntil(async () => {
      const highlighted = listHighlighted(await readVerdictHighlights(page)).length;
      return highlighted >= 5 && (await session.browser.badgeText(tabId)) === String(highlighted)
        ? highlighted
        : null;
    });
    expect(count).toBe(5);
    await page.close();
  });

  it('styles highlights inside shadow roots with an adopted sheet, removed when highlights are hidden', async () => {
    const { page, tabId } = await openCheckedPage(session, 'shadow-article.html');
    await waitUntil(async () => listHighlighted(await readVerdictHighlights(page)).length >= 5);
    // Both shadow roots that hold highlights adopt the rules once; the page's own sheets stay.
    const adopted = await waitUntil(async () => {
      const read = await readAdoptedHighlightSheets(page);
      return read['news-story'] === 1 && read['story-quote'] === 1 ? read : null;
    });
    expect(adopted).toEqual({ 'news-story': 1, 'story-quote': 1 });
    const shown = await shootLine(page, 'news-story', TROOPS);

    const worker = await session.browser.worker();
    const toggle = () =>
      worker.evaluate(
        (id) =>
          chrome.tabs.sendMessage(
            id,
            {
              channel: 'crosscheck/v1',
              direction: 'background-to-content',
              type: 'toggle-highlights',
              payload: {},
            },
            { frameId: 0 },
          ),
        tabId,
      );
    expect(await toggle()).toEqual({ visible: false });
    expect(await readAdoptedHighlightSheets(page)).toEqual({ 'news-story': 0, 'story-quote': 0 });
    await page.waitForTimeout(200);
    const hidden = await shootLine(page, 'news-story', TROOPS);
    expect(await toggle()).toEqual({ visible: true });
    await waitUntil(async () => (await readAdoptedHighlightSheets(page))['news-story'] === 1);
    // The highlight paints the line (it differs without it), and paints it again once shown again.
    // Polled rather than compared once: the repaint can lag the message by a frame or two.
    expect(shown.equals(hidden)).toBe(false);
    let repainted = false;
    await waitUntil(async () => {
      repainted = !(await shootLine(page, 'news-story', TROOPS)).equals(hidden);
      return repainted;
    });
    expect(repainted).toBe(true);
    await page.close();
  });

  it('opens the card naming the sources when the pointer rests on a sentence in the shadow root', async () => {
    const { page } = await openCheckedPage(session, 'shadow-article.html');
    await waitUntil(async () => listHighlighted(await readVerdictHighlights(page)).includes(TROOPS));
    const point = await locateInShadow(page, 'news-story', TROOPS);
    await page.mouse.move(4, point.y);
    await page.mouse.move(point.x, point.y, { steps: 4 });
    const card = await waitUntil(async () => {
      const state = await readCard(page);
      return state.visible ? state : null;
    });
    expect(card.hosts).toBe(1);
    expect(card.text).toMatch(/Mixed/);
    expect(card.text).toMatch(/corroborated by/i);
    expect(card.text).toContain('AAP');
    expect(card.text).toMatch(/conflicts with/i);
    expect(card.text).toContain('express.co.uk');
    expect(card.text).toMatch(/5,200 vs 5,000 \(.*troops.*\)/);
    await page.screenshot({ path: '/tmp/crosscheck-shadow-card.png' });
    // Off the sentence (up to the masthead, away from the card), the card closes again.
    await page.mouse.move(point.x, 20, { steps: 4 });
    await waitUntil(async () => !(await readCard(page)).visible);
    await page.close();
  });

  it('reads a sentence added to the shadow root later (its changes are observed)', async () => {
    const { page, tabId } = await openCheckedPage(session, 'shadow-article.html');
    await waitUntil(async () => listHighlighted(await readVerdictHighlights(page)).length >= 5);
    await page.evaluate((text) => {
      const paragraph = document.createElement('p');
      paragraph.textContent = text;
      document.querySelector('news-story')!.shadowRoot!.querySelector('article')!.append(paragraph);
    }, ADDED);
    const texts = await waitUntil(async () => {
      const read = listHighlighted(await readVerdictHighlights(page));
      return read.includes(ADDED) ? read : null;
    });
    expect(texts).toHaveLength(6);
    expect((await readHighlightTrees(page))[ADDED]).toBe('news-story');
    await waitUntil(async () => (await session.browser.badgeText(tabId)) === '6');
    await page.close();
  });

  // Last in the file: the added source changes the database the tests above check against.
  it('adds the article to the reader’s sources with its shadow-DOM text, not the closed root or unslotted text', async () => {
    const { page, tabId } = await openCheckedPage(session, 'shadow-article.html');
    const popup = await openReadyPopup(session.browser, tabId);
    await popup.locator('#add-article').click();
    const status = await waitUntil(async () => {
      const text = (await popup.locator('#add-article-status').textContent()) ?? '';
      return /^Added/.test(text) || (await popup.locator('#add-article-status.error').count()) > 0
        ? text
        : null;
    });
    expect(status).toMatch(/^Added/);
    const stored = await (await session.browser.worker()).evaluate(async () => {
      const raw = (await chrome.storage.local.get('crosscheck:user-articles'))[
        'crosscheck:user-articles'
      ] as {
        articles: { url: string | null; body: string }[];
      };
      return raw.articles.map((a) => ({ url: a.url, body: a.body }));
    });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.url).toBe(session.server.url('shadow-article.html'));
    expectStoredShadowArticle(stored[0]!.body);
    // Leaving the hidden text out copied the page in an inert document: no <news-story> was upgraded.
    expect(await page.evaluate(READ_STORY_CONSTRUCTIONS)).toBe(1);
    await popup.close();
    await page.close();
  });
});
