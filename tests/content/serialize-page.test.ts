// @vitest-environment happy-dom
/**
 * serializePage: the page's HTML for "Add this article", with open shadow roots (nested ones too)
 * written as declarative shadow templates first inside their hosts; closed roots and Crosscheck's
 * own card never; a page without open shadow roots exactly as outerHTML gives it.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { OWN_UI_ATTRIBUTE } from '../../src/content/collect-text.ts';
import { findOpenShadowRoots, serializePage } from '../../src/content/serialize-page.ts';

beforeEach(() => {
  document.documentElement.setAttribute('lang', 'en');
  document.body.replaceChildren();
});

function addHost(
  parent: Element | ShadowRoot,
  tag: string,
  shadowHtml: string,
  mode: ShadowRootMode = 'open',
) {
  const host = document.createElement(tag);
  host.attachShadow({ mode }).innerHTML = shadowHtml;
  parent.appendChild(host);
  return host;
}

describe('serializePage', () => {
  it('gives exactly outerHTML on a page without open shadow roots', () => {
    document.body.innerHTML =
      '<article><h1>Title</h1><p>Text &amp; more</p><template shadowrootmode="open"><p>inert</p></template></article>';
    addHost(document.body, 'closed-note', '<p>Closed secret</p>', 'closed');
    expect(findOpenShadowRoots(document)).toEqual([]);
    expect(serializePage(document)).toBe(document.documentElement.outerHTML);
  });

  it('writes open shadow roots, nested ones included, as templates first inside their hosts', () => {
    document.body.innerHTML = '<p>Light before</p>';
    const story = addHost(document.body, 'news-story', '<article><p>Shadow text</p><slot></slot></article>');
    story.append('Slotted light');
    const inner = addHost(
      story.shadowRoot!.querySelector('article')!,
      'story-quote',
      '<blockquote>Nested</blockquote>',
    );
    addHost(document.body, 'closed-note', '<p>Closed secret</p>', 'closed');
    expect(findOpenShadowRoots(document)).toEqual([story.shadowRoot, inner.shadowRoot]);
    const html = serializePage(document);
    expect(html.startsWith('<html lang="en"><head>')).toBe(true);
    expect(html.endsWith('</html>')).toBe(true);
    expect(html).toContain(
      '<news-story><template shadowrootmode="open"><article><p>Shadow text</p><slot></slot>' +
        '<story-quote><template shadowrootmode="open"><blockquote>Nested</blockquote></template></story-quote>' +
        '</article></template>Slotted light</news-story>',
    );
    expect(html).toContain('<closed-note></closed-note>');
    expect(html).not.toContain('Closed secret');
    // The live page is not changed by serialising it.
    expect(story.firstChild?.nodeValue).toBe('Slotted light');
  });

  it('never writes the shadow root of Crosscheck’s own card', () => {
    document.body.innerHTML = '<p>Article</p>';
    const card = addHost(document.body, 'crosscheck-card', '<div class="card">Card text</div>');
    card.setAttribute(OWN_UI_ATTRIBUTE, '');
    expect(findOpenShadowRoots(document)).toEqual([]);
    expect(serializePage(document)).not.toContain('Card text');
  });
});
