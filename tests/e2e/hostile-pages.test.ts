/**
 * The built extension in real Chromium against the hostile fixture pages (tests/fixtures/hostile):
 * a huge page, an endless ticker, a single-page app, infinite scroll, unusual content and a page
 * that poisons the main world under a strict CSP. For each: no uncaught error in the page, the
 * content script or the service worker; the page's own DOM unchanged apart from the one card host;
 * highlights right where the text matches; and the content script's main-thread cost measured.
 */
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  evaluateIsolated,
  evaluateRaw,
  hasChromeBuild,
  highlightedTexts,
  hoverAndReadCard,
  type Launched,
  launchChromium,
  performanceMetrics,
  readHighlightPlaces,
  readHighlights,
  readWatch,
  readWorkMeter,
  type ScriptProfile,
  startProfile,
  stopProfile,
  unexpectedMutations,
  waitFor,
} from './support/hostile.ts';
import { type HostileServer, REPEAT_COUNT, startHostileServer } from './support/hostile-server.ts';

const TROOPS = 'The United States has about 5,000 troops in Iraq.';
const ESPER = 'Esper said there had been no decision whatsoever to leave Iraq.';
const TROOPS_5200 = 'The United States has about 5,200 troops in Iraq.';

interface Opened {
  page: Page;
  cdp: CDPSession;
  /** Uncaught errors and console errors from every world of the page (main, content script). */
  errors: string[];
}

let server: HostileServer;
let browser: Launched;
/** Errors the service worker logged or threw. */
const workerErrors: string[] = [];
const figures: string[] = [];
let hugeProfile: ScriptProfile | null = null;

async function open(path: string, before?: (opened: Opened) => Promise<void>): Promise<Opened> {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
  });
  await cdp.send('Runtime.enable');
  cdp.on('Runtime.exceptionThrown', (e) =>
    errors.push(`exception: ${e.exceptionDetails.exception?.description ?? e.exceptionDetails.text}`),
  );
  await cdp.send('Performance.enable');
  const opened = { page, cdp, errors };
  if (before) await before(opened);
  await page.goto(server.url(path));
  return opened;
}

async function waitForHighlights(cdp: CDPSession, wanted: string[], timeoutMs = 20_000): Promise<string[]> {
  return waitFor(async () => {
    const texts = highlightedTexts(await readHighlights(cdp));
    return wanted.every((w) => texts.includes(w)) ? texts : null;
  }, timeoutMs).then(async (v) => v ?? highlightedTexts(await readHighlights(cdp)));
}

/** The checks every hostile page must pass once the extension has done its work. */
async function expectUnharmed(opened: Opened, label: string): Promise<void> {
  const watch = await readWatch(opened.cdp);
  expect(watch.errors, `${label}: page errors`).toEqual([]);
  expect(opened.errors, `${label}: errors in any world`).toEqual([]);
  expect(watch.violations, `${label}: CSP violations`).toEqual([]);
  expect(unexpectedMutations(watch), `${label}: DOM changes other than the card host`).toEqual([]);
  const hosts = await evaluateRaw<number>(opened.cdp, "document.querySelectorAll('crosscheck-card').length");
  expect(hosts, `${label}: card hosts`).toBeLessThanOrEqual(1);
  // The watch sees the extension's changes: the card's host, when there is one, was recorded going in
  // (so an empty list above means nothing else changed, not that the observer missed it).
  if (hosts === 1)
    expect(
      watch.foreign.some((m) => m.type === 'childList' && m.added.includes('crosscheck-card')),
      `${label}: the card host's insertion was observed`,
    ).toBe(true);
  expect(workerErrors, 'service worker errors').toEqual([]);
}

