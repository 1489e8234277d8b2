/**
 * The main hostile pages in Firefox ESR (puppeteer-core over WebDriver BiDi, extension installed with
 * browser.installExtension): ticker, single-page app, unusual content and the extension-hostile page
 * under its strict CSP. No page error, the page's DOM untouched apart from the card host, highlights
 * where the text matches, and the card shows and is styled.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FIREFOX_DIST,
  FIREFOX_READ_HIGHLIGHTS,
  FIREFOX_READ_WATCH,
  hasFirefoxBuild,
  parseFirefoxHighlights,
  processTreeCpuMs,
  waitFor,
} from './support/hostile.ts';
import { type HostileServer, startHostileServer } from './support/hostile-server.ts';

const TROOPS = 'The United States has about 5,000 troops in Iraq.';
const ESPER = 'Esper said there had been no decision whatsoever to leave Iraq.';

let server: HostileServer;
let browser: Browser;

async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${m.text()} @ ${JSON.stringify(m.stackTrace().slice(0, 3))}`);
  });
  await page.goto(server.url(path));
  return { page, errors };
}

async function highlights(page: Page, wanted: string[]): Promise<string[]> {
  const read = async () =>
    parseFirefoxHighlights(String(await page.evaluate(FIREFOX_READ_HIGHLIGHTS))).map((h) => h.text);
  return (
    (await waitFor(async () => {
      const texts = await read();
      return wanted.every((w) => texts.includes(w)) ? texts : null;
    }, 20_000)) ?? read()
  );
}

/**
 * Foreign mutations other than adding the crosscheck-card host, plus page errors and CSP violations.
 * When the card's host is in the page, its insertion must be among the recorded mutations (else the
 * page's observer is not seeing the content script's changes, and an empty list would prove nothing).
 */
async function harm(page: Page): Promise<string[]> {
  const raw = String(await page.evaluate(FIREFOX_READ_WATCH));
  const [errors, violations, ...mutations] = raw.split(';');
  const hostInPage = String(
    await page.evaluate(`String(document.querySelector('crosscheck-card') !== null)`),
  );
  const hostSeen = mutations.some((m) => m.includes('+crosscheck-card'));
  return [
    ...(errors === 'errors=0' ? [] : [errors!]),
    ...(violations === 'violations=0' ? [] : [violations!]),
    ...mutations.filter((m) => !m.includes('crosscheck-card')),
    ...(hostInPage === 'true' && !hostSeen
      ? ['the card host is in the page but its insertion was not observed']
      : []),
  ];
}

async function hoverCard(page: Page, text: string): Promise<{ text: string; position: string } | null> {
  const at = await page.evaluate(
    `(() => { const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = w.nextNode(); n; n = w.nextNode()) { const i = n.data.indexOf(${JSON.stringify(text)}); if (i < 0) continue;
        const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + 10); n.parentElement.scrollIntoView({ block: 'center' });
        const b = r.getClientRects()[0]; return b.left + b.width / 2 + ',' + (b.top + b.height / 2); } return ''; })()`,
  );
  if (!at) return null;
  const [x, y] = String(at).split(',').map(Number);
  await page.mouse.move(Math.max(0, x! - 150), Math.max(0, y! - 150));
  await page.mouse.move(x!, y!, { steps: 4 });
  const read = `(() => { const host = document.querySelector('crosscheck-card'); const card = host && host.shadowRoot && host.shadowRoot.querySelector('.card');
    if (!card || card.hidden || card.getBoundingClientRect().height === 0) return '';
    return getComputedStyle(card).position + '\\u0001' + card.textContent; })()`;
  const raw = await waitFor(async () => String(await page.evaluate(read)) || null, 5_000);
  if (!raw) return null;
  const [position, cardText] = raw.split('\u0001');
  return { text: cardText!, position: position! };
}

