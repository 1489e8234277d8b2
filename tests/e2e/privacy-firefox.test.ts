/**
 * Privacy in Firefox ESR: every request the whole browser makes (pages, content scripts, the
 * extension's background and pages) is forced through a recording proxy by prefs, and the same
 * browsing is recorded with and without the extension. The extension must add no request at all.
 */
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FIREFOX_DIST,
  FIREFOX_READ_HIGHLIGHTS,
  hasFirefoxBuild,
  parseFirefoxHighlights,
  type RecordingProxy,
  startRecordingProxy,
  waitFor,
} from './support/hostile.ts';
import { type HostileServer, startHostileServer } from './support/hostile-server.ts';

const PAGES = ['/ticker.html', '/spa/first', '/infinite.html', '/hostile-ext.html'];

async function browse(server: HostileServer, withExtension: boolean) {
  const proxy: RecordingProxy = await startRecordingProxy();
  const port = Number(new URL(proxy.address).port);
  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: '/usr/bin/firefox-esr',
    headless: true,
    extraPrefsFirefox: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': port,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
    },
  });
  let highlighted = 0;
  try {
    if (withExtension) await browser.installExtension(FIREFOX_DIST);
    for (const path of PAGES) {
      const page = await browser.newPage();
      await page.goto(server.url(path));
      const found = await waitFor(
        async () => {
          const n = parseFirefoxHighlights(String(await page.evaluate(FIREFOX_READ_HIGHLIGHTS))).length;
          return n > 0 ? n : null;
        },
        withExtension ? 10_000 : 2_500,
      );
      highlighted += found ?? 0;
      await page.close();
    }
  } finally {
    await browser.close();
    await proxy.close();
  }
  const seen = proxy.seen.map((line) => line.replace(/http:\/\/127\.0\.0\.1:\d+/, 'LOCAL'));
  return { seen, highlighted };
}

describe.skipIf(!hasFirefoxBuild)('privacy in Firefox ESR: the extension adds no request', () => {
  let server: HostileServer;
  let without: { seen: string[]; highlighted: number };
  let withExt: { seen: string[]; highlighted: number };

  beforeAll(async () => {
    server = await startHostileServer();
    without = await browse(server, false);
    withExt = await browse(server, true);
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  it('the extension ran (highlights drawn) and the browser sent the same requests as without it', () => {
    console.log(
      `[privacy-firefox] without: ${without.seen.length} requests, with: ${withExt.seen.length}; highlights drawn with: ${withExt.highlighted}; distinct with: ${JSON.stringify([...new Set(withExt.seen)])}`,
    );
    expect(without.highlighted).toBe(0);
    expect(withExt.highlighted).toBeGreaterThan(0);
    const baseline = new Set(without.seen);
    const extra = [...new Set(withExt.seen)].filter((line) => !baseline.has(line));
    expect(extra).toEqual([]);
  });
});
