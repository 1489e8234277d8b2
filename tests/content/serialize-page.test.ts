// @vitest-environment happy-dom
/**
 * serializePage: the page's HTML for "Add this article", with open shadow roots (nested ones too)
 * written as declarative shadow templates first inside their hosts; closed roots and Crosscheck's
 * own card never; elements the page hides (with text in them) left out; a page without open shadow
 * roots or hidden text exactly as outerHTML gives it.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { OWN_UI_ATTRIBUTE } from '../../src/content/collect-text.ts';
import { findHiddenElements, findOpenShadowRoots, serializePage } from '../../src/content/serialize-page.ts';

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

describe('serializePage without hidden text', () => {
  /** Hidden as the page's CSS would hide it, decided here by a class so the test needs no layout. */
  const isHidden = (element: Element) =>
    element.classList.contains('teaser') || element.localName === 'script';

  it('leaves out hidden elements with text, and keeps the rest and the head', () => {
    document.head.innerHTML = '<title>Troops story</title>';
    document.body.innerHTML =
      '<article><h1>Title</h1><p>Visible text.</p><p class="teaser">Hidden teaser text.</p>' +
      '<div><span class="teaser"><b>Nested hidden</b></span> and shown</div></article>';
    const html = serializePage(document, isHidden);
    expect(html).toContain('<title>Troops story</title>');
    expect(html).toContain('<h1>Title</h1><p>Visible text.</p><div> and shown</div>');
    expect(html).not.toContain('teaser');
    expect(html).not.toContain('Nested hidden');
    // The live page is not changed by serialising it.
    expect(document.querySelectorAll('.teaser')).toHaveLength(2);
  });

  it('goes on past a hidden element at the end of a deep branch to the next branch', () => {
    document.body.innerHTML =
      '<section><div><p>Kept one.</p><p class="teaser">Deep teaser</p></div></section>' +
      '<section><p class="teaser">Second teaser</p><p>Kept two.</p></section>';
    expect([...findHiddenElements(document, isHidden)].map((e) => e.textContent)).toEqual([
      'Deep teaser',
      'Second teaser',
    ]);
    const html = serializePage(document, isHidden);
    expect(html).toContain(
      '<section><div><p>Kept one.</p></div></section><section><p>Kept two.</p></section>',
    );
  });

  it('leaves out hidden elements inside open shadow roots, writing the rest as templates', () => {
    document.body.innerHTML = '<p>Light</p>';
    addHost(
      document.body,
      'news-story',
      '<article><p>Shadow text</p><p class="teaser">Shadow teaser</p></article>',
    );
    const html = serializePage(document, isHidden);
    expect(html).toContain(
      '<news-story><template shadowrootmode="open"><article><p>Shadow text</p></article></template></news-story>',
    );
    expect(html).not.toContain('Shadow teaser');
  });

  it('gives exactly outerHTML when nothing hidden holds text', () => {
    document.body.innerHTML =
      '<p>Text</p><span class="teaser"> </span><script>var x = "code";</script><template><p>inert</p></template>';
    expect(findHiddenElements(document, isHidden).size).toBe(0);
    expect(serializePage(document, isHidden)).toBe(document.documentElement.outerHTML);
  });

  it('never writes Crosscheck’s own card in a copy either', () => {
    document.body.innerHTML = '<story-box><p>Story text</p></story-box><p class="teaser">Teaser</p>';
    const card = addHost(document.body, 'crosscheck-card', '<div class="card">Card text</div>');
    card.setAttribute(OWN_UI_ATTRIBUTE, '');
    const html = serializePage(document, isHidden);
    expect(html).toContain('<story-box><p>Story text</p></story-box>');
    expect(html).not.toContain('Teaser');
    expect(html).not.toContain('Card text');
  });
});
