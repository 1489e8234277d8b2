/**
 * Privacy in real Chromium: the extension makes no network request, from any context, on any of the
 * hostile pages, and does not keep page text in persistent storage. Three independent records:
 * Playwright's request events (pages, extension pages and the service worker, attributed), the
 * fixture server's own log, and an HTTP proxy every browser request is forced through (compared with
 * the same browsing without the extension, so Chromium's own background traffic is told apart).
 */
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRequestOrigin } from './support/chromium.ts';
import {
  hasChromeBuild,
  highlightedTexts,
  hoverAndReadCard,
  type Launched,
  launchChromium,
  type RecordingProxy,
  readHighlights,
  startRecordingProxy,
  waitFor,
} from './support/hostile.ts';
import { type HostileServer, startHostileServer } from './support/hostile-server.ts';

process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

const PAGES = ['/ticker.html', '/spa/first', '/infinite.html', '/unusual.html', '/hostile-ext.html'];
/** Page text that must never reach persistent extension storage. */
const PAGE_ONLY_TEXT = ['Gardeners reported an unusually mild winter', 'Live update', 'allotment society'];
/** A matched heading that exists only on the ticker page: it is in the tab's session report while open. */
const MATCHED_PAGE_TEXT = 'Pentagon says no decision on Iraq';
let sessionWhileOpen = '';

interface Recorded {
  url: string;
  /** Who asked: the service worker's or the frame's URL. */
  from: string;
}

async function browse(browser: Launched, server: HostileServer): Promise<Recorded[]> {
  const recorded: Recorded[] = [];
  browser.context.on('request', (r: Request) => recorded.push({ url: r.url(), from: findRequestOrigin(r) }));
  const pages: Page[] = [];
  for (const path of PAGES) {
    const page = await browser.context.newPage();
    pages.push(page);
    await page.goto(server.url(path));
  }
  if (browser.extensionId) {
    const cdp = await browser.context.newCDPSession(pages[0]!);
    await waitFor(async () => highlightedTexts(await readHighlights(cdp)).length > 0);
    await hoverAndReadCard(pages[0]!, cdp, 'The United States has about 5,000 troops');
    await pages[2]!.mouse.wheel(0, 4_000);
    for (const path of ['src/popup/popup.html', 'src/options/options.html']) {
      const page = await browser.context.newPage();
      await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
      pages.push(page);
    }
  }
  await new Promise((r) => setTimeout(r, 4_000));
  if (browser.extensionId) {
    const worker = await browser.worker();
    sessionWhileOpen = await worker.evaluate(async () =>
      JSON.stringify(await chrome.storage.session.get(null)),
    );
  }
  for (const page of pages) await page.close();
  await new Promise((r) => setTimeout(r, 1_000));
  return recorded;
}

const hostOf = (line: string) => {
  const target = line.split(' ')[1] ?? '';
  try {
    return new URL(target.includes('://') ? target : `http://${target}`).hostname;
  } catch {
    return target;
  }
};

describe.skipIf(!hasChromeBuild)('privacy: no network, no persisted page text (Chromium)', () => {
  let server: HostileServer;
  let proxy: RecordingProxy;
  let baselineHosts: Set<string>;
  let browser: Launched;
  let recorded: Recorded[];
  let serverPathsWithout: Set<string>;

  beforeAll(async () => {
    server = await startHostileServer();
    proxy = await startRecordingProxy();
    const baseline = await launchChromium({ extension: false, proxy: proxy.address });
    await browse(baseline, server);
    await baseline.close();
    baselineHosts = new Set(proxy.seen.map(hostOf));
    serverPathsWithout = new Set(server.requests);
    proxy.seen.length = 0;
    server.requests.length = 0;
    browser = await launchChromium({ proxy: proxy.address });
    recorded = await browse(browser, server);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await server?.close();
  });

  it('extension contexts (service worker, popup, options) request nothing but their own packaged files', () => {
    const origin = `chrome-extension://${browser.extensionId}/`;
    const fromExtension = recorded.filter((r) => r.from.startsWith(origin));
    const outside = fromExtension.filter((r) => !r.url.startsWith(origin));
    console.log(
      `[privacy] ${recorded.length} requests recorded, ${fromExtension.length} from extension contexts, ${outside.length} leave the extension`,
    );
    expect(fromExtension.length, 'the recorder saw the extension contexts at all').toBeGreaterThan(0);
    expect(outside).toEqual([]);
  });

  it('pages the extension ran on request only their own origin, exactly the files they ask for without it', () => {
    const pageRequests = recorded.filter((r) => r.from.startsWith(server.origin));
    for (const r of pageRequests)
      expect(r.url.startsWith(server.origin) || r.url.startsWith('data:')).toBe(true);
    const extra = server.requests.filter((path) => !serverPathsWithout.has(path));
    expect(extra, 'server requests that only happen with the extension').toEqual([]);
  });

  it('nothing leaves the machine beyond what Chromium itself sends without the extension', () => {
    const hosts = new Set(proxy.seen.map(hostOf));
    hosts.delete('127.0.0.1');
    baselineHosts.delete('127.0.0.1');
    console.log(
      `[privacy] proxy: ${proxy.seen.length} requests with the extension; non-local hosts with: ${JSON.stringify([...hosts])}, without: ${JSON.stringify([...baselineHosts])}`,
    );
    // Chromium's own update/sign-in pings come and go between runs; anything else is ours.
    const chromiumOwn = /(^|\.)(google\.com|googleapis\.com|gvt1\.com|gstatic\.com)$/;
    const ours = [...hosts].filter((h) => !baselineHosts.has(h) && !chromiumOwn.test(h));
    expect(ours).toEqual([]);
  });

  it('page text is kept only for the tab’s session: in storage.session while open, gone when closed, never in storage.local', async () => {
    const worker = await browser.worker();
    const local = await worker.evaluate(async () => JSON.stringify(await chrome.storage.local.get(null)));
    for (const text of [...PAGE_ONLY_TEXT, MATCHED_PAGE_TEXT]) expect(local).not.toContain(text);
    expect(sessionWhileOpen, 'the tab report holds the matched page text while the tab is open').toContain(
      MATCHED_PAGE_TEXT,
    );
    const session = await worker.evaluate(async () => JSON.stringify(await chrome.storage.session.get(null)));
    expect(session, 'closing the tabs removed their reports').not.toContain(MATCHED_PAGE_TEXT);
    console.log(`[privacy] storage.local ${local.length} bytes, storage.session ${session.length} bytes`);
  });
});
