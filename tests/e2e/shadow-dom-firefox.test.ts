/**
 * The shadow-DOM scenarios of shadow-dom-chromium.test.ts in Firefox ESR (puppeteer-core over
 * WebDriver BiDi, dist/firefox installed): sentences inside open shadow roots and a slotted light
 * paragraph are highlighted, painted (Firefox applies no document ::highlight() rule inside a
 * shadow tree, so this needs the sheet the content script adopts there), counted on the badge and
 * answer the pointer with the card. Page reads are string expressions evaluated in the page.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import {
  type FirefoxSession,
  hasFirefoxBuild,
  openCheckedTab,
  openReadyPopup,
  useFirefoxSession,
  waitForBadgeMatch,
  waitForValue,
} from './support/firefox.ts';
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

/** Set inside the suite, which starts it only when there is a Firefox build. */
let session: FirefoxSession;

/** An extension page kept open to call extension APIs (storage, action, tabs) from. */

/** Each highlighted sentence and where its range lives: 'document' or its shadow host's tag. */
const READ_HIGHLIGHTS = `(() => {
  const out = {};
  for (const [name, highlight] of CSS.highlights) {
    if (!/^crosscheck-(corroborated|conflicting|mixed)$/.test(name)) continue;
    for (const range of highlight) {
      const root = range.startContainer.getRootNode();
      out[range.toString().replace(/\\s+/g, ' ').trim()] = root instanceof ShadowRoot ? root.host.localName : 'document';
    }
  }
  return JSON.stringify(out);
})()`;

async function readHighlights(page: Page): Promise<Record<string, string>> {
  return JSON.parse(String(await page.evaluate(READ_HIGHLIGHTS))) as Record<string, string>;
}

/** Per open shadow root (by host tag): how many adopted sheets carry Crosscheck's rules. */
const READ_ADOPTED = `(() => {
  const out = {};
  const visit = (root) => {
    for (const element of root.querySelectorAll('*')) {
      const shadow = element.shadowRoot;
      if (!shadow || element.localName === 'crosscheck-card') continue;
      out[element.localName] = shadow.adoptedStyleSheets.filter((sheet) =>
        [...sheet.cssRules].some((rule) => rule.cssText.includes('::highlight(crosscheck-mixed)'))).length;
      visit(shadow);
    }
  };
  visit(document);
  return JSON.stringify(out);
})()`;

async function readAdopted(page: Page): Promise<Record<string, number>> {
  return JSON.parse(String(await page.evaluate(READ_ADOPTED))) as Record<string, number>;
}

/** The first line box of `text` in news-story's shadow root, scrolled into view. */
async function locateInShadow(
  page: Page,
  text: string,
): Promise<{ x: number; y: number; width: number; height: number }> {
  return JSON.parse(
    String(
      await page.evaluate(`(() => {
        const root = document.querySelector('news-story').shadowRoot;
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        const wanted = ${JSON.stringify(text)};
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.data.indexOf(wanted);
          if (at < 0) continue;
          node.parentElement.scrollIntoView({ block: 'center' });
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + wanted.length);
          const rect = range.getClientRects()[0];
          return JSON.stringify({ x: rect.left, y: rect.top, width: rect.width, height: rect.height });
        }
        throw new Error('not in the shadow root: ' + wanted);
      })()`),
    ),
  ) as { x: number; y: number; width: number; height: number };
}

/**
 * Turns checking of the page's site off or on with the popup's switch (tabs.sendMessage from an
 * extension page in a tab is refused by the content script, as it should be, so no direct toggle).
 */
async function switchSite(tabId: number, on: boolean): Promise<void> {
  const popup = await openReadyPopup(session.firefox, tabId);
  await popup.evaluate(`(() => {
    const input = document.getElementById('site-switch');
    if (input.checked !== ${on}) input.click();
  })()`);
  await popup.close();
}

/** The highlights once drawing has settled: at least `least` of them, and the badge agrees. */
function settled(page: Page, tabId: number, least: number): Promise<Record<string, string>> {
  return waitForBadgeMatch(
    session.probe,
    tabId,
    () => readHighlights(page),
    (h) => Object.keys(h).length,
    least,
  );
}

