/**
 * Issue 5 user experience end to end in real headless Chromium with the built dist/chrome: the
 * popup's search over the whole claim database, using the popup with the keyboard only, WCAG AA
 * text contrast of the popup and the hover card in light and dark mode, and the hover card
 * staying inside the viewport. Screenshots go to /tmp/crosscheck-ux-*.png.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openCheckedPage, openReadyPopup, useChromiumSession, waitUntil } from './support/chromium.ts';
import { hoverUntilCard, locateSentence, readCard, readVerdictHighlights } from './support/page-state.ts';

const TROOPS = 'The United States has about 5,000 troops in Iraq.';
const NO_RESULTS = 'No source says anything close to that.';

async function allHighlighted(page: Page): Promise<string[]> {
  const groups = await readVerdictHighlights(page);
  return [...groups.corroborated!, ...groups.conflicting!, ...groups.mixed!];
}

async function search(popup: Page, query: string): Promise<{ outlet: string; text: string }[]> {
  // Clear first (a query under two characters empties the list) so old results are not read.
  await popup.locator('#search').fill('');
  await waitUntil(async () => (await popup.locator('#search-results > li').count()) === 0);
  await popup.locator('#search').fill(query);
  // Wait for the debounced answer: either hits with an outlet, or the no-results line.
  await waitUntil(async () => {
    const items = await popup.locator('#search-results > li').allInnerTexts();
    return items.length > 0;
  });
  return popup.locator('#search-results > li').evaluateAll((items) =>
    items.map((li) => ({
      outlet: li.querySelector('.outlet')?.textContent ?? '',
      text: (li as HTMLElement).innerText,
    })),
  );
}

interface ContrastResult {
  text: string;
  ratio: number;
  large: boolean;
  fg: string;
  bg: string;
}

/**
 * WCAG 2 contrast of every visible element with its own text under `rootSelector` (and inside
 * open shadow roots of `shadowHostSelector`), compositing translucent backgrounds and text colours
 * over their ancestors' backgrounds. Runs in the page.
 */
function measureContrast(page: Page, shadowHostSelector: string | null): Promise<ContrastResult[]> {
  return page.evaluate((hostSelector) => {
    type Rgba = [number, number, number, number];
    const parse = (c: string): Rgba => {
      const n = (c.match(/[\d.]+/g) ?? []).map(Number);
      return [n[0] ?? 0, n[1] ?? 0, n[2] ?? 0, n.length >= 4 ? n[3]! : 1];
    };
    const over = (top: Rgba, below: Rgba): Rgba => {
      const a = top[3];
      return [
        top[0] * a + below[0] * (1 - a),
        top[1] * a + below[1] * (1 - a),
        top[2] * a + below[2] * (1 - a),
        1,
      ];
    };
    const lum = ([r, g, b]: Rgba) => {
      const f = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const parentOf = (e: Element): Element | null => {
      if (e.parentElement) return e.parentElement;
      const root = e.getRootNode();
      return root instanceof ShadowRoot ? root.host : null;
    };
    const background = (el: Element): Rgba => {
      const layers: Rgba[] = [];
      for (let e: Element | null = el; e; e = parentOf(e)) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c[3] > 0) layers.push(c);
        if (c[3] >= 0.999) break;
      }
      // The canvas under everything: the root's background, or white.
      let result: Rgba = [255, 255, 255, 1];
      for (const layer of layers.reverse()) result = over(layer, result);
      return result;
    };
    const visibleWithText = (el: HTMLElement) => {
      const ownText = [...el.childNodes].some(
        (n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '',
      );
      if (!ownText && !(el instanceof HTMLInputElement && el.value)) return false;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || Number(style.opacity) === 0) return false;
      // Visually hidden (clipped to 1px) text is for screen readers, not contrast.
      const rect = el.getBoundingClientRect();
      return rect.width > 1 && rect.height > 1 && el.getClientRects().length > 0;
    };
    const elements: HTMLElement[] = [];
    const collect = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll<HTMLElement>('*')) {
        if (el.closest('[hidden]')) continue;
        if (el instanceof HTMLScriptElement || el instanceof HTMLStyleElement) continue;
        if (visibleWithText(el)) elements.push(el);
      }
    };
    if (hostSelector) {
      for (const host of document.querySelectorAll(hostSelector))
        if (host.shadowRoot) collect(host.shadowRoot);
    } else collect(document);
    return elements.map((el) => {
      const style = getComputedStyle(el);
      const bg = background(el);
      const fg = over(parse(style.color), bg);
      const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
      const size = Number.parseFloat(style.fontSize);
      const bold = Number(style.fontWeight) >= 700;
      return {
        text: (el.textContent || (el as HTMLInputElement).value || el.tagName).trim().slice(0, 50),
        ratio: (a! + 0.05) / (b! + 0.05),
        large: size >= 24 || (bold && size >= 18.66),
        fg: fg.slice(0, 3).map(Math.round).join(','),
        bg: bg.slice(0, 3).map(Math.round).join(','),
      };
    });
  }, shadowHostSelector);
}

