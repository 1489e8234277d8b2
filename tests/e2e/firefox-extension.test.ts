/**
 * The same end-to-end scenarios as the Chromium suite, in Firefox ESR: puppeteer-core over
 * WebDriver BiDi with dist/firefox installed by browser.installExtension. Highlights, the hover
 * card, the popup opened by its moz-extension:// URL, the badge, and an unrelated page.
 * Page reads are string expressions evaluated in the page, so they see the real CSS.highlights
 * registry rather than an Xray view of it.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import {
  type FirefoxSession,
  hasFirefoxBuild,
  openCheckedTab,
  openReadyPopup,
  readBadgeText,
  readBadgeTitle,
  useFirefoxSession,
  waitForBadgeMatch,
  waitForValue,
} from './support/firefox.ts';
import { parseSummaryLine, TOOLTIP_PREFIX } from './support/summary-line.ts';

/** Set inside the suite, which starts it only when there is a Firefox build. */
let session: FirefoxSession;

const TROOPS = 'The United States has about 5,000 troops in Iraq.';
const TRAINERS =
  'Around 400 British soldiers are training Iraqi troops, as well as around 5,000 US troops in the country.';

type Verdicts = Record<'corroborated' | 'conflicting' | 'mixed', string[]>;

const READ_HIGHLIGHTS = `(() => {
  const out = { corroborated: [], conflicting: [], mixed: [] };
  for (const [name, highlight] of CSS.highlights) {
    const verdict = name.slice('crosscheck-'.length);
    if (!name.startsWith('crosscheck-') || !(verdict in out)) continue;
    for (const range of highlight) out[verdict].push(range.toString().replace(/\\s+/g, ' ').trim());
  }
  return JSON.stringify(out);
})()`;

async function readHighlights(page: Page): Promise<Verdicts> {
  return JSON.parse(String(await page.evaluate(READ_HIGHLIGHTS))) as Verdicts;
}

const all = (v: Verdicts) => [...v.corroborated, ...v.conflicting, ...v.mixed];

/** The page's highlights once drawing has finished: as many as the badge counts (and more than one). */
function settledHighlights(page: Page, tabId: number): Promise<Verdicts> {
  return waitForBadgeMatch(
    session.probe,
    tabId,
    () => readHighlights(page),
    (v) => all(v).length,
    2,
  );
}

