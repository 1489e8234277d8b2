// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { serializePage } from '../../src/content/serialize-page.ts';
import { extractArticle } from '../../src/popup/extract-article.ts';
import { validateNewArticle } from '../../src/shared/user-articles.ts';

const ARTICLE = readFileSync(join(process.cwd(), 'tests/fixtures/pages/iraq-troops-article.html'), 'utf8');
const URL_ = 'http://127.0.0.1:8765/iraq-troops-article.html';

describe('extractArticle', () => {
  it('keeps the article body and drops page chrome, ready for the user-sources validator', () => {
    const input = extractArticle(ARTICLE, URL_)!;
    expect(input).not.toBeNull();
    expect(input.text).toContain('The United States has about 5,000 troops in Iraq.');
    expect(input.text).not.toContain('Analytics stub');
    expect(input.text).not.toContain('Politics');
    expect(input.title).toMatch(/Pentagon says no decision/);
    expect(input.url).toBe(URL_);
    expect(input.outlet).not.toBe('');
    const result = validateNewArticle(input, [], new Date('2026-11-21T06:00:00Z'));
    expect(result.ok).toBe(true);
  });

  it('returns null when a page has no article text', () => {
    expect(extractArticle('<html><body><nav>Home</nav></body></html>', URL_)).toBeNull();
  });

  it('never runs the page’s scripts while parsing', () => {
    (globalThis as { pwned?: boolean }).pwned = false;
    extractArticle(
      `<html><body><article><p>${'A long enough paragraph about troops in Iraq. '.repeat(20)}</p>
       <script>globalThis.pwned = true</script><img src=x onerror="globalThis.pwned = true"></article></body></html>`,
      URL_,
    );
    expect((globalThis as { pwned?: boolean }).pwned).toBe(false);
  });

  it('reads an article rendered in open shadow roots as the content script serialises it', async () => {
    // The fixture builds its article with custom elements: run its script in a separate window.
    const page = new Window({
      url: 'http://127.0.0.1:8765/shadow-article.html',
      settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true },
    });
    try {
      page.document.write(
        readFileSync(join(process.cwd(), 'tests/fixtures/pages/shadow-article.html'), 'utf8'),
      );
      await page.happyDOM.waitUntilComplete();
      const html = serializePage(page.document as unknown as Document);
      const input = extractArticle(html, page.location.href)!;
      expect(input).not.toBeNull();
      const lines = input.text.split('\n').filter((line) => line.trim() !== '');
      // Shadow text, nested shadow text and slotted light text, each block on its own line in order.
      expect(lines.slice(0, 6)).toEqual([
        'Pentagon says no decision has been made',
        'The United States has about 5,000 troops in Iraq. Most of them train and advise Iraqi forces fighting the remnants of the Islamic State group.',
        "Iraq's parliament voted on Sunday to expel American troops from the country.",
        'Defense Secretary Mark Esper told reporters at the Pentagon that there has been no decision to leave Iraq.',
        'The letter was signed by U.S. Navy Brig. Gen. William H. Seely III, the commanding general of Task Force Iraq.',
        'Around 400 British soldiers are training Iraqi troops, as well as around 5,000 US troops in the country.',
      ]);
      // Not the closed shadow root, not the light paragraph no slot takes.
      expect(input.text).not.toMatch(/Milley|never rendered/);
      expect(validateNewArticle(input, [], new Date('2026-11-21T06:00:00Z')).ok).toBe(true);
      // What the popup got before: outerHTML has no shadow roots, so none of their text.
      const before = extractArticle(page.document.documentElement.outerHTML, page.location.href);
      expect(before?.text ?? '').not.toContain('Mark Esper told reporters');
    } finally {
      await page.happyDOM.close();
    }
  });
});
