// @vitest-environment happy-dom
/**
 * The flat-tree walk of collect-text.ts: text inside open shadow roots is read in rendered order,
 * slotted light children once at their slot, fallback content when a slot has nothing assigned,
 * and the same skipping, block and offset-map rules as in the light DOM.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  collectSentences,
  createSentenceRange,
  findChunks,
  locateOffset,
  offsetOf,
  splitIntoChunks,
  type TextSegment,
  walkChunk,
  walkSegments,
} from '../../src/content/collect-text.ts';

const visible = () => false;

/** Appends `<tag>` with `lightHtml` as light children and `shadowHtml` in an open shadow root. */
function addHost(parent: Element | ShadowRoot, tag: string, shadowHtml: string, lightHtml = ''): HTMLElement {
  const host = document.createElement(tag);
  host.innerHTML = lightHtml;
  host.attachShadow({ mode: 'open' }).innerHTML = shadowHtml;
  parent.appendChild(host);
  return host;
}

function texts(root: Node = document.body, isHidden: (element: Element) => boolean = visible): string[] {
  const out: string[] = [];
  for (const segment of walkSegments(root, isHidden)) if (segment) out.push(segment.text);
  return out;
}

function segments(root: Node = document.body): TextSegment[] {
  const out: TextSegment[] = [];
  for (const segment of walkSegments(root, visible)) if (segment) out.push(segment);
  return out;
}

function sentences(): string[] {
  return collectSentences(document, { minSentenceChars: 1, isHidden: visible }).map((s) => s.text);
}

beforeEach(() => {
  document.body.replaceChildren();
});

describe('walkSegments in open shadow roots', () => {
  it('reads shadow content in rendered order, between the light text around the host', () => {
    document.body.innerHTML = '<p>Before the story.</p><div id="slot-here"></div><p>After the story.</p>';
    const holder = document.getElementById('slot-here')!;
    addHost(holder, 'news-story', '<h2>Shadow heading</h2><p>First shadow paragraph.</p><p>Second one.</p>');
    expect(texts()).toEqual([
      'Before the story.',
      'Shadow heading',
      'First shadow paragraph.',
      'Second one.',
      'After the story.',
    ]);
  });

  it('reads a host through its shadow root, never its unslotted light children', () => {
    addHost(document.body, 'news-story', '<p>Rendered shadow text.</p>', '<p>Light child with no slot.</p>');
    expect(texts()).toEqual(['Rendered shadow text.']);
  });

  it('reads slotted light children once, at the slot’s position, named and default slots', () => {
    addHost(
      document.body,
      'news-story',
      '<p>Shadow opening.</p><slot name="lede"></slot><p>Shadow middle.</p><slot></slot><p>Shadow end.</p>',
      '<p>Default slotted paragraph.</p><p slot="lede">Named lede paragraph.</p>',
    );
    expect(texts()).toEqual([
      'Shadow opening.',
      'Named lede paragraph.',
      'Shadow middle.',
      'Default slotted paragraph.',
      'Shadow end.',
    ]);
  });

  it('reads a slot’s fallback children when nothing is assigned to it, and not otherwise', () => {
    addHost(
      document.body,
      'news-story',
      '<slot name="empty"><p>Fallback paragraph shown.</p></slot><slot name="full"><p>Fallback hidden by content.</p></slot>',
      '<p slot="full">Assigned paragraph.</p>',
    );
    expect(texts()).toEqual(['Fallback paragraph shown.', 'Assigned paragraph.']);
  });

  it('follows nested shadow roots and slots passed down through them', () => {
    // outer-story's shadow holds inner-quote; the outer host's light paragraph is slotted into
    // the outer slot, which is itself slotted into inner-quote's slot.
    const outer = addHost(
      document.body,
      'outer-story',
      '<p>Outer shadow text.</p>',
      '<p>Light text, twice slotted.</p>',
    );
    const outerRoot = outer.shadowRoot!;
    addHost(
      outerRoot,
      'inner-quote',
      '<blockquote>Inner shadow text. <slot></slot></blockquote><p>Inner end.</p>',
      '<slot></slot>',
    );
    expect(texts()).toEqual([
      'Outer shadow text.',
      'Inner shadow text. ',
      'Light text, twice slotted.',
      'Inner end.',
    ]);
  });

  it('keeps inline shadow text in the segment of the light text around an inline host', () => {
    document.body.innerHTML = '<p id="p">Officials said <x-name></x-name> has troops.</p>';
    const host = document.querySelector('x-name')!;
    host.attachShadow({ mode: 'open' }).innerHTML = '<b>the United States</b>';
    expect(texts()).toEqual(['Officials said the United States has troops.']);
  });

  it('skips hidden, aria-hidden, navigation and script content inside shadow roots', () => {
    addHost(
      document.body,
      'news-story',
      '<nav><p>Shadow menu item.</p></nav><p>Kept shadow text.</p><p hidden>Hidden shadow text.</p>' +
        '<div aria-hidden="true"><p>Aria hidden text.</p></div><script>var shadowScript = 1;</script>' +
        '<p class="styled-away">Hidden by the visibility test.</p><slot></slot>',
      '<p>Slotted kept text.</p><p slot="nowhere">Unassigned light text.</p>',
    );
    const isHidden = (element: Element) => element.classList.contains('styled-away');
    expect(texts(document.body, isHidden)).toEqual(['Kept shadow text.', 'Slotted kept text.']);
  });

  it('never enters the shadow root of a skipped host, nor a slot that is skipped', () => {
    addHost(document.body, 'news-story', '<p>Shadow text of a hidden host.</p>').setAttribute('hidden', '');
    addHost(
      document.body,
      'other-story',
      '<p>Shown.</p><slot aria-hidden="true"></slot>',
      '<p>Slotted into a skipped slot.</p>',
    );
    expect(texts()).toEqual(['Shown.']);
  });

  it('does not read a closed shadow root (the page keeps it to itself)', () => {
    const host = document.createElement('closed-story');
    host.attachShadow({ mode: 'closed' }).innerHTML = '<p>Closed shadow text.</p>';
    host.innerHTML = '<p>Light fallback of a closed host.</p>';
    document.body.appendChild(host);
    expect(texts().join('\n')).not.toContain('Closed shadow text.');
  });

  it('reads a shadow-hosting block through the full walk, not its light textContent', () => {
    // <div> and <span> can host shadow roots; the plain-block fast path would read light text.
    document.body.innerHTML =
      '<div id="host">Light text of a plain div.</div><p>Plain <span>inline</span> end.</p>';
    document.getElementById('host')!.attachShadow({ mode: 'open' }).innerHTML = 'Shadow text of the div.';
    document.querySelector('span')!.attachShadow({ mode: 'open' }).innerHTML = 'SHADOW';
    expect(texts()).toEqual(['Shadow text of the div.', 'Plain SHADOW end.']);
  });

  it('reports every open shadow root it enters', () => {
    const outer = addHost(document.body, 'outer-story', '<p>Outer.</p>');
    const inner = addHost(outer.shadowRoot!, 'inner-story', '<p>Inner.</p>');
    const hidden = addHost(document.body, 'hidden-story', '<p>Never.</p>');
    hidden.setAttribute('hidden', '');
    const seen: ShadowRoot[] = [];
    for (const _segment of walkSegments(document.body, visible, (root) => seen.push(root)));
    expect(seen).toEqual([outer.shadowRoot, inner.shadowRoot]);
  });

  it('walks a shadow host given as the root through its shadow tree', () => {
    const host = addHost(
      document.body,
      'news-story',
      '<p>Shadow one.</p><slot></slot>',
      '<p>Slotted two.</p>',
    );
    expect(texts(host)).toEqual(['Shadow one.', 'Slotted two.']);
  });
});

