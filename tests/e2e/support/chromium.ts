/**
 * Launches real Chromium (headless by default) with the built extension from dist/chrome, finds
 * the extension id from its service worker, and offers the reads the e2e tests need: the badge
 * (through chrome.action in the worker) and the extension's pages by URL.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Request, type Worker } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type StaticServer, startStaticServer } from './static-server.ts';

export const CHROME_DIST = resolve(import.meta.dirname, '../../../dist/chrome');

/**
 * The URL of the service worker or frame a request came from, for the privacy checks. '' when
 * Playwright cannot tell: `request.frame()` throws for a navigation issued before its frame exists
 * (a tab the extension opens), and a request listener that throws fails the whole test run.
 */
export function findRequestOrigin(request: Request): string {
  const worker = request.serviceWorker();
  if (worker) return worker.url();
  try {
    return request.frame().url();
  } catch {
    return '';
  }
}
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** The extension's current service worker; a stopped worker is restarted by the next event. */
  worker(): Promise<Worker>;
  badgeText(tabId: number): Promise<string>;
  badgeColor(tabId: number): Promise<number[]>;
  /** The toolbar button's tooltip for `tabId`. */
  badgeTitle(tabId: number): Promise<string>;
  close(): Promise<void>;
}

export function chromiumArgs(dist: string): string[] {
  return [
    '--no-sandbox',
    `--disable-extensions-except=${dist}`,
    `--load-extension=${dist}`,
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ];
}

export async function launchWithExtension(
  options: { dist?: string; headless?: boolean; colorScheme?: 'light' | 'dark' } = {},
): Promise<ExtensionBrowser> {
  const dist = options.dist ?? CHROME_DIST;
  if (!existsSync(join(dist, 'manifest.json')))
    throw new Error(`No built extension at ${dist}: run npm run build`);
  const userDataDir = mkdtempSync(join(tmpdir(), 'crosscheck-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    args: chromiumArgs(dist),
    viewport: { width: 1280, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
  });
  const first = currentWorker(context) ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  return createExtensionBrowser(context, userDataDir, new URL(first.url()).host);
}

/** The extension's current service worker (a stopped worker is restarted by the next event). */
export function currentWorker(context: BrowserContext): Worker | undefined {
  return context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
}

/** The reads every e2e test needs from a launched browser; `close` also removes its profile. */
export function createExtensionBrowser(
  context: BrowserContext,
  userDataDir: string,
  extensionId: string,
): ExtensionBrowser {
  const worker = async () =>
    currentWorker(context) ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  return {
    context,
    extensionId,
    worker,
    badgeText: async (tabId) =>
      (await worker()).evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId),
    badgeColor: async (tabId) =>
      (await worker()).evaluate(
        async (id) => [...(await chrome.action.getBadgeBackgroundColor({ tabId: id }))],
        tabId,
      ),
    badgeTitle: async (tabId) =>
      (await worker()).evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId),
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The tab id of `page`: brings it to the front and asks the extension for the active tab. (The
 * extension has no "tabs" permission, so it cannot look tabs up by URL; ids it can always see.)
 */
export async function findTabId(browser: ExtensionBrowser, page: Page): Promise<number> {
  await page.bringToFront();
  return waitUntil(async () => {
    const worker = await browser.worker();
    return worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return tab?.id ?? null;
    });
  });
}

/**
 * Opens `path` from the fixture server in a new tab and waits until the content script has checked
 * this page and the background reported it.
 */
export async function openCheckedPage(
  { browser, server }: ChromiumSession,
  path: string,
): Promise<{ page: Page; tabId: number }> {
  const page = await browser.context.newPage();
  const url = server.url(path);
  await page.goto(url);
  const tabId = await findTabId(browser, page);
  await waitUntil(async () => {
    const report = await readTabReport(browser, tabId);
    return report?.status === 'checked' && report.url === url;
  });
  return { page, tabId };
}

/** The report the extension keeps for `tabId` (from storage.session), or null. */
export async function readTabReport(
  browser: ExtensionBrowser,
  tabId: number,
): Promise<{ status: string; url: string; entries: unknown[]; checked: number } | null> {
  const worker = await browser.worker();
  return worker.evaluate(async (key) => {
    const value = (await chrome.storage.session.get(key))[key];
    return (
      (value as { status: string; url: string; entries: unknown[]; checked: number } | undefined) ?? null
    );
  }, `crosscheck:tab-report:${tabId}`);
}

export async function waitUntil<T>(
  check: () => Promise<T | null | undefined | false>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
    await new Promise((done) => setTimeout(done, 150));
  }
}

export const FIXTURE_PAGES = resolve(import.meta.dirname, '../../fixtures/pages');

export interface ChromiumSession {
  readonly server: StaticServer;
  readonly browser: ExtensionBrowser;
}

/**
 * The fixture pages on 127.0.0.1 and Chromium with the built extension, started before the
 * calling suite's tests and closed after them. Read `server` and `browser` inside hooks and tests.
 */
export function useChromiumSession(): ChromiumSession {
  let server: StaticServer | undefined;
  let browser: ExtensionBrowser | undefined;
  beforeAll(async () => {
    server = await startStaticServer(FIXTURE_PAGES);
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      if (!server) throw new Error('the Chromium session is used before it started');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('the Chromium session is used before it started');
      return browser;
    },
  };
}

/** Opens the popup for `tabId` in a tab of its own and waits until it has rendered the report. */
export async function openReadyPopup(browser: ExtensionBrowser, tabId: number): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/src/popup/popup.html?tab=${tabId}`);
  await popup.waitForSelector('body[data-ready="true"]');
  return popup;
}
