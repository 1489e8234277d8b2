// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { createTranslator, localizeTree } from '../../src/options/localize.ts';
import { describeArticle, renderSites, renderSources } from '../../src/options/render-lists.ts';
import type { UserArticle } from '../../src/shared/user-articles.ts';

const t = createTranslator(() => '', {
  options_remove: 'Remove',
  options_removeSourceLabel: 'Remove source: $1',
  options_removeSiteLabel: 'Remove site: $1',
  options_sourceWords: '$1 words',
});

const article = (over: Partial<UserArticle> = {}): UserArticle => ({
  id: 'user-abc',
  outlet: 'Example News',
  title: 'Troops stay',
  published: '2020-01-06',
  url: 'https://news.example.com/a',
  language: null,
  body: 'The United States has about 5,000 troops in Iraq.',
  addedAt: '2026-11-21T06:00:00.000Z',
  ...over,
});

describe('renderSources', () => {
  it('lists each source with its metadata, word count and a labelled remove button', () => {
    const list = document.createElement('ul');
    const onRemove = vi.fn();
    renderSources(document, list, [article()], t, onRemove);
    const item = list.querySelector('li')!;
    expect(item.dataset.articleId).toBe('user-abc');
    expect(item.querySelector('.source-title')!.textContent).toBe('Troops stay');
    expect(item.querySelector('.source-meta')!.textContent).toBe('Example News · 2020-01-06');
    expect(item.querySelector('.source-url')!.textContent).toBe('https://news.example.com/a');
    expect(item.querySelector('.source-size')!.textContent).toBe('9 words');
    const button = item.querySelector('button')!;
    expect(button.getAttribute('aria-label')).toBe('Remove source: Troops stay');
    button.click();
    expect(onRemove).toHaveBeenCalledWith(expect.objectContaining({ id: 'user-abc' }));
  });

  it('inserts hostile text as text, never as markup', () => {
    const list = document.createElement('ul');
    const payload = '<img src=x onerror="globalThis.__xss=1"><script>globalThis.__xss=2</script>';
    renderSources(document, list, [article({ title: payload, outlet: payload })], t, () => {});
    expect(list.querySelectorAll('img, script')).toHaveLength(0);
    expect(list.querySelector('.source-title')!.textContent).toBe(payload);
    expect((globalThis as { __xss?: number }).__xss).toBeUndefined();
  });

  it('names an untitled source by the start of its text and re-renders from scratch', () => {
    const long = article({ title: null, body: `${'word '.repeat(30)}end` });
    expect(describeArticle(long)).toMatch(/^word word .*…$/);
    expect(describeArticle(long).length).toBe(81);
    const list = document.createElement('ul');
    renderSources(document, list, [long, article({ id: 'user-b' })], t, () => {});
    renderSources(document, list, [long], t, () => {});
    expect(list.children).toHaveLength(1);
  });
});

describe('renderSites', () => {
  it('lists sites with remove buttons that report the site', () => {
    const list = document.createElement('ul');
    const onRemove = vi.fn();
    renderSites(document, list, ['a.example', 'b.example'], t, onRemove);
    expect([...list.querySelectorAll('.site-name')].map((e) => e.textContent)).toEqual([
      'a.example',
      'b.example',
    ]);
    const second = list.querySelectorAll('button')[1]!;
    expect(second.getAttribute('aria-label')).toBe('Remove site: b.example');
    second.click();
    expect(onRemove).toHaveBeenCalledWith('b.example');
  });
});

describe('localize', () => {
  it('replaces text only where the locale has a message', () => {
    document.body.innerHTML = '<h1 data-i18n="a">English A</h1><p data-i18n="b">English B</p>';
    localizeTree(document, (key) => (key === 'a' ? 'Übersetzt <b>A</b>' : ''));
    expect(document.querySelector('h1')!.textContent).toBe('Übersetzt <b>A</b>');
    expect(document.querySelector('h1 b')).toBeNull();
    expect(document.querySelector('p')!.textContent).toBe('English B');
  });

  it('falls back to English with substitutions, also when the lookup throws', () => {
    const translate = createTranslator(
      () => {
        throw new Error('no i18n');
      },
      { greeting: 'Imported $1 sources; $2 skipped.' },
    );
    expect(translate('greeting', ['3', '1'])).toBe('Imported 3 sources; 1 skipped.');
    expect(translate('unknown')).toBe('unknown');
  });
});
