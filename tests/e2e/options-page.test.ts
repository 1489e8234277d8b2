/**
 * The options page in real Chromium with the built extension: settings persist, a site list that
 * refuses what is not a site, adding a source by keyboard alone, an invalid source that keeps the
 * form and the stored list, export/import round-trip through a real download and file chooser,
 * XSS payloads shown as inert text, and WCAG AA contrast measured in light and dark mode.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_DIST, type ExtensionBrowser, launchWithExtension, waitUntil } from './support/chromium.ts';

const hasChromeBuild = existsSync(join(CHROME_DIST, 'manifest.json'));

const ARTICLE_A =
  'Officials said on Monday that the United States has about 5,000 troops in Iraq. The letter was a draft, they said.';
const ARTICLE_B =
  'Iraq’s parliament voted on Sunday to expel foreign troops from the country after the strike.';
const XSS_IMG = '<img src=x onerror="window.__xss = 1">';
const XSS_SCRIPT = '<script>window.__xss = 2</script>';
const LOOK_ALIKE = 'Rеuters'; // Cyrillic "е" (U+0435), not a Latin "e".

let browser: ExtensionBrowser;
let page: Page;
const dialogs: string[] = [];
const pageErrors: string[] = [];

const optionsUrl = () => `chrome-extension://${browser.extensionId}/src/options/options.html`;

async function stored(key: string): Promise<unknown> {
  return page.evaluate(async (k) => (await chrome.storage.local.get(k))[k], key);
}

async function storedSources(): Promise<
  { id: string; outlet: string; title: string | null; url: string | null }[]
> {
  const value = (await stored('crosscheck:user-articles')) as { articles?: [] } | undefined;
  return value?.articles ?? [];
}

async function openOptions(): Promise<void> {
  await page.goto(optionsUrl());
  await page.waitForSelector('body[data-ready="true"]');
}

async function fillArticle(fields: {
  text: string;
  outlet: string;
  title?: string;
  url?: string;
  date?: string;
}) {
  await page.fill('#article-text', fields.text);
  await page.fill('#article-outlet', fields.outlet);
  await page.fill('#article-title', fields.title ?? '');
  await page.fill('#article-url', fields.url ?? '');
  await page.fill('#article-date', fields.date ?? '');
}

const listedTitles = () => page.locator('#sources-list .source-title').allTextContents();

describe.skipIf(!hasChromeBuild)('options page (Chromium)', () => {
  beforeAll(async () => {
    browser = await launchWithExtension();
    page = await browser.context.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    await openOptions();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the defaults and remembers a changed setting across reloads', async () => {
    expect(await page.isChecked('#sensitivity-balanced')).toBe(true);
    expect(await page.isChecked('#highlight-mode-all')).toBe(true);
    await page.check('#sensitivity-strict');
    await page.check('#highlight-mode-conflicting');
    await page.check('#highlight-style-background');
    await waitUntil(
      async () =>
        ((await stored('crosscheck:settings')) as { sensitivity?: string })?.sensitivity === 'strict',
    );
    await openOptions();
    expect(await page.isChecked('#sensitivity-strict')).toBe(true);
    expect(await page.isChecked('#highlight-mode-conflicting')).toBe(true);
    expect(await page.isChecked('#highlight-style-background')).toBe(true);
    expect(await stored('crosscheck:settings')).toMatchObject({
      sensitivity: 'strict',
      highlightMode: 'conflicting',
      highlightStyle: 'background',
    });
  });

  it('adds a disabled site, refuses a non-site with a message, and switches to the enabled list', async () => {
    await page.fill('#site-input', 'https://www.Example.com/news/today');
    await page.press('#site-input', 'Enter');
    await expect.poll(() => page.locator('#site-list .site-name').allTextContents()).toEqual(['example.com']);
    await page.fill('#site-input', 'javascript:alert(1)');
    await page.click('#site-form button[type="submit"]');
    expect(await page.locator('#site-error').textContent()).toMatch(/not a site name/);
    expect(await page.getAttribute('#site-input', 'aria-invalid')).toBe('true');
    expect(await page.inputValue('#site-input')).toBe('javascript:alert(1)');
    expect(await stored('crosscheck:settings')).toMatchObject({ disabledSites: ['example.com'] });
    await page.check('#site-mode-only');
    expect(await page.locator('#site-list-heading').textContent()).toMatch(/runs/);
    expect(await page.locator('#site-list-empty').textContent()).toMatch(/runs nowhere/);
    await page.check('#site-mode-all');
    await page.click('#site-list button');
    await expect
      .poll(async () => (await stored('crosscheck:settings')) as object)
      .toMatchObject({ disabledSites: [] });
  });

  it('adds a source using only the keyboard and lists it', async () => {
    await page.focus('#article-text');
    await page.keyboard.insertText(ARTICLE_A);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Example News');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Troops stay in Iraq');
    await page.keyboard.press('Tab');
    await page.keyboard.type('https://news.example.com/troops');
    await page.keyboard.press('Enter');
    await expect.poll(listedTitles).toEqual(['Troops stay in Iraq']);
    expect(await page.locator('#sources-list .source-meta').first().textContent()).toBe('Example News');
    expect(await page.locator('#sources-count').textContent()).toBe('1 saved source');
    expect(await page.inputValue('#article-text')).toBe('');
    const saved = await storedSources();
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ outlet: 'Example News', url: 'https://news.example.com/troops' });
    await page.screenshot({ path: '/tmp/crosscheck-options-light.png', fullPage: true });
  });

  it('refuses invalid input with an inline message and loses nothing', async () => {
    const before = JSON.stringify(await stored('crosscheck:user-articles'));
    const cases: [Parameters<typeof fillArticle>[0], RegExp][] = [
      [
        { text: ARTICLE_B, outlet: 'Other', url: 'javascript:alert(document.domain)' },
        /https:\/\/ or http:\/\//,
      ],
      [{ text: ARTICLE_B, outlet: '' }, /Enter the outlet/],
      [{ text: '   ', outlet: 'Other' }, /empty/],
      [{ text: ARTICLE_A, outlet: 'Again' }, /already in your sources/],
    ];
    for (const [fields, message] of cases) {
      await fillArticle(fields);
      await page.click('#article-add');
      await expect.poll(() => page.locator('#article-error').textContent()).toMatch(message);
      expect(await page.isVisible('#article-error')).toBe(true);
      // The reader's input is still in the form, and storage is byte-identical.
      expect(await page.inputValue('#article-text')).toBe(fields.text);
      expect(await page.inputValue('#article-outlet')).toBe(fields.outlet);
      expect(JSON.stringify(await stored('crosscheck:user-articles'))).toBe(before);
    }
    expect(await listedTitles()).toEqual(['Troops stay in Iraq']);
  });

  it('shows XSS payloads and look-alike outlets as inert text', async () => {
    await fillArticle({ text: `${ARTICLE_B} ${XSS_SCRIPT} ${XSS_IMG}`, outlet: XSS_IMG, title: XSS_SCRIPT });
    await page.click('#article-add');
    await expect.poll(listedTitles).toContain(XSS_SCRIPT);
    await fillArticle({
      text: 'Reuters reported that the base at Ain al-Asad was struck.',
      outlet: LOOK_ALIKE,
    });
    await page.click('#article-add');
    await expect
      .poll(() => page.locator('#sources-list .source-meta').allTextContents())
      .toContain(LOOK_ALIKE);
    await page.waitForTimeout(300);
    const dom = await page.evaluate(() => ({
      xss: (window as { __xss?: number }).__xss ?? null,
      imgs: document.querySelectorAll('#sources-list img, #save-status img').length,
      scripts: document.querySelectorAll('main script').length,
      metas: [...document.querySelectorAll('#sources-list .source-meta')].map((e) => e.textContent),
      status: document.getElementById('save-status')?.textContent ?? '',
    }));
    expect(dom.xss).toBeNull();
    expect(dom.imgs).toBe(0);
    expect(dom.scripts).toBe(0);
    expect(dom.metas).toContain(XSS_IMG);
    // The look-alike outlet is kept exactly as typed (U+0435), not silently turned into "Reuters".
    expect(dom.metas).toContain(LOOK_ALIKE);
    expect(dom.metas).not.toContain('Reuters');
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('exports to a file and imports it back into an empty list', async () => {
    const savedBefore = await storedSources();
    expect(savedBefore).toHaveLength(3);
    const downloading = page.waitForEvent('download');
    await page.click('#export-button');
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^crosscheck-sources-\d{4}-\d{2}-\d{2}\.json$/);
    const file = readFileSync((await download.path())!, 'utf8');
    expect(JSON.parse(file)).toMatchObject({ format: 'crosscheck-user-articles', version: 1 });
    expect(await page.locator('#transfer-status').textContent()).toMatch(/Exported 3 sources/);

    // Remove everything, then import the file.
    for (let n = 3; n > 0; n--) {
      await page.locator('#sources-list button.remove').first().click();
      await expect.poll(async () => (await storedSources()).length).toBe(n - 1);
    }
    expect(await page.locator('#sources-count').textContent()).toMatch(/not added any sources/);
    await page.setInputFiles('#import-input', {
      name: 'export.json',
      mimeType: 'application/json',
      buffer: Buffer.from(file),
    });
    await expect
      .poll(() => page.locator('#transfer-status').textContent())
      .toMatch(/Imported 3 sources; 0 skipped/);
    expect(await storedSources()).toEqual(savedBefore);
    // Importing the same file again adds nothing and says why.
    await page.setInputFiles('#import-input', {
      name: 'export.json',
      mimeType: 'application/json',
      buffer: Buffer.from(file),
    });
    await expect
      .poll(() => page.locator('#transfer-status').textContent())
      .toMatch(/Imported 0 sources; 3 skipped.*already in your sources/);
    expect(await storedSources()).toEqual(savedBefore);
  });

  it('meets WCAG AA text contrast in light and dark mode', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.fill('#article-url', 'ftp://example.com');
      await page.fill('#article-text', ARTICLE_B);
      await page.fill('#article-outlet', 'X');
      await page.click('#article-add');
      await expect.poll(() => page.isVisible('#article-error')).toBe(true);
      const worst = await page.evaluate(() => {
        const parse = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
        const lum = ([r, g, b]: number[]) => {
          const f = (v: number) => {
            const s = v / 255;
            return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
          };
          return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
        };
        const background = (el: Element | null): number[] => {
          for (let e = el; e; e = e.parentElement) {
            const c = parse(getComputedStyle(e).backgroundColor);
            if (c.length === 3 || (c.length === 4 && c[3]! > 0.99)) return c.slice(0, 3);
          }
          return parse(getComputedStyle(document.documentElement).backgroundColor).length === 3
            ? parse(getComputedStyle(document.documentElement).backgroundColor)
            : [255, 255, 255];
        };
        const results: { text: string; ratio: number; fg: string; bg: string }[] = [];
        const selectors =
          'h1, h2, h3, legend, label, .hint, .muted, button, .field-error, .source-title, .source-meta, .source-url, .source-size, .save-status, input[type="text"], textarea';
        for (const el of document.querySelectorAll<HTMLElement>(selectors)) {
          if (el.offsetParent === null || (el as HTMLButtonElement).disabled) continue;
          const fg = parse(getComputedStyle(el).color).slice(0, 3);
          const bg = background(el);
          const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
          results.push({
            text: (el.textContent ?? el.id).trim().slice(0, 40),
            ratio: (a! + 0.05) / (b! + 0.05),
            fg: String(fg),
            bg: String(bg),
          });
        }
        results.sort((x, y) => x.ratio - y.ratio);
        return { count: results.length, worst: results[0]! };
      });
      console.log(
        `options contrast ${scheme}: ${worst.count} text elements, lowest ${worst.worst.ratio.toFixed(2)}:1 (${worst.worst.text})`,
      );
      expect(worst.count).toBeGreaterThan(30);
      expect(worst.worst.ratio, `${scheme}: ${JSON.stringify(worst.worst)}`).toBeGreaterThanOrEqual(4.5);
      await page.screenshot({ path: `/tmp/crosscheck-options-${scheme}.png`, fullPage: true });
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('shows a clear message for corrupt stored data and keeps the readable sources', async () => {
    const valid = (await storedSources())[0];
    await page.evaluate(
      async (entry) =>
        chrome.storage.local.set({
          'crosscheck:settings': 'not an object',
          'crosscheck:user-articles': { version: 1, articles: [entry, { id: 'broken' }] },
        }),
      valid,
    );
    await openOptions();
    const notice = await page.locator('#load-errors').textContent();
    expect(notice).toMatch(/settings could not be read/);
    expect(notice).toMatch(/1 saved source could not be read/);
    expect(await listedTitles()).toHaveLength(1);
    // The next save keeps a copy of the unreadable data rather than destroying it.
    await fillArticle({ text: 'A wholly new article about the Marine Corps on Thursday.', outlet: 'New' });
    await page.click('#article-add');
    await expect.poll(async () => (await storedSources()).length).toBe(2);
    const backup = (await stored('crosscheck:user-articles:unreadable-backup')) as { articles: unknown[] };
    expect(backup.articles).toContainEqual({ id: 'broken' });
  });
});
