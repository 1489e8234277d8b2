/**
 * The own-article scenario of own-article-chromium.test.ts in Firefox ESR (puppeteer-core over
 * WebDriver BiDi, dist/firefox installed): on a page that reproduces the AAP seed article
 * (tests/fixtures/pages/seed-article-copy.html) the badge counts sentences checked against the
 * other outlets, AAP is never one of their sources, and the popup says why.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SentenceMatch } from '../../src/engine/types.ts';
import { FIXTURE_PAGES } from './support/chromium.ts';
import {
  type FirefoxWithExtension,
  hasFirefoxBuild,
  launchFirefoxWithExtension,
  openCheckedTab,
  openReadyPopup,
  readBadgeText,
} from './support/firefox.ts';
import { type StaticServer, startStaticServer } from './support/static-server.ts';

let server: StaticServer;
let firefox: FirefoxWithExtension;
/** An extension page kept open to call extension APIs (storage, action) from. */
let probe: Page;

async function readMatches(tabId: number): Promise<SentenceMatch[]> {
  const raw = await probe.evaluate(`(async () => {
    const key = 'crosscheck:tab-report:${tabId}';
    const report = (await browser.storage.session.get(key))[key];
    return JSON.stringify(report ? report.entries.map((entry) => entry.match) : []);
  })()`);
  return JSON.parse(String(raw)) as SentenceMatch[];
}

describe.skipIf(!hasFirefoxBuild)(
  'Crosscheck in Firefox ESR on a page that reproduces a seed article',
  () => {
    beforeAll(async () => {
      server = await startStaticServer(FIXTURE_PAGES);
      firefox = await launchFirefoxWithExtension();
      probe = await firefox.openExtensionPage('src/options/options.html');
    });

    afterAll(async () => {
      await firefox?.close();
      await server?.close();
    });

    it('checks its sentences against the other outlets, never cites AAP, and the popup says why', async () => {
      const { page, tabId } = await openCheckedTab(firefox, probe, server.url('seed-article-copy.html'));
      const matches = await readMatches(tabId);
      expect(matches.length).toBeGreaterThanOrEqual(5);
      expect(matches.flatMap((m) => m.sources).some((s) => s.outlet === 'AAP')).toBe(false);
      expect(await readBadgeText(probe, tabId)).toBe(String(matches.length));

      const popup = await openReadyPopup(firefox, tabId);
      const note = await popup.evaluate(`(() => {
      const own = document.getElementById('own-article');
      return own.hidden ? null : own.textContent;
    })()`);
      expect(note).toBe(
        'This page is AAP’s article “No plans for troops to leave Iraq, US insists”, so AAP is not counted as one of its sources.',
      );
      await popup.close();
      await page.close();
    });
  },
);