describe.skipIf(!hasFirefoxBuild)('Crosscheck in Firefox ESR on an article inside open shadow roots', () => {
  session = useFirefoxSession();

  it('highlights the shadow, nested shadow and slotted sentences, as many as the badge counts', async () => {
    const { page, tabId } = await openCheckedTab(session, 'shadow-article.html');
    const trees = await settled(page, tabId, 5);
    expect(trees).toEqual({
      [HEADING]: 'news-story',
      [TROOPS]: 'news-story',
      [LEDE]: 'document',
      [ESPER]: 'news-story',
      [SEELY]: 'story-quote',
    });
    expect(Object.keys(trees)).not.toContain(CROSSING);
    expect(Number(await page.evaluate(`document.querySelectorAll('crosscheck-card').length`))).toBe(0);
    await page.close();
  });

  it('paints highlights inside shadow roots through an adopted sheet, taken out when the site is switched off', async () => {
    const { page, tabId } = await openCheckedTab(session, 'shadow-article.html');
    await settled(page, tabId, 5);
    const adopted = await waitForValue(async () => {
      const read = await readAdopted(page);
      return read['news-story'] === 1 && read['story-quote'] === 1 ? read : null;
    });
    expect(adopted).toEqual({ 'news-story': 1, 'story-quote': 1 });
    const box = await locateInShadow(page, TROOPS);
    const clip = { x: box.x, y: box.y - 2, width: box.width, height: box.height + 6 };
    const shown = Buffer.from(await page.screenshot({ clip }));
    await switchSite(tabId, false);
    await waitForValue(async () => Object.keys(await readHighlights(page)).length === 0);
    expect(await readAdopted(page)).toEqual({ 'news-story': 0, 'story-quote': 0 });
    await new Promise((done) => setTimeout(done, 300));
    const hidden = Buffer.from(await page.screenshot({ clip }));
    await switchSite(tabId, true);
    await waitForValue(async () => (await readAdopted(page))['news-story'] === 1);
    await page.bringToFront();
    // Without the adopted sheet Firefox paints nothing there: the line would look the same.
    expect(shown.equals(hidden)).toBe(false);
    // Painted again once the site is back on; polled, since the repaint can lag by a few frames.
    const repainted = await waitForValue(
      async () => !Buffer.from(await page.screenshot({ clip })).equals(hidden),
    );
    expect(repainted).toBe(true);
    await page.screenshot({ path: '/tmp/crosscheck-firefox-shadow-article.png' });
    await page.close();
  });

  it('opens the card naming the sources when the pointer rests on a sentence in the shadow root', async () => {
    const { page, tabId } = await openCheckedTab(session, 'shadow-article.html');
    await settled(page, tabId, 5);
    const box = await locateInShadow(page, TROOPS);
    const point = { x: box.x + 40, y: box.y + box.height / 2 };
    await page.mouse.move(4, point.y);
    await page.mouse.move(point.x, point.y, { steps: 4 });
    const card = await waitForValue(async () => {
      const state = JSON.parse(
        String(
          await page.evaluate(`(() => {
            const hosts = document.querySelectorAll('crosscheck-card');
            const card = hosts[0] && hosts[0].shadowRoot && hosts[0].shadowRoot.querySelector('.card');
            return JSON.stringify({
              visible: Boolean(card && !card.hidden && card.getBoundingClientRect().height > 0),
              text: card ? card.innerText : '',
              hosts: hosts.length,
            });
          })()`),
        ),
      ) as { visible: boolean; text: string; hosts: number };
      return state.visible ? state : null;
    });
    expect(card).not.toBeNull();
    expect(card!.hosts).toBe(1);
    expect(card!.text).toMatch(/Mixed/);
    expect(card!.text).toContain('AAP');
    expect(card!.text).toContain('express.co.uk');
    expect(card!.text).toMatch(/5,200 vs 5,000 \(.*troops.*\)/);
    await page.screenshot({ path: '/tmp/crosscheck-firefox-shadow-card.png' });
    await page.close();
  });

  it('reads a sentence added to the shadow root later', async () => {
    const { page, tabId } = await openCheckedTab(session, 'shadow-article.html');
    await settled(page, tabId, 5);
    await page.evaluate(`(() => {
      const paragraph = document.createElement('p');
      paragraph.textContent = ${JSON.stringify(ADDED)};
      document.querySelector('news-story').shadowRoot.querySelector('article').append(paragraph);
    })()`);
    const trees = await settled(page, tabId, 6);
    expect(trees[ADDED]).toBe('news-story');
    await page.close();
  });

  // Last in the file: the added source changes the database the tests above check against.
  it('adds the article to the reader’s sources with its shadow-DOM text, not the closed root or unslotted text', async () => {
    const { page, tabId } = await openCheckedTab(session, 'shadow-article.html');
    const popup = await openReadyPopup(session.firefox, tabId);
    await popup.evaluate(`document.getElementById('add-article').click()`);
    const status = await waitForValue(async () => {
      const read = JSON.parse(
        String(
          await popup.evaluate(`(() => {
            const status = document.getElementById('add-article-status');
            return JSON.stringify({ text: status.textContent, error: status.classList.contains('error') });
          })()`),
        ),
      ) as { text: string; error: boolean };
      return read.error || /^Added/.test(read.text) ? read.text : null;
    });
    expect(status).toMatch(/^Added/);
    const stored = JSON.parse(
      String(
        await session.probe.evaluate(`(async () => {
          const raw = (await browser.storage.local.get('crosscheck:user-articles'))['crosscheck:user-articles'];
          return JSON.stringify(raw.articles.map((a) => ({ url: a.url, body: a.body })));
        })()`),
      ),
    ) as { url: string | null; body: string }[];
    expect(stored).toHaveLength(1);
    expect(stored[0]!.url).toMatch(
      new RegExp(`^${session.server.url('shadow-article.html').replace(/[.?]/g, '\\$&')}`),
    );
    expectStoredShadowArticle(stored[0]!.body);
    // Leaving the hidden text out copied the page in an inert document: no <news-story> was upgraded.
    expect(await page.evaluate(READ_STORY_CONSTRUCTIONS)).toBe(1);
    await popup.close();
    await page.close();
  });
});
