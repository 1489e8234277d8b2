/**
 * Faults in real Chromium: the service worker stopped mid-session (as MV3 does), and corrupt stored
 * settings and user sources. The tab's results must survive in the popup and the hover card, matching
 * must resume on new content, the bundled database must keep working, the user must get a clear
 * message, and nothing else they stored may be lost.
 */
import type { CDPSession, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findTabId } from '../e2e/support/chromium.ts';
import {
  evaluateRaw,
  hasChromeBuild,
  highlightedTexts,
  hoverAndReadCard,
  type Launched,
  launchChromium,
  readHighlights,
  stopExtensionWorker,
  waitFor,
} from './support/hostile.ts';
import { type HostileServer, startHostileServer } from './support/hostile-server.ts';

const TROOPS = 'The United States has about 5,000 troops in Iraq.';
const ESPER = 'Esper said there had been no decision whatsoever to leave Iraq.';

let server: HostileServer;
let browser: Launched;
let errors: string[];

async function openPage(path: string): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await browser.context.newPage();
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Runtime.enable');
  cdp.on('Runtime.exceptionThrown', (e) =>
    errors.push(`exception: ${e.exceptionDetails.exception?.description ?? e.exceptionDetails.text}`),
  );
  await page.goto(server.url(path));
  return { page, cdp };
}

async function highlightsInclude(cdp: CDPSession, text: string, timeoutMs = 20_000): Promise<boolean> {
  return Boolean(
    await waitFor(
      async () => (highlightedTexts(await readHighlights(cdp)).includes(text) ? true : null),
      timeoutMs,
    ),
  );
}

describe.skipIf(!hasChromeBuild)('faults (Chromium)', () => {
  beforeEach(async () => {
    errors = [];
    server = await startHostileServer();
    browser = await launchChromium();
  });

  afterEach(async () => {
    await browser?.close();
    await server?.close();
  });

  it('service worker stopped mid-session: popup and card keep the tab’s results, matching resumes', async () => {
    const { page, cdp } = await openPage('/infinite.html');
    expect(await highlightsInclude(cdp, TROOPS)).toBe(true);
    const tabId = await findTabId(browser, page);
    const badgeBefore = await browser.badgeText(tabId);

    expect(await stopExtensionWorker(cdp, browser.extensionId)).toBeGreaterThan(0);

    // Hover card: drawn from what the content script already holds.
    const card = await hoverAndReadCard(page, cdp, TROOPS);
    expect(card?.text).toContain('5,200');

    // Popup for that tab (pop-out URL), opened while the worker is down.
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/src/popup/popup.html?tab=${tabId}`);
    await expect.poll(() => popup.locator('body').innerText(), { timeout: 10_000 }).toContain(TROOPS);
    await popup.close();

    // New content after the stop: the next message restarts the worker and matching resumes.
    await stopExtensionWorker(cdp, browser.extensionId);
    await evaluateRaw(cdp, 'window.__appendStory()');
    expect(await highlightsInclude(cdp, ESPER), 'new story checked after the worker restarted').toBe(true);
    const badgeAfter = await waitFor(async () => {
      const text = await browser.badgeText(tabId);
      return Number(text) > Number(badgeBefore) ? text : null;
    });
    console.log(`[faults] badge before stop ${badgeBefore}, after restart and new story ${badgeAfter}`);
    expect(Number(badgeAfter)).toBeGreaterThan(Number(badgeBefore));
    expect(errors).toEqual([]);
  });

  it('corrupt settings and user sources: clear message, bundled database still works, nothing else lost', async () => {
    const validArticle = {
      id: 'user-kept1',
      outlet: 'Kept Outlet',
      title: 'A saved article',
      published: '2020-01-07',
      url: null,
      language: 'en',
      body: 'Gardeners reported an unusually mild winter for the tomatoes in the valley this year.',
      addedAt: '2026-01-01T00:00:00.000Z',
    };
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/src/options/options.html`);
    await options.evaluate(async (article) => {
      await chrome.storage.local.set({
        'crosscheck:settings': '{"version":1,"sensitivity":', // truncated JSON string: not an object
        'crosscheck:user-articles': { version: 1, articles: [article, { id: 42, body: null }, 'garbage'] },
      });
    }, validArticle);
    // Restart the worker so it reads storage from scratch, as after a browser restart.
    const probe = await browser.context.newPage();
    const probeCdp = await browser.context.newCDPSession(probe);
    await stopExtensionWorker(probeCdp, browser.extensionId);
    await probe.close();

    const { cdp } = await openPage('/hostile-ext.html');
    expect(await highlightsInclude(cdp, TROOPS), 'bundled database still matches').toBe(true);

    await options.reload();
    const message = await waitFor(async () => {
      const text = await options.locator('body').innerText();
      return /could not be read|unreadable/i.test(text) ? text : null;
    }, 10_000);
    expect(message, 'options page names the unreadable data').toBeTruthy();
    console.log(
      `[faults] options page says: ${JSON.stringify(message?.split('\n').filter((l) => /read/i.test(l)))}`,
    );
    expect(message).toContain('Kept Outlet');

    const stored = await options.evaluate(() => chrome.storage.local.get(null));
    const articles = (stored['crosscheck:user-articles'] as { articles: unknown[] }).articles;
    expect(articles, 'the valid saved article is still stored').toContainEqual(validArticle);
    expect(errors).toEqual([]);
  });

  it('corrupt tab report in storage.session: the popup still lists the tab’s sentences, no error', async () => {
    const { page, cdp } = await openPage('/hostile-ext.html');
    expect(await highlightsInclude(cdp, TROOPS)).toBe(true);
    const tabId = await findTabId(browser, page);
    const shown: string[] = [];
    for (const garbage of [
      'garbage',
      { entries: 'x', status: 42 },
      { status: 'checked', url: 5, entries: [{ key: 1 }], checked: -1 },
    ]) {
      const worker = await browser.worker();
      await worker.evaluate(
        async ([key, value]) => {
          await chrome.storage.session.set({ [key as string]: value });
        },
        [`crosscheck:tab-report:${tabId}`, garbage] as const,
      );
      const popup = await browser.context.newPage();
      const popupErrors: string[] = [];
      popup.on('pageerror', (e) => popupErrors.push(e.message));
      popup.on('console', (m) => {
        if (m.type() === 'error') popupErrors.push(m.text());
      });
      await popup.goto(`chrome-extension://${browser.extensionId}/src/popup/popup.html?tab=${tabId}`);
      await expect.poll(() => popup.locator('body').innerText(), { timeout: 10_000 }).toContain(TROOPS);
      shown.push(JSON.stringify(garbage).slice(0, 40));
      expect(popupErrors).toEqual([]);
      await popup.close();
    }
    console.log(`[faults] popup recovered from corrupt session reports: ${shown.join(' | ')}`);
    expect(errors).toEqual([]);
  });
});
