// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
});