describe.skipIf(!hasFirefoxBuild)('hostile pages in Firefox ESR', () => {
  beforeAll(async () => {
    server = await startHostileServer();
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: '/usr/bin/firefox-esr',
      headless: true,
    });
    await browser.installExtension(FIREFOX_DIST);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('ticker page: highlights and card, page DOM and errors clean', async () => {
    const { page, errors } = await open('/ticker.html');
    const texts = await highlights(page, [TROOPS, ESPER]);
    expect(texts).toContain(TROOPS);
    expect(texts).toContain(ESPER);
    const card = await hoverCard(page, TROOPS);
    expect(card?.text).toContain('5,200');
    await page.evaluate('window.__stopTicker()');
    expect(await harm(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  let spaErrors: string[] | null = null;

  it('single-page app: highlights follow pushState navigation', async () => {
    const { page, errors } = await open('/spa/first');
    expect(await highlights(page, [ESPER])).toContain(ESPER);
    // A reader's click, dispatched in the page.
    await page.evaluate("document.getElementById('link-second').click()");
    const texts = await highlights(page, [TROOPS]);
    expect(texts).toContain(TROOPS);
    expect(texts).not.toContain(ESPER);
    expect(await harm(page)).toEqual([]);
    spaErrors = errors;
    await page.close();
  });

  // Regression for notes/robustness-findings.md finding C4 (fixed in 00dd3ed): on every SPA navigation in Firefox the content script
  // throws "Xray wrapping of iterators not supported" from clearHighlights (it spreads
  // CSS.highlights.keys(), an iterator over a page object, which Firefox's Xrays cannot wrap).
  it('single-page app: no uncaught error in the content script on navigation (finding C4)', () => {
    expect(spaErrors, 'collected by the previous test').not.toBeNull();
    console.log(`[firefox] spa errors: ${JSON.stringify(spaErrors)}`);
    expect(spaErrors).toEqual([]);
  });

  it('unusual content: zero-width, combining, mixed-script and nested shadow-root claims highlighted; editable and SVG not', async () => {
    const { page, errors } = await open('/unusual.html');
    await highlights(page, [TROOPS]);
    await new Promise((r) => setTimeout(r, 1_500));
    const places = String(
      await page.evaluate(
        `(() => { let out = ''; for (const [n, h] of CSS.highlights) { if (n.indexOf('crosscheck-') !== 0) continue;
        for (const r of h) { const el = r.startContainer.parentElement; out += (el && el.closest('[id]') ? el.closest('[id]').id : '?') + ' '; } } return out; })()`,
      ),
    );
    console.log(`[firefox] unusual: highlighted in ${places}`);
    for (const id of [
      'plain',
      'zero-width',
      'combining',
      'rtl-mixed',
      'shadow-outer-text',
      'shadow-inner-text',
    ])
      expect(places.split(' ')).toContain(id);
    for (const id of ['editable', 'svg']) expect(places.split(' ')).not.toContain(id);
    expect(await harm(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('extension-hostile page with strict CSP: highlights, card shown and styled, nothing broken', async () => {
    const { page, errors } = await open('/hostile-ext.html');
    const texts = await highlights(page, [TROOPS, ESPER]);
    expect(texts).toContain(TROOPS);
    const card = await hoverCard(page, TROOPS);
    console.log(`[firefox] hostile-ext card position: ${card?.position}`);
    expect(card?.text).toContain('5,200');
    expect(card?.position).not.toBe('static');
    expect(await harm(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('huge page: claims at the start, and in the middle and at the end once scrolled to, highlighted; page intact', async () => {
    const t0 = Date.now();
    const { page, errors } = await open('/huge.html');
    const lit = async () =>
      String(
        await page.evaluate(`(() => { let out = ' '; for (const [n, h] of CSS.highlights) { if (n.indexOf('crosscheck-') !== 0) continue;
          for (const r of h) { const s = r.startContainer.parentElement && r.startContainer.parentElement.closest('section');
            out += (s ? s.id : '?') + ' '; } } return out; })()`),
      );
    const reached: Record<string, number | null> = {};
    for (const id of ['s0', 's1250', 's2499']) {
      await page.evaluate(`document.getElementById('${id}').scrollIntoView({ block: 'center' })`);
      const t = Date.now();
      reached[id] = (await waitFor(async () => ((await lit()).includes(` ${id} `) ? true : null), 30_000))
        ? Date.now() - t
        : null;
    }
    console.log(
      `[firefox] huge: claims lit after scrolling to them (ms) ${JSON.stringify(reached)}; total ${Date.now() - t0} ms`,
    );
    for (const id of ['s0', 's1250', 's2499']) expect(reached[id], id).not.toBeNull();
    expect(await harm(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('script payloads in matched sentences stay text: nothing runs, no markup in the card', async () => {
    const { page, errors } = await open('/xss.html');
    const texts = await highlights(page, []);
    const all = await waitFor(async () => {
      const t = parseFirefoxHighlights(String(await page.evaluate(FIREFOX_READ_HIGHLIGHTS))).map(
        (h) => h.text,
      );
      return t.some((x) => x.includes('<script>')) ? t : null;
    }, 20_000);
    // The bundled database matches the <script> payload sentence (the <img> one needs the user source
    // that the Chromium test adds).
    expect(all ?? texts, 'payload sentence matched').toEqual(
      expect.arrayContaining([expect.stringContaining('<script>document.documentElement')]),
    );
    const card = await hoverCard(
      page,
      'Esper said there had been no decision whatsoever to leave Iraq <script>',
    );
    expect(card?.text).toBeTruthy();
    const injected = String(
      await page.evaluate(`(() => { let found = '';
        const scan = (root) => { for (const el of root.querySelectorAll('*')) {
          for (const a of el.attributes) if (/^on/i.test(a.name)) found += el.localName + '[' + a.name + '] ';
          if (el.localName === 'img' && el.getAttribute('src') === 'x') found += 'img ';
          if (el.shadowRoot) scan(el.shadowRoot); } };
        scan(document); return found + '|' + (document.documentElement.dataset.pwned || ''); })()`),
    );
    expect(injected).toBe('|');
    expect(server.requests.filter((p) => p.startsWith('/pwned'))).toEqual([]);
    expect(await harm(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe.skipIf(!hasFirefoxBuild)('ticker page CPU in Firefox ESR', () => {
  /** Whole-browser CPU (all Firefox processes, from /proc) over 10 s on the ticker page, after 4 s to settle. */
  async function tickerCpuMs(server: HostileServer, withExtension: boolean): Promise<number> {
    const ff = await puppeteer.launch({
      browser: 'firefox',
      executablePath: '/usr/bin/firefox-esr',
      headless: true,
    });
    try {
      if (withExtension) await ff.installExtension(FIREFOX_DIST);
      const page = await ff.newPage();
      await page.goto(server.url('/ticker.html'));
      if (withExtension) expect(await highlightsOn(page)).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, 4_000));
      const pid = ff.process()!.pid!;
      const before = processTreeCpuMs(pid);
      await new Promise((r) => setTimeout(r, 10_000));
      return processTreeCpuMs(pid) - before;
    } finally {
      await ff.close();
    }
  }

  async function highlightsOn(page: Page): Promise<number> {
    const n = await waitFor(async () => {
      const count = parseFirefoxHighlights(String(await page.evaluate(FIREFOX_READ_HIGHLIGHTS))).length;
      return count > 0 ? count : null;
    }, 15_000);
    return n ?? 0;
  }

  // Each side is measured twice, alternately, and its smaller window kept: one window each put the
  // difference anywhere from 90 to 560 ms for the same build on this machine, whose slow spells
  // make a whole browser's CPU time swing by a third. The least of two windows is the nearest to
  // what the page and the extension themselves cost.
  it('the extension adds under 500 ms of CPU per 10 s (5% of a core) on a page that changes every 50 ms', async () => {
    const ownServer = await startHostileServer();
    try {
      const without: number[] = [];
      const withExt: number[] = [];
      for (let round = 0; round < 2; round++) {
        without.push(await tickerCpuMs(ownServer, false));
        withExt.push(await tickerCpuMs(ownServer, true));
      }
      console.log(
        `[firefox] ticker CPU over 10 s, all Firefox processes: ${without.join(' / ')} ms without the extension, ${withExt.join(' / ')} ms with it`,
      );
      expect(Math.min(...withExt) - Math.min(...without)).toBeLessThan(500);
    } finally {
      await ownServer.close();
    }
  }, 150_000);
});