describe('the offset map inside shadow roots', () => {
  it('segment text is the concatenation of its nodes, and every offset round-trips', () => {
    addHost(
      document.body,
      'news-story',
      '<p>Shadow <b>bold</b> text. <slot></slot> Tail text.</p><p>Second <i>shadow</i> block.</p>',
      '<em>Slotted <u>inline</u></em>',
    );
    const found = segments();
    expect(found.map((segment) => segment.text)).toEqual([
      'Shadow bold text. Slotted inline Tail text.',
      'Second shadow block.',
    ]);
    for (const segment of found) {
      expect(segment.nodes.map((node) => node.data).join('')).toBe(segment.text);
      for (let offset = 0; offset <= segment.text.length; offset++) {
        for (const preferEnd of [false, true]) {
          const position = locateOffset(segment, offset, preferEnd)!;
          expect(offsetOf(segment, position.node, position.offset)).toBe(offset);
        }
      }
    }
  });

  it('maps a sentence inside a shadow root to a Range in that shadow tree with exactly its text', () => {
    const host = addHost(
      document.body,
      'news-story',
      '<p>The United States has about <b>5,000</b> troops in Iraq. Another shadow sentence here.</p>',
    );
    const [first, second] = collectSentences(document, { isHidden: visible });
    expect(first?.text).toBe('The United States has about 5,000 troops in Iraq.');
    const range = createSentenceRange(document, first!)!;
    expect(range.toString()).toBe('The United States has about 5,000 troops in Iraq.');
    expect(range.startContainer.getRootNode()).toBe(host.shadowRoot);
    expect(range.endContainer.getRootNode()).toBe(host.shadowRoot);
    expect(createSentenceRange(document, second!)!.toString()).toBe('Another shadow sentence here.');
  });

  it('maps a sentence in a slotted light paragraph to a Range in the document', () => {
    addHost(
      document.body,
      'news-story',
      '<p>Shadow sentence first here.</p><slot></slot>',
      '<p>Light <i>slotted</i> sentence here.</p>',
    );
    const found = collectSentences(document, { isHidden: visible });
    const light = found.find((sentence) => sentence.text === 'Light slotted sentence here.')!;
    const range = createSentenceRange(document, light)!;
    expect(range.toString()).toBe('Light slotted sentence here.');
    expect(range.startContainer.getRootNode()).toBe(document);
  });

  it('makes no Range for a sentence that crosses the shadow boundary, but keeps the rest', () => {
    addHost(
      document.body,
      'news-story',
      '<p>Around 400 British soldiers are training Iraqi troops, <slot></slot> Shadow sentence after it.</p>',
      'as well as around 5,000 US troops in the country.',
    );
    const found = collectSentences(document, { isHidden: visible });
    expect(found.map((sentence) => sentence.text)).toEqual([
      'Around 400 British soldiers are training Iraqi troops, as well as around 5,000 US troops in the country.',
      'Shadow sentence after it.',
    ]);
    expect(createSentenceRange(document, found[0]!)).toBeNull();
    expect(createSentenceRange(document, found[1]!)?.toString()).toBe('Shadow sentence after it.');
  });

  it('makes no Range for a sentence whose slotted nodes run against document order', () => {
    addHost(
      document.body,
      'news-story',
      '<p><slot name="b"></slot><slot name="a"></slot></p>',
      '<span slot="a">placed second.</span><span slot="b">The light text is </span>',
    );
    const [sentence] = collectSentences(document, { minSentenceChars: 1, isHidden: visible });
    expect(sentence?.text).toBe('The light text is placed second.');
    expect(createSentenceRange(document, sentence!)).toBeNull();
  });

  it('makes no Range that would take in light text a slot renders elsewhere', () => {
    addHost(
      document.body,
      'news-story',
      '<p><slot name="a"></slot></p><p><slot name="b"></slot></p>',
      '<span slot="a">The light text is </span><span slot="b">Rendered in another block.</span><span slot="a">all in one slot.</span>',
    );
    const [sentence, other] = collectSentences(document, { minSentenceChars: 1, isHidden: visible });
    expect(sentence?.text).toBe('The light text is all in one slot.');
    expect(createSentenceRange(document, sentence!)).toBeNull();
    expect(createSentenceRange(document, other!)?.toString()).toBe('Rendered in another block.');
  });
});

