/**
 * Launches Firefox ESR headless with puppeteer-core over WebDriver BiDi and installs the built
 * extension from dist/firefox. The extension's moz-extension:// host is a per-profile random UUID;
 * we fix it up front through the `extensions.webextensions.uuids` pref (a JSON map from add-on id
 * to UUID, the same mechanism web-ext and Selenium use), so tests can open extension pages by URL.
 * Since Firefox 153 that navigation also needs `--remote-allow-system-access`.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import { FIXTURE_PAGES } from './chromium.ts';
import { type StaticServer, startStaticServer } from './static-server.ts';

export const FIREFOX_DIST =
  process.env.CROSSCHECK_FIREFOX_DIST ?? resolve(import.meta.dirname, '../../../dist/firefox');
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const hasFirefoxBuild = existsSync(join(FIREFOX_DIST, 'manifest.json')) && existsSync(FIREFOX_PATH);

export interface FirefoxWithExtension {
  browser: Browser;
  /** The add-on id from the manifest (browser_specific_settings.gecko.id). */
  addonId: string;
  /** The host of moz-extension:// URLs for this run. */
  uuid: string;
  /** moz-extension://UUID/<path> */
  extensionUrl(path: string): string;
  /** Opens an extension page in a new tab and waits for it to load. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

function readAddonId(dist: string): string {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (typeof id !== 'string')
    throw new Error(`${dist}/manifest.json has no browser_specific_settings.gecko.id`);
  return id;
}

export async function launchFirefoxWithExtension(
  options: { dist?: string } = {},
): Promise<FirefoxWithExtension> {
  const dist = options.dist ?? FIREFOX_DIST;
  if (!existsSync(join(dist, 'manifest.json')))
    throw new Error(`No Firefox build at ${dist}: run npm run build`);
  const addonId = readAddonId(dist);
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    // Firefox 153 refuses WebDriver navigation to moz-extension:// pages without system access.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [addonId]: uuid }),
      // Keep the profile quiet: no network beyond what tests serve on 127.0.0.1.
      'browser.shell.checkDefaultBrowser': false,
      'app.update.enabled': false,
    },
  });
  try {
    const installed = await browser.installExtension(dist);
    if (installed !== addonId) throw new Error(`installed add-on id ${installed}, expected ${addonId}`);
  } catch (error) {
    await browser.close();
    throw error;
  }
  const extensionUrl = (path: string) => `moz-extension://${uuid}/${path.replace(/^\//, '')}`;
  return {
    browser,
    addonId,
    uuid,
    extensionUrl,
    openExtensionPage: async (path) => {
      const page = await browser.newPage();
      const url = extensionUrl(path);
      // Firefox does not report the end of a navigation to an extension page over BiDi (the
      // navigate command never answers), so start it, then wait for the document ourselves.
      void page.goto(url, { timeout: 60_000 }).catch(() => undefined);
      const loaded = await waitForValue(async () => {
        try {
          // page.url() stays at about:blank here, so ask the document itself.
          const state = String(await page.evaluate('location.href + " " + document.readyState'));
          return state === `${url} complete`;
        } catch {
          return false;
        }
      }, 20_000);
      if (!loaded) throw new Error(`extension page ${url} did not load`);
      return page;
    },
    close: () => browser.close(),
  };
}

/** Polls `check` until it returns a truthy value or the time runs out (then returns the last value). */
export async function waitForValue<T>(
  check: () => Promise<T>,
  timeoutMs = 20_000,
  everyMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await check();
  while (!value && Date.now() < deadline) {
    await new Promise((done) => setTimeout(done, everyMs));
    value = await check();
  }
  return value;
}

/**
 * The tab id the extension gave `url`, read through `probe` (an extension page) from the report
 * the background keeps in storage.session; null until that tab is reported as checked.
 */