describe.skipIf(!hasFirefoxBuild)('Crosscheck in Firefox ESR', () => {
  session = useFirefoxSession();

  it('installs over WebDriver BiDi and serves its pages at the pinned moz-extension:// UUID', async () => {
    expect(session.firefox.addonId).toBe('crosscheck@crosscheck.example');
    expect(String(await session.probe.evaluate('location.origin'))).toBe(
      `moz-extension://${session.firefox.uuid}`,
    );
    expect(String(await session.probe.evaluate('browser.runtime.getManifest().manifest_version'))).toBe('3');
  });

  it('highlights reworded seed sentences under crosscheck- names', async () => {
    const { page } = await openCheckedTab(session, 'iraq-troops-article.html');
    const verdicts = await waitForValue(async () => {
      const read = await readHighlights(page);
      return all(read).includes(TROOPS) ? read : null;
    });
    expect(verdicts).not.toBeNull();
    const texts = all(verdicts!);
    expect(texts).toContain(TRAINERS);
    expect(verdicts!.mixed).toContain(TROOPS);
    expect(texts.join('\n')).not.toMatch(
      /airstrike on Friday|footer wrongly repeats|5,200|Hidden teaser|Cookie notice/,
    );
    expect(texts).not.toContain('Britain has not said whether its trainers will stay.');
    expect(Number(await page.evaluate(`document.querySelectorAll('crosscheck-card').length`))).toBe(0);
    await page.screenshot({ path: '/tmp/crosscheck-firefox-article.png' });
    await page.close();
  });

  it('flags an altered figure that only a long source states, and leaves a count no source gives alone', async () => {
    const { page, tabId } = await openCheckedTab(session, 'follow-up-article.html');
    const verdicts = await settledHighlights(page, tabId);
    // express.co.uk's long tweet says 52 (CORE_RESCUE_COVERAGE); Iran's claim of 80 dead is in no
    // source (PAGE_CORE_MISSED).
    expect(verdicts.conflicting).toContain('Trump said the US had targeted 25 Iranian sites.');
    expect(verdicts.corroborated).toContain(
      'On Sunday the Iraqi parliament had voted to expel US troops from the country.',
    );
    expect(all(verdicts).join('\n')).not.toMatch(/80 American soldiers|night sky/);
    // Casualties, one base's troops and Germany's are not the US's 5,000 (QUANTITY_SCOPE).
    expect(all(verdicts).join('\n')).not.toMatch(/25 US troops were hurt|Al Asad|120 soldiers/);
    expect(verdicts.mixed).toContain('Five thousand US troops remain in Iraq, the Pentagon says.');
    // "pull its troops out" reverses Esper's denials (read as corroborated before the phrasal leave).
    expect(verdicts.mixed).toContain(
      'Esper said the United States had decided to pull its troops out of Iraq.',
    );
    await page.close();
  });

  it('shows the hover card naming corroborating and conflicting sources', async () => {
    const { page } = await openCheckedTab(session, 'iraq-troops-article.html');
    await waitForValue(async () => all(await readHighlights(page)).includes(TROOPS));
    const point = JSON.parse(
      String(
        await page.evaluate(`(() => {
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const at = node.data.indexOf(${JSON.stringify(TROOPS.slice(0, 30))});
            if (at < 0) continue;
            node.parentElement.scrollIntoView({ block: 'center' });
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + 12);
            const rect = range.getClientRects()[0];
            return JSON.stringify({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
          }
          return 'null';
        })()`),
      ),
    ) as { x: number; y: number } | null;
    expect(point).not.toBeNull();
    await page.mouse.move(4, point!.y);
    await page.mouse.move(point!.x, point!.y, { steps: 4 });
    const card = await waitForValue(async () => {
      const state = JSON.parse(
        String(
          await page.evaluate(`(() => {
            const hosts = document.querySelectorAll('crosscheck-card');
            const card = hosts[0] && hosts[0].shadowRoot && hosts[0].shadowRoot.querySelector('.card');
            return JSON.stringify({
              visible: Boolean(card && !card.hidden && card.getBoundingClientRect().height > 0),
              role: card ? card.getAttribute('role') : null,
              text: card ? card.innerText : '',
              hosts: hosts.length,
            });
          })()`),
        ),
      ) as { visible: boolean; role: string | null; text: string; hosts: number };
      return state.visible ? state : null;
    });
    expect(card).not.toBeNull();
    expect(card!.role).toBe('tooltip');
    expect(card!.hosts).toBe(1);
    expect(card!.text).toMatch(/Mixed/);
    expect(card!.text).toMatch(/corroborated by/i);
    expect(card!.text).toContain('AAP');
    expect(card!.text).toMatch(/conflicts with/i);
    expect(card!.text).toContain('express.co.uk');
    expect(card!.text).toMatch(/5,200 vs 5,000 \(.*troops.*\)/);
    await page.screenshot({ path: '/tmp/crosscheck-firefox-card.png' });
    await page.keyboard.press('Escape');
    const closed = await waitForValue(
      async () =>
        String(
          await page.evaluate(`(() => { const c = document.querySelector('crosscheck-card')?.shadowRoot?.querySelector('.card');
          return String(!c || c.hidden || c.getBoundingClientRect().height === 0); })()`),
        ) === 'true',
    );
    expect(closed).toBe(true);
    await page.close();
  });

  it('sets the badge to the number of highlighted sentences', async () => {
    const { page, tabId } = await openCheckedTab(session, 'iraq-troops-article.html');
    // Highlights are drawn in idle slices, so compare once both sides have settled.
    let last = { count: 0, badge: '' };
    const settled = await waitForValue(async () => {
      last = {
        count: all(await readHighlights(page)).length,
        badge: await readBadgeText(session.probe, tabId),
      };
      return last.count > 1 && last.badge === String(last.count);
    });
    expect(settled, JSON.stringify(last)).toBe(true);
    await page.close();
  });

  it('lists the same sentences in page order in the popup opened by its moz-extension:// URL', async () => {
    const { page, tabId } = await openCheckedTab(session, 'iraq-troops-article.html');
    const verdicts = await settledHighlights(page, tabId);
    expect(all(verdicts)).toContain(TROOPS);
    const inPageOrder = JSON.parse(
      String(
        await page.evaluate(`(() => {
          const body = document.body.innerText.replace(/\\s+/g, ' ');
          const wanted = ${JSON.stringify(all(verdicts))};
          return JSON.stringify(wanted.sort((a, b) => body.indexOf(a) - body.indexOf(b)));
        })()`),
      ),
    ) as string[];
    const popup = await openReadyPopup(session.firefox, tabId);
    const listed = JSON.parse(
      String(
        await popup.evaluate(
          `JSON.stringify([...document.querySelectorAll('#entries .sentence')].map((e) => e.textContent))`,
        ),
      ),
    ) as string[];
    expect(listed).toEqual(inPageOrder);
    // The header counts what the badge counts, verdict by verdict as the cards name them, and
    // says the same as the toolbar tooltip.
    const summary = String(await popup.evaluate(`document.querySelector('#summary').textContent`));
    expect(parseSummaryLine(summary)).toMatchObject({
      highlighted: all(verdicts).length,
      corroborated: verdicts.corroborated.length,
      conflicting: verdicts.conflicting.length,
      mixed: verdicts.mixed.length,
    });
    expect(await readBadgeTitle(session.probe, tabId)).toBe(TOOLTIP_PREFIX + summary);
    // Expanding the troops entry shows both sides, numbers side by side.
    const body = String(
      await popup.evaluate(`(() => {
        const entry = [...document.querySelectorAll('#entries > li')].find((li) => li.textContent.includes(${JSON.stringify(TROOPS)}));
        entry.querySelector('summary').click();
        return entry.querySelector('.body').innerText;
      })()`),
    );
    expect(body).toContain('AAP');
    expect(body).toContain('page: 5,000 · express.co.uk: 5,200');
    await popup.screenshot({ path: '/tmp/crosscheck-firefox-popup.png' });
    await popup.close();
    await page.close();
  });

  it('leaves a page on an unrelated topic unmarked, with an empty badge', async () => {
    const { page, tabId } = await openCheckedTab(session, 'weather-article.html');
    // The page has been checked (report stored); give drawing a moment and confirm nothing appears.
    await new Promise((done) => setTimeout(done, 1000));
    expect(all(await readHighlights(page))).toEqual([]);
    expect(await readBadgeText(session.probe, tabId)).toBe('');
    await page.close();
  });

  it('adds a source on the options page, lists it as inert text, and refuses a javascript: URL', async () => {
    const options = await session.firefox.openExtensionPage('src/options/options.html');
    await waitForValue(async () => String(await options.evaluate(`document.body.dataset.ready`)) === 'true');
    const submit = (fields: Record<string, string>) =>
      options.evaluate(`(() => {
        const fields = ${JSON.stringify(fields)};
        for (const [id, value] of Object.entries(fields)) document.getElementById(id).value = value;
        document.getElementById('article-add').click();
      })()`);
    const payload = '<img src=x onerror="window.__xss = 1">';
    await submit({
      'article-text': 'Officials said the United States has about 5,000 troops in Iraq, and none will leave.',
      'article-outlet': payload,
      'article-title': '<script>window.__xss = 2</script>',
      'article-url': 'https://news.example.com/a',
    });
    const listed = await waitForValue(async () => {
      const raw = String(
        await options.evaluate(
          `JSON.stringify([...document.querySelectorAll('#sources-list .source')].map((li) => [li.querySelector('.source-title').textContent, li.querySelector('.source-meta').textContent]))`,
        ),
      );
      return raw === '[]' ? null : (JSON.parse(raw) as string[][]);
    });
    expect(listed).toEqual([['<script>window.__xss = 2</script>', payload]]);
    const before = String(
      await options.evaluate(
        `(async () => JSON.stringify(await browser.storage.local.get('crosscheck:user-articles')))()`,
      ),
    );
    await submit({
      'article-text': 'A different article entirely about the strike on the base.',
      'article-outlet': 'Other',
      'article-title': '',
      'article-url': 'javascript:alert(1)',
    });
    const error = await waitForValue(async () =>
      String(await options.evaluate(`document.getElementById('article-error').textContent`)),
    );
    expect(error).toMatch(/https:\/\/ or http:\/\//);
    expect(
      String(
        await options.evaluate(
          `(async () => JSON.stringify(await browser.storage.local.get('crosscheck:user-articles')))()`,
        ),
      ),
    ).toBe(before);
    expect(String(await options.evaluate(`document.getElementById('article-url').value`))).toBe(
      'javascript:alert(1)',
    );
    expect(
      String(
        await options.evaluate(
          `String(window.__xss) + document.querySelectorAll('#sources-list img').length`,
        ),
      ),
    ).toBe('undefined0');
    await options.screenshot({ path: '/tmp/crosscheck-firefox-options.png' });
    await options.close();
  });
});