describe('chunks of a page with shadow roots', () => {
  /** A big page (2,100+ elements) in sections, one of them a host with many light children. */
  function loadBigPage(): HTMLElement {
    const sections = Array.from(
      { length: 300 },
      (_, i) =>
        `<section><h2>Heading ${i}</h2><p>First sentence of part ${i}.</p><p>Second of ${i}.</p><small>Foot ${i}</small></section>`,
    ).join('');
    document.body.innerHTML = `<main>${sections}<section id="host"></section>${sections}</main>`;
    const host = document.getElementById('host')!;
    host.innerHTML = Array.from(
      { length: 450 },
      (_, i) => `<p slot="${i % 2 ? 'odd' : 'even'}">Light ${i}.</p>`,
    ).join('');
    host.attachShadow({ mode: 'open' }).innerHTML =
      '<h2>Shadow heading</h2><slot name="odd"></slot><p>Between the slots.</p><slot name="even"></slot>';
    return host;
  }

  it('never splits a shadow host by its light children, and chunks still give the whole walk', () => {
    const host = loadBigPage();
    const chunks = splitIntoChunks(document.body, visible);
    expect(chunks.length).toBeGreaterThan(300);
    expect(chunks).toContain(host);
    expect(chunks.some((chunk) => chunk.parentElement === host)).toBe(false);
    const whole = texts();
    const chunked = chunks.flatMap((chunk) =>
      [...walkChunk(chunk, visible)].filter((s) => s !== undefined).map((s) => s!.text),
    );
    expect(chunked).toEqual(whole);
    // Rendered order: odd light paragraphs, shadow text, then even ones.
    const start = whole.indexOf('Shadow heading');
    expect(whole.slice(start, start + 3)).toEqual(['Shadow heading', 'Light 1.', 'Light 3.']);
    expect(whole.indexOf('Between the slots.')).toBe(start + 226);
    expect(whole[start + 227]).toBe('Light 0.');
  });

  it('reports the shadow roots of a chunk read on its own', () => {
    const host = loadBigPage();
    const raw: Element[] = [];
    for (const _tick of findChunks(document.body, visible, raw));
    const seen: ShadowRoot[] = [];
    for (const chunk of raw) for (const _s of walkChunk(chunk, visible, (root) => seen.push(root)));
    expect(seen).toEqual([host.shadowRoot]);
  });
});

describe('pages without shadow roots', () => {
  it('still read a <slot> outside any shadow tree as an ordinary element with its children', () => {
    document.body.innerHTML = '<p>Text <slot>inside a stray slot</slot> continues.</p>';
    expect(sentences()).toEqual(['Text inside a stray slot continues.']);
  });
});
