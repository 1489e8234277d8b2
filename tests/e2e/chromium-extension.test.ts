/**
 * End to end in real headless Chromium with the built dist/chrome: highlights, hover card, badge,
 * popup, an unrelated page, and no network traffic from the extension. Pages come from a static
 * server on 127.0.0.1. Screenshots go to /tmp/crosscheck-*.png for a human to look at.
 */
import type { Request } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  findRequestOrigin,
  findTabId,
  openCheckedPage,
  openReadyPopup,
  readTabReport,
  useChromiumSession,
  waitUntil,
} from './support/chromium.ts';
import {
  hoverUntilCard,
  listHighlighted,
  locateSentence,
  readCard,
  readVerdictHighlights,
} from './support/page-state.ts';
import { parseSummaryLine, TOOLTIP_PREFIX } from './support/summary-line.ts';

const TROOPS = 'The United States has about 5,000 troops in Iraq.';

// Service worker requests only reach Playwright's request events with this switch.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

const requests: { url: string; frame: string }[] = [];

const session = useChromiumSession();
beforeAll(async () => {
  session.browser.context.on('request', (request: Request) => {
    requests.push({
      url: request.url(),
      frame: findRequestOrigin(request),
    });
  });
});

describe('Crosscheck in Chromium', () => {
  it('highlights reworded seed sentences under crosscheck- names, and nothing from page chrome', async () => {
    const { page } = await openCheckedPage(session, 'iraq-troops-article.html');
    const groups = await waitUntil(async () => {
      const read = await readVerdictHighlights(page);
      return listHighlighted(read).length > 0 ? read : null;
    });
    const texts = listHighlighted(groups);
    expect(texts).toContain(TROOPS);
    expect(texts).toContain(
      'Around 400 British soldiers are training Iraqi troops, as well as around 5,000 US troops in the country.',
    );
    // The one sentence every outlet that counts troops says too (5,000) and express.co.uk does not (5,200).
    expect(groups.mixed).toContain(TROOPS);
    // Page chrome is never checked: the aside repeats a claim, the footer and a textarea too.
    expect(texts.join('\n')).not.toMatch(
      /airstrike on Friday|footer wrongly repeats|5,200|Hidden teaser|Cookie notice/,
    );
    expect(texts.filter((text) => text === TROOPS)).toHaveLength(1);
    // Unrelated sentences in the article stay unmarked.
    expect(texts).not.toContain('Britain has not said whether its trainers will stay.');
    // The DOM is untouched until a card is needed.
    expect(await page.locator('crosscheck-card').count()).toBe(0);
    await page.screenshot({ path: '/tmp/crosscheck-article.png' });
    await page.close();
  });

  it('shows a card naming the corroborating and conflicting sources when hovering a sentence', async () => {
    const { page } = await openCheckedPage(session, 'iraq-troops-article.html');
    await waitUntil(async () => listHighlighted(await readVerdictHighlights(page)).includes(TROOPS));
    const point = await locateSentence(page, TROOPS);
    // Come in from the left margin along the line, so no other sentence is crossed on the way.
    await page.mouse.move(4, point.y);
    await page.mouse.move(point.x, point.y, { steps: 4 });
    const card = await waitUntil(async () => {
      const state = await readCard(page);
      return state.visible ? state : null;
    });
    expect(card.role).toBe('tooltip');
    expect(card.hosts).toBe(1);
    expect(card.text).toMatch(/Mixed/);
    expect(card.text).toMatch(/corroborated by/i);
    expect(card.text).toContain('AAP');
    expect(card.text).toContain('Daily US Times');
    expect(card.text).toContain('The United States has about 5000 troops in Iraq.');
    expect(card.text).toMatch(/conflicts with/i);
    expect(card.text).toContain('express.co.uk');
    expect(card.text).toMatch(/5,200 vs 5,000 \(.*troops.*\)/);
    // The article 002 gives its date (2020-01-06): shown in words.
    expect(card.text).toMatch(/January 6, 2020|6 January 2020/);
    await page.screenshot({ path: '/tmp/crosscheck-card.png' });

    // Moving onto the card keeps it open; Escape closes it.
    const box = await page.evaluate(() => {
      const rect = document
        .querySelector('crosscheck-card')!
        .shadowRoot!.querySelector('.card')!
        .getBoundingClientRect();
      return { x: rect.left + 20, y: rect.top + 20 };
    });
    await page.mouse.move(box.x, box.y, { steps: 6 });
    await page.waitForTimeout(500);
    expect((await readCard(page)).visible).toBe(true);
    // "Details" opens the popup view for this sentence in a tab of its own, with the entry open.
    const button = await page.evaluate(() => {
      const rect = document
        .querySelector('crosscheck-card')!
        .shadowRoot!.querySelector('button')!
        .getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    const opened = session.browser.context.waitForEvent('page');
    await page.mouse.move(button.x, button.y, { steps: 4 });
    await page.mouse.click(button.x, button.y);
    const details = await opened;
    await details.waitForSelector('body[data-ready="true"]');
    expect(details.url()).toMatch(/\/src\/popup\/popup\.html\?tab=\d+&key=/);
    const openEntry = details.locator('#entries details[open] .sentence');
    expect(await openEntry.allTextContents()).toEqual([TROOPS]);
    await details.close();
    await page.bringToFront();
    await page.keyboard.press('Escape');
    expect((await readCard(page)).visible).toBe(false);
    await page.close();
  });

  it('flags an altered figure that only a long source states, and leaves a count no source gives alone', async () => {
    const SITES = 'Trump said the US had targeted 25 Iranian sites.';
    const FIVE_THOUSAND = 'Five thousand US troops remain in Iraq, the Pentagon says.';
    const PULL_OUT = 'Esper said the United States had decided to pull its troops out of Iraq.';
    const { page } = await openCheckedPage(session, 'follow-up-article.html');
    const groups = await waitUntil(async () => {
      const read = await readVerdictHighlights(page);
      const shown = listHighlighted(read);
      return shown.includes(SITES) && shown.includes(FIVE_THOUSAND) && shown.includes(PULL_OUT) ? read : null;
    });
    // express.co.uk's 330-character tweet says 52 (CORE_RESCUE_COVERAGE), and AAP's "cultural
    // sites" sentence, which gives no number, is not a source (PAGE_CORE_MISSED).
    expect(groups.conflicting).toContain(SITES);
    expect(groups.corroborated).toContain(
      'On Sunday the Iraqi parliament had voted to expel US troops from the country.',
    );
    // Iran's claim of 80 dead is in no source: it shares "killed" and "strike" with Soleimani's killing.
    expect(listHighlighted(groups).join('\n')).not.toMatch(/80 American soldiers|night sky/);
    // Casualties, one base's troops and Germany's are not the US's 5,000 (QUANTITY_SCOPE); a count in
    // words is read as one (5,000 against express.co.uk's 5,200: mixed).
    expect(listHighlighted(groups).join('\n')).not.toMatch(/25 US troops were hurt|Al Asad|120 soldiers/);
    expect(groups.mixed).toContain(FIVE_THOUSAND);
    // "pull its troops out" reverses Esper's denials: most sources conflict, none corroborates alone.
    expect(groups.mixed).toContain(PULL_OUT);
    const point = await locateSentence(page, SITES);
    await page.mouse.move(4, point.y);
    await page.mouse.move(point.x, point.y, { steps: 4 });
    const card = await waitUntil(async () => {
      const state = await readCard(page);
      return state.visible ? state : null;
    });
    expect(card.text).toMatch(/conflicts with/i);
    expect(card.text).toContain('express.co.uk');
    // The source's value first, as for 5,200 vs 5,000.
    expect(card.text).toMatch(/52 vs 25 \(Iran site\)/);
    expect(card.text).not.toContain('cultural sites');
    await page.close();
  });

  it("lists every outlet's account of a fact that a source sentence states together with another", async () => {
    // 003's "The Iraqi parliament on Sunday voted to expel American troops … in response to the USA
    // assassination of … Soleimani" is in the database's fact for the vote and the one for the
    // killing; the card for the page's vote sentence names the vote's other versions too.
    const VOTE = "Iraq's parliament voted on Sunday to expel American troops from the country.";
    const { page } = await openCheckedPage(session, 'iraq-troops-article.html');
    const groups = await waitUntil(async () => {
      const read = await readVerdictHighlights(page);
      return listHighlighted(read).includes(VOTE) ? read : null;
    });
    expect(groups.corroborated).toContain(VOTE);
    const card = await hoverUntilCard(page, await locateSentence(page, VOTE));
    expect(card.text).toMatch(/Corroborated/);
    expect(card.text).not.toMatch(/conflicts with/i);
    expect(card.text).toContain('The Iraqi parliament on Sunday voted to expel American troops');
    expect(card.text).toContain('express.co.uk');
    expect(card.text).toContain(
      'On Sunday Iraq’s parliament called for US and other foreign military forces',
    );
    expect(card.text).toContain('Daily US Times');
    expect(card.text).toContain('The Iraqi parliament passed the resolution on Sunday');
    await page.close();
  });

  it('sets the badge to the number of highlighted sentences, coloured for conflicts, with a tooltip saying so', async () => {
    const { page, tabId } = await openCheckedPage(session, 'iraq-troops-article.html');
    const groups = await readVerdictHighlights(page);
    const texts = listHighlighted(groups);
    expect(texts.length).toBeGreaterThan(0);
    expect(await session.browser.badgeText(tabId)).toBe(String(texts.length));
    expect(await session.browser.badgeColor(tabId)).toEqual([179, 38, 30, 255]);
    const title = await session.browser.badgeTitle(tabId);
    expect(title.startsWith(TOOLTIP_PREFIX)).toBe(true);
    expect(parseSummaryLine(title.slice(TOOLTIP_PREFIX.length))).toMatchObject({
      highlighted: texts.length,
      corroborated: groups.corroborated?.length ?? 0,
      conflicting: groups.conflicting?.length ?? 0,
      mixed: groups.mixed?.length ?? 0,
    });
    await page.close();
  });

  it('lists the same sentences in page order in the popup opened by its URL', async () => {
    const { page, tabId } = await openCheckedPage(session, 'iraq-troops-article.html');
    const groups = await readVerdictHighlights(page);
    const texts = listHighlighted(groups);
    const inPageOrder = await page.evaluate((wanted) => {
      const body = document.body.innerText.replace(/\s+/g, ' ');
      return [...wanted].sort((a, b) => body.indexOf(a) - body.indexOf(b));
    }, texts);
    const popup = await openReadyPopup(session.browser, tabId);
    const listed = await popup.locator('#entries .sentence').allTextContents();
    expect(listed).toEqual(inPageOrder);
    // The header counts what the badge counts, verdict by verdict as the cards name them, and
    // says the same as the toolbar tooltip.
    const summary = (await popup.locator('#summary').textContent()) ?? '';
    expect(parseSummaryLine(summary)).toMatchObject({
      highlighted: texts.length,
      corroborated: groups.corroborated?.length ?? 0,
      conflicting: groups.conflicting?.length ?? 0,
      mixed: groups.mixed?.length ?? 0,
    });
    expect(await session.browser.badgeTitle(tabId)).toBe(TOOLTIP_PREFIX + summary);

    // Expanding the troops entry shows both sides, with the numbers side by side.
    const entry = popup.locator('#entries > li', { hasText: TROOPS });
    await entry.locator('summary').click();
    const body = await entry.locator('.body').innerText();
    expect(body).toContain('AAP');
    expect(body).toContain('express.co.uk');
    expect(body).toContain('page: 5,000 · express.co.uk: 5,200');
    await popup.setViewportSize({ width: 420, height: 900 });
    await popup.screenshot({ path: '/tmp/crosscheck-popup.png', fullPage: true });

    // "With a conflict" hides corroborated entries: conflicting and mixed ones stay.
    const withConflict = popup.locator('label', { has: popup.locator('input[value="conflicting"]') });
    expect((await withConflict.textContent())?.trim()).toBe('With a conflict');
    await popup.locator('input[name="filter"][value="conflicting"]').check();
    const visible = await popup.locator('#entries > li:not([hidden]) .sentence').allTextContents();
    expect(visible.sort()).toEqual([...groups.conflicting!, ...groups.mixed!].sort());
    await popup.close();
    await page.close();
  });

  it('jumps from a popup entry to its sentence on the page, flashing it and opening its card', async () => {
    const { page, tabId } = await openCheckedPage(session, 'iraq-troops-article.html');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const popup = await openReadyPopup(session.browser, tabId);
    const entry = popup.locator('#entries > li', { hasText: TROOPS });
    await entry.locator('summary').click();
    await entry.locator('button.reveal').click();
    const flashed = await waitUntil(() =>
      page.evaluate(() => {
        const flash = CSS.highlights.get('crosscheck-flash');
        return flash ? [...flash].map((range) => (range as Range).toString()) : null;
      }),
    );
    expect(flashed).toEqual([TROOPS]);
    const card = await readCard(page);
    expect(card.visible).toBe(true);
    expect(card.text).toContain('express.co.uk');
    // The sentence was scrolled into view.
    const top = await page.evaluate((text) => {
      const flash = CSS.highlights.get('crosscheck-flash');
      const range = flash ? ([...flash][0] as Range) : null;
      return range && range.toString() === text ? range.getBoundingClientRect().top : null;
    }, TROOPS);
    expect(top).not.toBeNull();
    expect(top!).toBeGreaterThanOrEqual(0);
    expect(top!).toBeLessThan(900);
    await popup.close();
    await page.close();
  });

  it('adds the page to the reader’s sources from the popup, rebuilds the database, and does not let it corroborate itself', async () => {
    const { page, tabId } = await openCheckedPage(session, 'iraq-troops-article.html');
    const before = listHighlighted(await readVerdictHighlights(page));
    const popup = await openReadyPopup(session.browser, tabId);
    const articlesBefore = await popup.locator('#db-info').textContent();
    expect(articlesBefore).toContain('5 articles');
    // The build date in words, not an ISO timestamp.
    expect(articlesBefore).toMatch(/built (\d{1,2} [A-Z][a-z]+ \d{4}|[A-Z][a-z]+ \d{1,2}, \d{4})\./);
    await popup.locator('#add-article').click();
    await waitUntil(async () =>
      (await popup.locator('#add-article-status').textContent())?.startsWith('Added'),
    );
    const stored = await (await session.browser.worker()).evaluate(async () => {
      const raw = (await chrome.storage.local.get('crosscheck:user-articles'))[
        'crosscheck:user-articles'
      ] as {
        articles: { url: string | null; body: string }[];
      };
      return raw.articles.map((a) => ({
        url: a.url,
        hasTroops: a.body.includes('about 5,000 troops in Iraq'),
      }));
    });
    expect(stored).toEqual([{ url: session.server.url('iraq-troops-article.html'), hasTroops: true }]);
    // The database now has six articles; the page is checked again and never cites itself.
    const info = await popup.evaluate(async () => {
      const response = await chrome.runtime.sendMessage({
        channel: 'crosscheck/v1',
        direction: 'popup-to-background',
        type: 'get-database-info',
        payload: {},
      });
      return response as { articles: number; userArticles: number };
    });
    expect(info).toMatchObject({ articles: 6, userArticles: 1 });
    // Reload so the page is read against the rebuilt database from scratch.
    await page.reload();
    const after = await waitUntil(async () => {
      const report = await readTabReport(session.browser, tabId);
      return report?.status === 'checked' ? report : null;
    });
    const sources = (after.entries as { match: { sources: { articleId: string }[] } }[]).flatMap((entry) =>
      entry.match.sources.map((source) => source.articleId),
    );
    expect(sources.length).toBeGreaterThan(0);
    // Every source is a bundled article (000-004): the user's copy of this page never cites itself.
    expect(sources.filter((id) => !/^00[0-4]_/.test(id))).toEqual([]);
    expect(listHighlighted(await readVerdictHighlights(page))).toContain(TROOPS);
    expect(before).toContain(TROOPS);
    await popup.close();
    await page.close();
  });

  it('answers keyboard steps and a checked selection from the background with the card', async () => {
    const { page, tabId } = await openCheckedPage(session, 'iraq-troops-article.html');
    const worker = await session.browser.worker();
    const send = (type: string, payload: unknown) =>
      worker.evaluate(([id, message]) => chrome.tabs.sendMessage(id as number, message, { frameId: 0 }), [
        tabId,
        { channel: 'crosscheck/v1', direction: 'background-to-content', type, payload },
      ] as const);
    // Next-highlight (what the Alt+Shift+N command sends) goes to the first highlighted sentence.
    expect(await send('step-highlight', { direction: 1 })).toEqual({ ok: true });
    const first = await page.evaluate(() => {
      const flash = CSS.highlights.get('crosscheck-flash');
      return flash ? [...flash].map((range) => (range as Range).toString()) : [];
    });
    const report = await readTabReport(session.browser, tabId);
    expect(first).toEqual([(report!.entries[0] as { match: { text: string } }).match.text]);
    expect((await readCard(page)).visible).toBe(true);
    // Toggle hides every highlight, and brings them back.
    expect(await send('toggle-highlights', {})).toEqual({ visible: false });
    expect(listHighlighted(await readVerdictHighlights(page))).toEqual([]);
    expect(await send('toggle-highlights', {})).toEqual({ visible: true });
    await waitUntil(async () => listHighlighted(await readVerdictHighlights(page)).length > 0);
    // A checked selection with no match says so in the card.
    await page.evaluate(() => {
      const paragraph = [...document.querySelectorAll('p')].find((p) =>
        p.textContent?.includes('Diplomats'),
      )!;
      const range = document.createRange();
      range.selectNodeContents(paragraph);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    expect(await send('show-selection-result', { matches: [] })).toEqual({ ok: true });
    expect((await readCard(page)).text).toContain('No source in the database says anything close to this.');
    // A message that is not shaped like the contract is refused.
    await expect(send('step-highlight', { direction: 5 })).rejects.toThrow();
    await page.close();
  });

  it('turns checking off for a site from the popup switch, and back on', async () => {
    const { page, tabId } = await openCheckedPage(session, 'iraq-troops-article.html');
    const popup = await session.browser.context.newPage();
    const popupUrl = `chrome-extension://${session.browser.extensionId}/src/popup/popup.html?tab=${tabId}`;
    await popup.goto(popupUrl);
    await popup.waitForSelector('body[data-ready="true"]');
    const toggle = popup.locator('#site-switch');
    expect(await toggle.isChecked()).toBe(true);
    await toggle.uncheck();
    await waitUntil(async () => listHighlighted(await readVerdictHighlights(page)).length === 0);
    await waitUntil(async () => (await readTabReport(session.browser, tabId))?.status === 'site-disabled');
    expect(await session.browser.badgeText(tabId)).toBe('');
    await popup.goto(popupUrl);
    await popup.waitForSelector('body[data-ready="true"]');
    expect(await popup.locator('#empty').textContent()).toBe('Checking is turned off for this site.');
    expect(await popup.locator('#site-switch').isChecked()).toBe(false);
    await popup.locator('#site-switch').check();
    await waitUntil(async () => listHighlighted(await readVerdictHighlights(page)).includes(TROOPS));
    await waitUntil(async () => (await session.browser.badgeText(tabId)) !== '');
    await popup.close();
    await page.close();
  });

  it('leaves an unrelated article alone: no highlights, no badge, and says why in the popup', async () => {
    const { page, tabId } = await openCheckedPage(session, 'weather-article.html');
    expect(listHighlighted(await readVerdictHighlights(page))).toEqual([]);
    expect(await session.browser.badgeText(tabId)).toBe('');
    const popup = await openReadyPopup(session.browser, tabId);
    expect(await popup.locator('#entries > li').count()).toBe(0);
    expect(await popup.locator('#empty').textContent()).toBe(
      'No claims from the sources were found on this page.',
    );
    await popup.close();
    await page.close();
  });

  it('explains in the popup that a browser page cannot be read', async () => {
    const page = await session.browser.context.newPage();
    await page.goto('about:blank');
    const tabId = await findTabId(session.browser, page);
    const popup = await openReadyPopup(session.browser, tabId);
    expect(await popup.locator('#entries > li').count()).toBe(0);
    expect(await popup.locator('#empty').textContent()).toMatch(/^This page cannot be read/);
    expect(await popup.locator('#site-switch-label').isHidden()).toBe(true);
    expect(await session.browser.badgeText(tabId)).toBe('');
    await popup.close();
    await page.close();
  });

  it('made no network request from any extension context', () => {
    const extensionOrigin = `chrome-extension://${session.browser.extensionId}`;
    const foreign = requests.filter(
      ({ url }) => !url.startsWith(`${session.server.origin}/`) && !url.startsWith(`${extensionOrigin}/`),
    );
    expect(foreign).toEqual([]);
    // Everything the fixture server saw was asked for by the pages themselves.
    const pagesAsked = new Set([
      '/iraq-troops-article.html',
      '/follow-up-article.html',
      '/weather-article.html',
      '/favicon.ico',
    ]);
    expect(session.server.requests.filter((path) => !pagesAsked.has(path))).toEqual([]);
    // The extension's own contexts only loaded their own files.
    const fromExtension = requests.filter(({ frame }) => frame.startsWith(extensionOrigin));
    expect(fromExtension.every(({ url }) => url.startsWith(`${extensionOrigin}/`))).toBe(true);
  });
});
