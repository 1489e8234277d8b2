/**
 * Bad input through the real options page in Chromium: a duplicate article, a paste over 5 MB, a
 * non-text paste, and import files that are malformed JSON, another JSON format, or not text at all.
 * Each must get a clear, visible error, and the reader's saved sources must be exactly as before.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromeBuild, type Launched, launchChromium } from './support/hostile.ts';

const ARTICLE =
  'Pentagon officials said on Monday that the United States has about 5,000 troops in Iraq. ' +
  'Esper said there had been no decision whatsoever to leave Iraq, and the letter was a draft.';

let browser: Launched;
let options: Page;
const tried: string[] = [];

async function storedSources(): Promise<unknown> {
  return options.evaluate(
    async () => (await chrome.storage.local.get('crosscheck:user-articles'))['crosscheck:user-articles'],
  );
}

async function submitArticle(text: string, outlet = 'Test Outlet'): Promise<void> {
  await options.evaluate(
    ([t, o]) => {
      const area = document.getElementById('article-text') as HTMLTextAreaElement;
      area.value = t;
      area.dispatchEvent(new Event('input', { bubbles: true }));
      const outletInput = document.getElementById('article-outlet') as HTMLInputElement;
      outletInput.value = o;
      outletInput.dispatchEvent(new Event('input', { bubbles: true }));
    },
    [text, outlet] as const,
  );
  await options.click('#article-add');
}

async function visibleText(selector: string): Promise<string> {
  return options.evaluate((s) => {
    const el = document.querySelector<HTMLElement>(s);
    return el && !el.hidden ? (el.textContent ?? '') : '';
  }, selector);
}

async function importFile(name: string, mimeType: string, buffer: Buffer): Promise<string> {
  // Forget the previous import's message first, or the poll below can read it before this import
  // has answered (seen once in CI: image.json "answered" with other.json's message).
  await options.evaluate(() => {
    document.querySelector('#transfer-status')!.textContent = '';
  });
  await options.setInputFiles('#import-input', { name, mimeType, buffer });
  await expect.poll(() => visibleText('#transfer-status'), { timeout: 10_000 }).not.toBe('');
  return visibleText('#transfer-status');
}

describe.skipIf(!hasChromeBuild)('bad input on the options page (Chromium)', () => {
  let before: unknown;

  beforeAll(async () => {
    browser = await launchChromium();
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/src/options/options.html`);
    await submitArticle(ARTICLE);
    for (let i = 0; i < 50 && !JSON.stringify((await storedSources()) ?? null).includes('Test Outlet'); i++) {
      await options.waitForTimeout(200);
    }
    before = await storedSources();
  });

  afterAll(async () => {
    console.log(`[bad-input] tried: ${tried.join(' | ')}`);
    await browser?.close();
  });

  it('a valid article was saved first, so there is something to lose', () => {
    expect(JSON.stringify(before)).toContain('Test Outlet');
  });

  it('a duplicate article is refused with a message, and nothing changes', async () => {
    await submitArticle(ARTICLE, 'Another Outlet');
    await expect.poll(() => visibleText('#article-error'), { timeout: 5_000 }).not.toBe('');
    const message = await visibleText('#article-error');
    tried.push(`duplicate → "${message}"`);
    expect(message).toMatch(/already|duplicate/i);
    expect(await storedSources()).toEqual(before);
  });

  it('a paste over 5 MB is refused with a message, and nothing changes', async () => {
    const giant = `${'The United States has about 5,000 troops in Iraq, officials said on Monday. '.repeat(75_000)}`;
    expect(giant.length).toBeGreaterThan(5 * 1024 * 1024);
    await submitArticle(giant);
    await expect
      .poll(() => visibleText('#article-error'), { timeout: 10_000 })
      .toMatch(/MB|large|long|size/i);
    tried.push(
      `paste of ${(giant.length / 1024 / 1024).toFixed(1)} MB → "${await visibleText('#article-error')}"`,
    );
    expect(await storedSources()).toEqual(before);
  });

  it('a non-text paste is refused with a message, and nothing changes', async () => {
    const binary = String.fromCharCode(...Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256));
    await submitArticle(binary);
    await expect.poll(() => visibleText('#article-error'), { timeout: 5_000 }).toMatch(/text/i);
    tried.push(`binary paste → "${await visibleText('#article-error')}"`);
    expect(await storedSources()).toEqual(before);
  });

  it('malformed, foreign and binary import files are refused with messages, and nothing changes', async () => {
    const cases: [string, string, Buffer, RegExp][] = [
      [
        'broken.json',
        'application/json',
        Buffer.from('{"format":"crosscheck-user-articles","version":1,"articles":[{'),
        /JSON|read/i,
      ],
      ['other.json', 'application/json', Buffer.from('{"hello":"world"}'), /not a Crosscheck export|format/i],
      [
        'image.json',
        'application/json',
        Buffer.from([
          0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3,
        ]),
        /text|JSON/i,
      ],
      [
        'bad-entry.json',
        'application/json',
        Buffer.from(
          JSON.stringify({
            format: 'crosscheck-user-articles',
            version: 1,
            articles: [{ id: 5, body: null }],
          }),
        ),
        /.+/,
      ],
    ];
    for (const [name, type, buffer, expected] of cases) {
      const message = await importFile(name, type, buffer);
      tried.push(`import ${name} → "${message}"`);
      expect(message, name).toMatch(expected);
      expect(await storedSources(), `${name} left the saved sources alone`).toEqual(before);
    }
  });
});