function failingContrast(results: ContrastResult[]): ContrastResult[] {
  return results.filter((r) => r.ratio < (r.large ? 3 : 4.5));
}

function lowest(results: ContrastResult[]): ContrastResult {
  return [...results].sort((x, y) => x.ratio - y.ratio)[0]!;
}

const session = useChromiumSession();

describe('Crosscheck popup and card experience in Chromium', () => {
  it('searches the whole claim database from the popup, with outlets and quotes, and says when nothing matches', async () => {
    const { page, tabId } = await openCheckedPage(session, 'iraq-troops-article.html');
    const popup = await openReadyPopup(session.browser, tabId);

    const soleimani = await search(popup, 'Soleimani');
    console.log(`search "Soleimani": ${soleimani.length} results, outlets ${soleimani.map((r) => r.outlet)}`);
    expect(soleimani.length).toBeGreaterThan(0);
    for (const hit of soleimani) expect(hit.outlet.trim()).not.toBe('');
    expect(soleimani.some((hit) => /Soleimani/i.test(hit.text))).toBe(true);
    expect(soleimani.map((hit) => hit.text).join('\n')).not.toContain(NO_RESULTS);

    const marines = await search(popup, 'Marine Corps');
    console.log(`search "Marine Corps": ${marines.length} results, outlets ${marines.map((r) => r.outlet)}`);
    expect(marines.length).toBeGreaterThan(0);
    expect(marines.some((hit) => /Marine Corps/i.test(hit.text))).toBe(true);
    for (const hit of marines) expect(hit.outlet.trim()).not.toBe('');
    // Words a reader types apart from each other: each must be in the claim, not side by side.
    const esper = await search(popup, 'Esper decision');
    console.log(`search "Esper decision": ${esper.length} results`);
    expect(esper.length).toBeGreaterThan(0);
    expect(
      esper.filter((hit) => /Esper/.test(hit.text) && /decision/.test(hit.text)).length,
    ).toBeGreaterThanOrEqual(Math.min(5, esper.length));

    // The shared words are emphasised in the quoted sentence.
    expect(
      await popup.locator('#search-results mark, #search-results strong, #search-results em').count(),
    ).toBeGreaterThan(0);
    await popup.setViewportSize({ width: 420, height: 900 });
    await popup.screenshot({ path: '/tmp/crosscheck-ux-search.png', fullPage: true });

    // Wait until the Marine Corps results are replaced, then expect exactly the empty state.
    await popup.locator('#search').fill('qzxwvj kkplmn');
    await waitUntil(async () => {
      const items = await popup.locator('#search-results > li').allInnerTexts();
      return items.length === 1 && items[0] === NO_RESULTS;
    });
    expect(await popup.locator('#search-results .outlet').count()).toBe(0);
    await popup.close();
    await page.close();
  });

  it('can be used with the keyboard only: Tab to entries, Enter/Space to expand, arrows for filters, visible focus', async () => {
    const { page, tabId } = await openCheckedPage(session, 'iraq-troops-article.html');
    const groups = await readVerdictHighlights(page);
    const popup = await openReadyPopup(session.browser, tabId);
    const active = () =>
      popup.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return null;
        const style = getComputedStyle(el);
        return {
          tag: el.tagName.toLowerCase(),
          type: (el as HTMLInputElement).type ?? '',
          value: (el as HTMLInputElement).value ?? '',
          entry: el.closest('#entries > li') !== null,
          text: el.textContent?.replace(/\s+/g, ' ').trim().slice(0, 80) ?? '',
          open: el.closest('details')?.open ?? null,
          outline: `${style.outlineStyle} ${style.outlineWidth}`,
          focusRing:
            (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0) ||
            style.boxShadow !== 'none',
        };
      });

    // Tab from the top of the page to the first entry's summary.
    const visited: string[] = [];
    let state = await active();
    for (let i = 0; i < 40 && !(state?.tag === 'summary' && state.entry); i++) {
      await popup.keyboard.press('Tab');
      state = await active();
      visited.push(`${state?.tag}${state?.type ? `[${state.type}]` : ''}`);
      // Every stop on the way shows where focus is.
      expect(state?.focusRing, `focus ring on ${JSON.stringify(state)}`).toBe(true);
    }
    console.log(`tab order to first entry: ${visited.join(' → ')}`);
    expect(state?.tag).toBe('summary');
    expect(state?.entry).toBe(true);
    expect(state?.open).toBe(false);
    await popup.screenshot({ path: '/tmp/crosscheck-ux-keyboard-focus.png' });

    // Enter expands the focused entry and shows its sources; Enter again collapses it.
    await popup.keyboard.press('Enter');
    expect((await active())?.open).toBe(true);
    const firstBody = popup.locator('#entries > li').first().locator('.body');
    expect(await firstBody.isVisible()).toBe(true);
    expect((await firstBody.innerText()).trim().length).toBeGreaterThan(0);
    await popup.keyboard.press('Enter');
    expect((await active())?.open).toBe(false);
    // Space expands too.
    await popup.keyboard.press('Space');
    expect((await active())?.open).toBe(true);
    expect(await firstBody.isVisible()).toBe(true);
    await popup.keyboard.press('Space');

    // Shift+Tab back to the filter radios; arrows move the selection and apply the filter.
    let radio = await active();
    for (let i = 0; i < 10 && radio?.type !== 'radio'; i++) {
      await popup.keyboard.press('Shift+Tab');
      radio = await active();
    }
    expect(radio?.type).toBe('radio');
    expect(radio?.value).toBe('all');
    expect(radio?.focusRing).toBe(true);
    await popup.keyboard.press('ArrowRight');
    expect((await active())?.value).toBe('conflicting');
    expect(await popup.locator('input[name="filter"][value="conflicting"]').isChecked()).toBe(true);
    const conflicting = await popup.locator('#entries > li:not([hidden]) .sentence').allTextContents();
    expect(conflicting.sort()).toEqual([...groups.conflicting!, ...groups.mixed!].sort());
    await popup.keyboard.press('ArrowRight');
    expect((await active())?.value).toBe('corroborated');
    const corroborated = await popup.locator('#entries > li:not([hidden]) .sentence').allTextContents();
    expect(corroborated.sort()).toEqual([...groups.corroborated!].sort());
    await popup.keyboard.press('ArrowLeft');
    await popup.keyboard.press('ArrowLeft');
    expect((await active())?.value).toBe('all');
    expect(await popup.locator('#entries > li:not([hidden])').count()).toBe(
      await popup.locator('#entries > li').count(),
    );
    await popup.close();
    await page.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`meets WCAG AA text contrast in the popup and the hover card (${scheme})`, async () => {
      const { page, tabId } = await openCheckedPage(session, 'iraq-troops-article.html');
      await page.emulateMedia({ colorScheme: scheme });
      const popup = await openReadyPopup(session.browser, tabId);
      await popup.emulateMedia({ colorScheme: scheme });
      // Show everything the popup can show: every entry expanded and some search results.
      for (const summary of await popup.locator('#entries > li summary').all()) await summary.click();
      await search(popup, 'Marine Corps');
      await popup.setViewportSize({ width: 420, height: 900 });
      await popup.screenshot({ path: `/tmp/crosscheck-ux-popup-${scheme}.png`, fullPage: true });
      const popupResults = await measureContrast(popup, null);
      const popupWorst = lowest(popupResults);
      console.log(
        `popup contrast ${scheme}: ${popupResults.length} text elements, lowest ${popupWorst.ratio.toFixed(2)}:1 (${popupWorst.text}; fg ${popupWorst.fg} bg ${popupWorst.bg})`,
      );
      expect(popupResults.length).toBeGreaterThan(20);
      expect(failingContrast(popupResults)).toEqual([]);

      await waitUntil(async () => (await allHighlighted(page)).includes(TROOPS));
      await page.bringToFront();
      await hoverUntilCard(page, await locateSentence(page, TROOPS));
      await page.screenshot({ path: `/tmp/crosscheck-ux-card-${scheme}.png` });
      const cardResults = await measureContrast(page, 'crosscheck-card');
      const cardWorst = lowest(cardResults);
      console.log(
        `card contrast ${scheme}: ${cardResults.length} text elements, lowest ${cardWorst.ratio.toFixed(2)}:1 (${cardWorst.text}; fg ${cardWorst.fg} bg ${cardWorst.bg})`,
      );
      expect(cardResults.length).toBeGreaterThan(5);
      expect(failingContrast(cardResults)).toEqual([]);
      await popup.close();
      await page.close();
    });
  }

  it('keeps the hover card inside the viewport for a sentence at the bottom right of a small window', async () => {
    const { page } = await openCheckedPage(session, 'iraq-troops-article.html');
    await page.setViewportSize({ width: 560, height: 420 });
    // The fixture's aside column keeps article text off the right edge; stack it so the article's
    // lines run to the right edge of this small window, as on a phone-sized layout.
    await page.addStyleTag({ content: '.layout { display: block !important; }' });
    await waitUntil(async () => (await allHighlighted(page)).length > 0);
    const sentences = await allHighlighted(page);
    const viewport = { width: 560, height: 420 };
    const cases: string[] = [];
    for (const sentence of sentences) {
      // Put the sentence's last line at the bottom of the viewport and point at its right end.
      const point = await page.evaluate((text) => {
        const highlights = [...CSS.highlights.entries()].filter(([name]) => name.startsWith('crosscheck-'));
        for (const [, highlight] of highlights)
          for (const range of highlight as Iterable<Range>) {
            if (range.toString().replace(/\s+/g, ' ').trim() !== text) continue;
            // The line that reaches furthest right, scrolled to the bottom edge of the window.
            const widest = () =>
              [...range.getClientRects()]
                .filter((r) => r.width > 2)
                .sort((a, b) => b.right - a.right || b.top - a.top)[0]!;
            window.scrollBy(0, widest().bottom - window.innerHeight + 4);
            const end = widest();
            return { x: end.right - 6, y: end.top + end.height / 2 };
          }
        return null;
      }, sentence);
      if (!point) continue;
      await page.mouse.move(1, 1);
      await page.keyboard.press('Escape');
      await page.mouse.move(point.x - 30, point.y);
      await page.mouse.move(point.x, point.y, { steps: 4 });
      await waitUntil(async () => (await readCard(page)).visible);
      await page.waitForTimeout(100);
      const box = await page.evaluate(() => {
        const rect = document
          .querySelector('crosscheck-card')!
          .shadowRoot!.querySelector('.card')!
          .getBoundingClientRect();
        return {
          left: rect.left,
          top: rect.top,
          right: rect.right,
          bottom: rect.bottom,
          width: document.documentElement.clientWidth,
          height: document.documentElement.clientHeight,
        };
      });
      cases.push(
        `${sentence.slice(0, 30)}… at (${Math.round(point.x)},${Math.round(point.y)}) → card ${Math.round(box.left)},${Math.round(box.top)}–${Math.round(box.right)},${Math.round(box.bottom)}`,
      );
      expect(box.left, sentence).toBeGreaterThanOrEqual(0);
      expect(box.top, sentence).toBeGreaterThanOrEqual(0);
      expect(box.right, sentence).toBeLessThanOrEqual(Math.min(box.width, viewport.width));
      expect(box.bottom, sentence).toBeLessThanOrEqual(Math.min(box.height, viewport.height));
    }
    console.log(`card placement in ${viewport.width}x${viewport.height}:\n${cases.join('\n')}`);
    expect(cases.length).toBeGreaterThan(2);
    // At least one case really was near the right edge and the bottom edge of the window.
    expect(
      cases.some((c) => /at \((\d+),(\d+)\)/.exec(c)!.slice(1).map(Number)[0]! > viewport.width * 0.75),
    ).toBe(true);
    await page.screenshot({ path: '/tmp/crosscheck-ux-card-bottom-right.png' });
    await page.close();
  });

  it('keeps the hover card off the sentence it describes in a window too short for it, scrolling inside', async () => {
    const { page } = await openCheckedPage(session, 'iraq-troops-article.html');
    await page.setViewportSize({ width: 900, height: 300 });
    await waitUntil(async () => (await allHighlighted(page)).includes(TROOPS));
    const point = await locateSentence(page, TROOPS);
    await hoverUntilCard(page, point);
    await page.waitForTimeout(100);
    const state = await page.evaluate(({ x, y }) => {
      const card = document.querySelector('crosscheck-card')!.shadowRoot!.querySelector('.card')!;
      const rect = card.getBoundingClientRect();
      // The line under the pointer: the client rect of the highlighted range that contains it.
      let line: DOMRect | null = null;
      for (const [name, highlight] of CSS.highlights.entries()) {
        if (!name.startsWith('crosscheck-')) continue;
        for (const range of highlight as Iterable<Range>)
          for (const r of range.getClientRects())
            if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) line = r;
      }
      return {
        card: { top: rect.top, bottom: rect.bottom },
        line: line && { top: line.top, bottom: line.bottom },
        scrolls: card.scrollHeight > card.clientHeight,
        viewHeight: document.documentElement.clientHeight,
      };
    }, point);
    expect(state.line).not.toBeNull();
    // Neither side has room for the whole card: it sits on one side of the line, shortened.
    const clear = state.card.bottom <= state.line!.top || state.card.top >= state.line!.bottom;
    expect(clear, JSON.stringify(state)).toBe(true);
    expect(state.card.top).toBeGreaterThanOrEqual(0);
    expect(state.card.bottom).toBeLessThanOrEqual(state.viewHeight);
    expect(state.scrolls).toBe(true);
    await page.close();
  });
});