export async function findCheckedTabId(probe: Page, url: string): Promise<number | null> {
  const raw = await probe.evaluate(`(async () => {
    const all = await browser.storage.session.get(null);
    for (const [key, value] of Object.entries(all)) {
      if (key.startsWith('crosscheck:tab-report:') && value && value.url === ${JSON.stringify(url)} && value.status === 'checked')
        return Number(key.slice('crosscheck:tab-report:'.length));
    }
    return null;
  })()`);
  return typeof raw === 'number' ? raw : null;
}

let visits = 0;

/**
 * Opens `path` from the fixture server in a new tab and waits until the extension reports it checked. Each visit gets a
 * unique URL, so a report left behind by an earlier (closed) tab is never mistaken for this one.
 */
export async function openCheckedTab(
  { firefox, probe, server }: FirefoxSession,
  path: string,
): Promise<{ page: Page; tabId: number }> {
  const page = await firefox.browser.newPage();
  const url = `${server.url(path)}?visit=${++visits}`;
  await page.goto(url);
  const tabId = await waitForValue(() => findCheckedTabId(probe, url));
  if (tabId === null) throw new Error(`the extension never reported ${url} as checked`);
  return { page, tabId };
}

/** The toolbar badge text of `tabId`, read through `probe` (an extension page). */
export async function readBadgeText(probe: Page, tabId: number): Promise<string> {
  return String(await probe.evaluate(`browser.action.getBadgeText({ tabId: ${tabId} })`));
}

/** The toolbar button's tooltip for `tabId`, read through `probe` (an extension page). */
export async function readBadgeTitle(probe: Page, tabId: number): Promise<string> {
  return String(await probe.evaluate(`browser.action.getTitle({ tabId: ${tabId} })`));
}

/** Opens the popup page for `tabId` as an extension page and waits until it has rendered the report. */
export async function openReadyPopup(firefox: FirefoxWithExtension, tabId: number): Promise<Page> {
  const popup = await firefox.openExtensionPage(`src/popup/popup.html?tab=${tabId}`);
  const ready = await waitForValue(
    async () => String(await popup.evaluate(`document.body.dataset.ready === 'true'`)) === 'true',
  );
  if (!ready) throw new Error(`the popup for tab ${tabId} never got ready`);
  return popup;
}

/**
 * Polls `read` until it finds at least `least` highlights (`count` of what it read) and the badge
 * of `tabId` shows that same count, i.e. drawing has settled; throws with the last reading if not.
 */
export async function waitForBadgeMatch<T>(
  probe: Page,
  tabId: number,
  read: () => Promise<T>,
  count: (highlights: T) => number,
  least: number,
): Promise<T> {
  let last: { highlights: T | null; badge: string } = { highlights: null, badge: '' };
  const done = await waitForValue(async () => {
    const highlights = await read();
    last = { highlights, badge: await readBadgeText(probe, tabId) };
    return count(highlights) >= least && last.badge === String(count(highlights));
  });
  if (!done || last.highlights === null)
    throw new Error(`highlights never matched the badge: ${JSON.stringify(last)}`);
  return last.highlights;
}

export interface FirefoxSession {
  readonly server: StaticServer;
  readonly firefox: FirefoxWithExtension;
  /** An extension page (the options page), for reading the extension's state. */
  readonly probe: Page;
}

/**
 * The fixture pages on 127.0.0.1 and Firefox ESR with the built extension and a probe page,
 * started before the calling suite's tests and closed after them. Read the fields inside hooks and
 * tests.
 */
export function useFirefoxSession(): FirefoxSession {
  let started: { server: StaticServer; firefox: FirefoxWithExtension; probe: Page } | undefined;
  let server: StaticServer | undefined;
  let firefox: FirefoxWithExtension | undefined;
  beforeAll(async () => {
    server = await startStaticServer(FIXTURE_PAGES);
    firefox = await launchFirefoxWithExtension();
    started = { server, firefox, probe: await firefox.openExtensionPage('src/options/options.html') };
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });
  const read = () => {
    if (!started) throw new Error('the Firefox session is used before it started');
    return started;
  };
  return {
    get server() {
      return read().server;
    },
    get firefox() {
      return read().firefox;
    },
    get probe() {
      return read().probe;
    },
  };
}