describe.skipIf(!hasChromeBuild)('hostile pages in Chromium', () => {
  beforeAll(async () => {
    server = await startHostileServer();
    browser = await launchChromium();
    browser.firstWorker?.on('console', (m) => {
      if (m.type() === 'error') workerErrors.push(m.text());
    });
  });

  afterAll(async () => {
    console.log(`[hostile] figures:\n${figures.join('\n')}`);
    await browser?.close();
    await server?.close();
  });

  /** How long the ticker test lets the profiler settle before its measuring window opens. */
  const PROFILER_SETTLE_MS = 300;

  it('ticker page (text changes every 50 ms): highlights, card, DOM untouched, bounded CPU over 10 s', async () => {
    const opened = await open('/ticker.html');
    const texts = await waitForHighlights(opened.cdp, [TROOPS, ESPER]);
    expect(texts).toContain(TROOPS);
    expect(texts).toContain(ESPER);
    expect(texts.some((t) => t.startsWith('Live update'))).toBe(false);
    const card = await hoverAndReadCard(opened.page, opened.cdp, TROOPS);
    expect(card?.text).toContain('5,200');

    // CPU over 10 s of ticking, against the same page in the same browser with the checker's
    // rescans settled: TaskDuration is the renderer main thread's busy time.
    await startProfile(opened.cdp, 500);
    // Starting the profiler can itself hold the main thread (one clean-clone run saw a 51 ms task
    // 10 ms after it), so the window opens once it has settled.
    await opened.page.waitForTimeout(PROFILER_SETTLE_MS);
    const windowStart = await evaluateRaw<number>(opened.cdp, 'performance.now()');
    const m0 = await performanceMetrics(opened.cdp);
    await opened.page.waitForTimeout(10_000);
    const m1 = await performanceMetrics(opened.cdp);
    const profile = await stopProfile(opened.cdp, `chrome-extension://${browser.extensionId}/`);
    const taskMs = (m1.TaskDuration! - m0.TaskDuration!) * 1000;
    figures.push(
      `ticker: 10 s window from ${windowStart.toFixed(0)} ms after navigation: renderer main-thread tasks ${taskMs.toFixed(0)} ms (${((taskMs / 10_000) * 100).toFixed(1)}% of a core), content script (profiler) ${profile.totalMs.toFixed(1)} ms, longest content-script run ${profile.longestRunMs.toFixed(1)} ms`,
    );
    // Bounded rescans: the content script may use at most 2% of a core (200 ms per 10 s) on a page
    // that mutates 200 times in that window, none of its tasks may reach the 50 ms long-task mark
    // (the profiler's longest stretch: the long-tasks API does not see extension scripts), and no
    // main-thread task of the page (its rendering of the highlights included) may reach it either.
    expect(profile.totalMs).toBeLessThan(200);
    expect(profile.longestRunMs).toBeLessThan(50);
    const longTasks = (await readWatch(opened.cdp)).longTasks.filter((t) => t.start >= windowStart);
    expect(longTasks, 'long tasks during the 10 s window').toEqual([]);
    await evaluateRaw(opened.cdp, 'window.__stopTicker()');
    await expectUnharmed(opened, 'ticker');
    await opened.page.close();
  });

  it('single-page app: pushState navigation replaces the highlights with the new article’s', async () => {
    const opened = await open('/spa/first');
    let texts = await waitForHighlights(opened.cdp, [ESPER]);
    expect(texts).toContain(ESPER);
    await opened.page.click('#link-second');
    texts = await waitForHighlights(opened.cdp, [TROOPS]);
    expect(texts).toContain(TROOPS);
    expect(texts).not.toContain(ESPER);
    await opened.page.click('#link-unrelated');
    const cleared = await waitFor(async () =>
      (await readHighlights(opened.cdp)).length === 0 ? true : null,
    );
    expect(cleared, 'no highlights on the unrelated story').toBe(true);
    await opened.page.goBack();
    texts = await waitForHighlights(opened.cdp, [TROOPS]);
    expect(texts).toContain(TROOPS);
    await expectUnharmed(opened, 'spa');
    await opened.page.close();
  });

  it('infinite scroll: appended articles get checked, conflicts included', async () => {
    const opened = await open('/infinite.html');
    // The sentinel is in view on load, so the page appends its first story (troops) by itself.
    await waitForHighlights(opened.cdp, [TROOPS]);
    await evaluateRaw(opened.cdp, 'window.__appendStory(), window.__appendStory(), window.__appendStory()');
    await opened.page.mouse.wheel(0, 5_000);
    const places = await waitFor(async () => {
      const p = await readHighlightPlaces(opened.cdp);
      return p.some((h) => h.text === TROOPS_5200) && p.some((h) => h.text === ESPER) ? p : null;
    }, 20_000);
    expect(places?.map((p) => p.text)).toContain(ESPER);
    const conflicting = places?.find((p) => p.text === TROOPS_5200);
    expect(conflicting?.name).toMatch(/crosscheck-(conflicting|mixed)/);
    expect(places?.some((p) => p.text.startsWith('Rain is expected'))).toBe(false);
    await expectUnharmed(opened, 'infinite');
    await opened.page.close();
  });

  it('infinite scroll, 40 stories appended over 4 s: every appended claim gets checked, no long task', async () => {
    const opened = await open('/infinite.html');
    await waitForHighlights(opened.cdp, [TROOPS]);
    await startProfile(opened.cdp, 500);
    await opened.page.waitForTimeout(PROFILER_SETTLE_MS);
    const windowStart = await evaluateRaw<number>(opened.cdp, 'performance.now()');
    const t0 = Date.now();
    for (let i = 0; i < 39; i++) {
      await evaluateRaw(opened.cdp, 'window.__appendStory()');
      await opened.page.waitForTimeout(100);
    }
    const counts = await waitFor(async () => {
      const places = await readHighlightPlaces(opened.cdp);
      const c = [TROOPS, ESPER, TROOPS_5200].map((t) => places.filter((p) => p.text === t).length);
      return c.every((n) => n >= 10) ? c : null;
    }, 30_000);
    const profile = await stopProfile(opened.cdp, `chrome-extension://${browser.extensionId}/`);
    figures.push(
      `infinite: 40 stories, claims highlighted (5,000 / Esper / 5,200) ${JSON.stringify(counts)} within ${Date.now() - t0} ms of the first append; content script ${profile.totalMs.toFixed(1)} ms, longest stretch ${profile.longestRunMs.toFixed(1)} ms`,
    );
    expect(counts).toEqual([10, 10, 10]);
    // Our tasks (profiler: the long-tasks API does not see them) and the page's stay under 50 ms.
    expect(profile.longestRunMs).toBeLessThan(50);
    const longTasks = (await readWatch(opened.cdp)).longTasks.filter((t) => t.start >= windowStart);
    expect(longTasks.filter((t) => t.duration > 50)).toEqual([]);
    await expectUnharmed(opened, 'infinite-40');
    await opened.page.close();
  });

  it('unusual content: RTL, mixed script, zero-width, combining and nested shadow-root text matched; editable, SVG and frames untouched', async () => {
    const opened = await open('/unusual.html');
    await waitForHighlights(opened.cdp, [TROOPS]);
    await opened.page.waitForTimeout(1_500);
    const places = await readHighlightPlaces(opened.cdp);
    const where = (id: string) => places.filter((p) => p.where === id);
    expect(where('plain').map((p) => p.text)).toEqual([TROOPS]);
    expect(where('zero-width'), 'zero-width characters inside a claim').toHaveLength(1);
    expect(where('combining'), 'combining accents inside a claim').toHaveLength(1);
    expect(where('rtl-mixed'), 'claim with an embedded RTL span').toHaveLength(1);
    // Never read: contenteditable (the user's own text), SVG text.
    expect(where('editable')).toEqual([]);
    expect(where('svg')).toEqual([]);
    // Nested open shadow roots are read: their claims are highlighted inside the shadow trees,
    // and only those ranges leave the document tree.
    const shadowIds = ['shadow-outer-text', 'shadow-inner-text'];
    for (const id of shadowIds) expect(where(id).map((p) => p.inShadow)).toEqual([true]);
    for (const p of places) expect(p.inShadow).toBe(shadowIds.includes(p.where ?? ''));
    figures.push(`unusual: highlighted ${JSON.stringify(places.map((p) => `${p.where}:${p.name}`))}`);
    const card = await hoverAndReadCard(opened.page, opened.cdp, 'Esper said there had been no deci');
    expect(card?.text).toMatch(/Corroborated/i);
    await expectUnharmed(opened, 'unusual');
    await opened.page.close();
  });

  it('page hostile to extensions (poisoned built-ins, MutationObserver, attachShadow; strict CSP): still works, card styled', async () => {
    const opened = await open('/hostile-ext.html');
    const texts = await waitForHighlights(opened.cdp, [TROOPS, ESPER]);
    expect(texts).toContain(TROOPS);
    expect(texts).toContain(ESPER);
    const poisoned = await evaluateRaw<string>(
      opened.cdp,
      '(() => { try { [1].map((x) => x); return "intact"; } catch (e) { return e.message; } })()',
    );
    expect(poisoned).toContain('poisoned');
    const card = await hoverAndReadCard(opened.page, opened.cdp, TROOPS);
    expect(card?.text).toContain('5,200');
    // The card's styles must apply despite `style-src 'self'` (no inline styles allowed to the page).
    const style = await evaluateRaw<{ position: string; zIndex: string }>(
      opened.cdp,
      `(() => { const c = document.querySelector('crosscheck-card').shadowRoot.querySelector('.card');
        const s = getComputedStyle(c); return { position: s.position, zIndex: s.zIndex }; })()`,
    );
    figures.push(`hostile-ext: card computed style ${JSON.stringify(style)}`);
    expect(style.position).not.toBe('static');
    await expectUnharmed(opened, 'hostile-ext');
    await opened.page.close();
  });

  // Regression for notes/robustness-findings.md finding B1 (fixed in e45daa6): the word "constructor"
  // made the matcher throw in the service worker, so the whole batch — this whole page — went unchecked.
  it('a sentence with the word "constructor" does not stop the page being checked (finding B1)', async () => {
    const opened = await open('/proto.html');
    const texts = await waitForHighlights(opened.cdp, [TROOPS, ESPER], 8_000);
    await opened.page.close();
    expect(texts).toContain(TROOPS);
    expect(texts).toContain(ESPER);
  });

  it('one claim repeated in 5,000 paragraphs: all highlighted, card works, no long task', async () => {
    let started = false;
    const opened = await open('/repeat.html', async ({ page, cdp }) => {
      await page.goto(server.url('/unusual-frame.html'));
      await startProfile(cdp, 200);
      started = true;
    });
    expect(started).toBe(true);
    const t0 = Date.now();
    const count = await waitFor(async () => {
      const n = (await readHighlightPlaces(opened.cdp)).filter((p) => p.text === TROOPS).length;
      return n >= REPEAT_COUNT ? n : null;
    }, 30_000);
    const allMs = Date.now() - t0;
    await opened.page.waitForTimeout(1_000);
    const profile = await stopProfile(opened.cdp, `chrome-extension://${browser.extensionId}/`);
    const dcl = await evaluateRaw<number>(
      opened.cdp,
      'performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd',
    );
    const late = (await readWatch(opened.cdp)).longTasks.filter((t) => t.start > dcl);
    figures.push(
      `repeat: ${count ?? 0}/${REPEAT_COUNT} ranges highlighted ${allMs} ms after load; content script ${profile.totalMs.toFixed(1)} ms, longest stretch ${profile.longestRunMs.toFixed(1)} ms; long tasks after DOMContentLoaded ${JSON.stringify(late.map((t) => Math.round(t.duration)))}`,
    );
    expect(count).toBe(REPEAT_COUNT);
    // Our own tasks (profiler; the long-tasks API does not see them) and the page's, painting
    // 5,000 highlights included, all stay under the 50 ms long-task mark.
    expect(profile.longestRunMs).toBeLessThan(50);
    expect(late.filter((t) => t.duration > 50)).toEqual([]);
    const card = await hoverAndReadCard(opened.page, opened.cdp, TROOPS);
    expect(card?.text).toContain('5,200');
    await expectUnharmed(opened, 'repeat');
    await opened.page.close();
  });

  it('huge page (50,000 elements, 1.13 MB text): claims highlighted as read, page intact, content script measured', async () => {
    let profileStarted = false;
    const opened = await open('/huge.html', async ({ page, cdp }) => {
      await page.goto(server.url('/unusual-frame.html'));
      await startProfile(cdp, 200);
      profileStarted = true;
    });
    expect(profileStarted).toBe(true);
    const sectionsLit = async () => new Set((await readHighlightPlaces(opened.cdp)).map((p) => p.where));
    // On load: the first claim (section 0, in view) is highlighted; then let the checker settle.
    const t0 = Date.now();
    expect(await waitFor(async () => ((await sectionsLit()).has('s0') ? true : null), 30_000)).toBe(true);
    const firstMs = Date.now() - t0;
    await opened.page.waitForTimeout(3_000);
    const profile = await stopProfile(opened.cdp, `chrome-extension://${browser.extensionId}/`);
    const meter = await readWorkMeter(opened.cdp, browser.extensionId);
    const dcl = await evaluateRaw<number>(
      opened.cdp,
      'performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd',
    );
    // Then scroll like a reader to the middle and the end: the claims there must light up too (C reads
    // pages over 20,000 elements lazily, chunk by chunk as they come near the viewport).
    const reached: Record<string, number | null> = {};
    await startProfile(opened.cdp, 200);
    for (const id of ['s1250', 's2499']) {
      await evaluateIsolated(
        opened.cdp,
        `document.getElementById('${id}').scrollIntoView({ block: 'center' })`,
      );
      const t = Date.now();
      reached[id] = (await waitFor(async () => ((await sectionsLit()).has(id) ? true : null), 15_000))
        ? Date.now() - t
        : null;
    }
    const scrollProfile = await stopProfile(opened.cdp, `chrome-extension://${browser.extensionId}/`);
    const texts = highlightedTexts(await readHighlights(opened.cdp));
    // Only seed-claim sentences may light up among 9,000+ filler sentences.
    for (const t of texts) expect([TROOPS, ESPER]).toContain(t);
    const lateLongTasks = (await readWatch(opened.cdp)).longTasks.filter((t) => t.start > dcl);
    figures.push(
      `huge: ${server.huge.elementCount} elements, ${server.huge.textLength} chars; first claim lit ${firstMs} ms after navigation; load + 3 s: content script (profiler, 200 µs) ${profile.totalMs.toFixed(1)} ms, longest stretch ${profile.longestRunMs.toFixed(1)} ms, its own work meter ${meter ? `${meter.totalMs.toFixed(1)} ms (longest ${meter.longestMs.toFixed(1)} ms)` : 'unavailable'}; scrolling to the middle and end: claims lit after ${JSON.stringify(reached)} ms, content script ${scrollProfile.totalMs.toFixed(1)} ms; long tasks after DOMContentLoaded ${JSON.stringify(lateLongTasks.map((t) => Math.round(t.duration)))}`,
    );
    expect(reached.s1250, 'middle claim highlighted after scrolling to it').not.toBeNull();
    expect(reached.s2499, 'last claim highlighted after scrolling to it').not.toBeNull();
    // Our own tasks (profiler; the long-tasks API does not see them) and the page's stay under 50 ms.
    expect(profile.longestRunMs, 'longest content-script stretch on load').toBeLessThan(50);
    expect(scrollProfile.longestRunMs, 'longest content-script stretch when scrolling').toBeLessThan(50);
    expect(
      lateLongTasks.filter((t) => t.duration > 50),
      'long tasks after DOMContentLoaded',
    ).toEqual([]);
    hugeProfile = profile;
    await expectUnharmed(opened, 'huge');
    await opened.page.close();
  });

  // Budget from issue 6: total content-script time on the huge page under 100 ms. Regression for
  // notes/robustness-findings.md finding C2 (measured 219–495 ms before f0877f4/e9421f1 made huge pages
  // read lazily near the viewport).
  it('huge page: content script main-thread time under 100 ms (finding C2)', () => {
    expect(hugeProfile, 'measured by the previous test').not.toBeNull();
    expect(hugeProfile!.totalMs).toBeLessThan(100);
  });
});
