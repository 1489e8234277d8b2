import { describe, expect, it } from 'vitest';
import type { SentenceMatch } from '../../src/engine/types.ts';
import {
  type FirefoxSession,
  hasFirefoxBuild,
  openCheckedTab,
  openReadyPopup,
  readBadgeText,
  useFirefoxSession,
} from './support/firefox.ts';

/** Set inside the suite, which starts it only when there is a Firefox build. */
let session: FirefoxSession;

async function readMatches(tabId: number): Promise<SentenceMatch[]> {
  const raw = await session.probe.evaluate(`(async () => {
    const key = 'crosscheck:tab-report:${tabId}';
    const report = (await browser.storage.session.get(key))[key];
    return JSON.stringify(report ? report.entries.map((entry) => entry.match) : []);
  })()`);
  return JSON.parse(String(raw)) as SentenceMatch[];
}

describe.skipIf(!hasFirefoxBuild)(
  'Crosscheck in Firefox ESR on a page that reproduces a seed article',
  () => {
    session = useFirefoxSession();

    it('checks its sentences against the other outlets, never cites AAP, and the popup says why', async () => {
      const { page, tabId } = await openCheckedTab(session, 'seed-article-copy.html');
      const matches = await readMatches(tabId);
      expect(matches.length).toBeGreaterThanOrEqual(5);
      expect(matches.flatMap((m) => m.sources).some((s) => s.outlet === 'AAP')).toBe(false);
      expect(await readBadgeText(session.probe, tabId)).toBe(String(matches.length));

      const popup = await openReadyPopup(session.firefox, tabId);
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
