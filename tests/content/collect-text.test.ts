// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  anchorQuote,
  collectSentences,
  createSentenceRange,
  findChunks,
  isSkippedChunk,
  locateOffset,
  OWN_UI_ATTRIBUTE,
  offsetOf,
  splitIntoChunks,
  splitSegment,
  walkChunk,
  walkSegments,
} from '../../src/content/collect-text.ts';

const ARTICLE = readFileSync(join(process.cwd(), 'tests/fixtures/pages/iraq-troops-article.html'), 'utf8');

function load(doc: Document, html: string): void {
  doc.open();
  doc.write(html);
  doc.close();
}

describe('collectSentences on the fixture news page', () => {
  beforeEach(() => load(document, ARTICLE));

  it('reads the article paragraphs and splits them at sentence ends, not at abbreviations', () => {
    const texts = collectSentences(document).map((s) => s.text);
    expect(texts).toContain('The United States has about 5,000 troops in Iraq.');
    expect(texts).toContain(
      'The letter was signed by U.S. Navy Brig. Gen. William H. Seely III, the commanding general of Task Force Iraq.',
    );
    expect(texts).toContain(
      'Mr. Esper said the U.S. would not be leaving and added that the situation was being reviewed.',
    );
    expect(texts.some((text) => text.startsWith('Gen. Mark Milley, the chairman'))).toBe(true);
  });

  it('skips scripts, styles, nav, header, footer, aside, hidden elements and form fields', () => {
    const texts = collectSentences(document).map((s) => s.text);
    const joined = texts.join('\n');
    expect(joined).not.toContain('Analytics stub');
    expect(joined).not.toContain('font:');
    expect(joined).not.toContain('Politics');
    expect(joined).not.toContain('The Daily Ledger');
    expect(joined).not.toContain('Pentagon says no decision has been made'); // article <header>
    expect(joined).not.toContain('Most read');
    expect(joined).not.toContain('airstrike on Friday'); // aside
    expect(joined).not.toContain('footer wrongly repeats');
    expect(joined).not.toContain('Hidden teaser'); // [hidden]
    expect(joined).not.toContain('5,200'); // textarea
    expect(joined).not.toContain('Send us a tip'); // label
    // Exactly one copy of the troops sentence: the article's, not the footer's or the script's.
    expect(texts.filter((text) => text.includes('about 5,000 troops in Iraq'))).toHaveLength(1);
  });

  it('skips elements hidden by style when the visibility test says so', () => {
    const texts = collectSentences(document, {
      isHidden: (element) => element.classList.contains('cookie'),
    }).map((s) => s.text);
    expect(texts.join('\n')).not.toContain('Cookie notice');
  });

  it('never reads Crosscheck UI or contenteditable regions', () => {
    load(
      document,
      `<body><p>The first real sentence of this article is here.</p>
       <div ${OWN_UI_ATTRIBUTE}>Our own card text must never be checked by us.</div>
       <div contenteditable="true">Text the reader is typing should not be checked.</div>
       <p>The last real sentence of this article is here.</p></body>`,
    );
    expect(collectSentences(document).map((s) => s.text)).toEqual([
      'The first real sentence of this article is here.',
      'The last real sentence of this article is here.',
    ]);
  });
});

describe('text-offset map', () => {
  it('maps a sentence spanning inline elements to a Range with exactly its text', () => {
    load(
      document,
      '<body><p>Officials said <b>the United States</b> has about <a href="#">5,000\n   troops</a> in Iraq. Another sentence follows it here.</p></body>',
    );
    const [first, second] = collectSentences(document);
    expect(first?.text).toBe('Officials said the United States has about 5,000 troops in Iraq.');
    const range = createSentenceRange(document, first!)!;
    expect(range.toString()).toBe('Officials said the United States has about 5,000\n   troops in Iraq.');
    expect(range.startContainer.textContent).toBe('Officials said ');
    expect(range.endContainer.textContent).toContain('in Iraq.');
    expect(createSentenceRange(document, second!)!.toString()).toBe('Another sentence follows it here.');
  });

  it('round-trips every offset of a segment through DOM positions', () => {
    load(
      document,
      '<body><p>Alpha <i>beta</i> gamma <span>delta <b>epsilon</b></span> zeta eta theta.</p></body>',
    );
    const [sentence] = collectSentences(document, { minSentenceChars: 1 });
    const segment = sentence!.segment;
    for (let offset = 0; offset <= segment.text.length; offset++) {
      const position = locateOffset(segment, offset)!;
      expect(offsetOf(segment, position.node, position.offset)).toBe(offset);
    }
    expect(locateOffset(segment, segment.text.length + 1)).toBeNull();
  });

  it('does not let a sentence run across block boundaries', () => {
    load(
      document,
      '<body><div>A heading without a full stop</div><p>Then a paragraph with a real sentence.</p></body>',
    );
    expect(collectSentences(document, { minSentenceChars: 1 }).map((s) => s.text)).toEqual([
      'A heading without a full stop',
      'Then a paragraph with a real sentence.',
    ]);
  });

  it('anchors a quote exactly first, then ignoring whitespace and case', () => {
    load(document, '<body><p>The  United States\nhas about 5,000 troops.</p></body>');
    const segment = collectSentences(document, { minSentenceChars: 1 })[0]!.segment;
    expect(anchorQuote(segment, 'about 5,000')).toEqual({ start: 23, end: 34 });
    const fuzzy = anchorQuote(segment, 'the united states has')!;
    expect(segment.text.slice(fuzzy.start, fuzzy.end)).toBe('The  United States\nhas');
    expect(anchorQuote(segment, 'Marine Corps')).toBeNull();
  });
});

describe('splitIntoChunks', () => {
  const isHidden = (element: Element) => (element.getAttribute('style') ?? '').includes('display: none');
  const textsOf = (segments: Iterable<unknown>) =>
    [...segments].filter((s): s is { text: string } => s !== undefined).map((s) => s.text);

  /** 300 sections (2,100 elements) plus chrome, a hidden block and a container with loose text. */
  function loadBigPage(): void {
    const sections = Array.from(
      { length: 300 },
      (_, i) =>
        `<section id="s${i}"><h2>Heading ${i}</h2><p>First sentence of part ${i}. <span>More</span> <em>text</em>.</p>` +
        `<p class="x">Second paragraph, number ${i}.</p><small>Foot ${i} <i>note</i></small></section>\n`,
    ).join('');
    const loose = `<div>Loose text before blocks. ${'<p>Loose paragraph.</p>'.repeat(450)} and after.</div>`;
    load(
      document,
      `<body>\n<nav><p>Menu item that is never read.</p></nav><main>\n${sections}` +
        `<div style="display: none"><p>Hidden paragraph never read.</p></div>${loose}</main>\n</body>`,
    );
  }

  it('splits a big page into chunks whose segments are exactly those of the whole walk', () => {
    loadBigPage();
    const chunks = splitIntoChunks(document.body, isHidden);
    expect(chunks.length).toBeGreaterThan(300);
    expect(chunks.some((chunk) => chunk.localName === 'nav')).toBe(false);
    expect(chunks.some((chunk) => chunk.getAttribute('style') !== null)).toBe(false);
    const whole = textsOf(walkSegments(document.body, isHidden));
    const chunked = chunks.flatMap((chunk) => textsOf(walkChunk(chunk, isHidden)));
    expect(chunked).toEqual(whole);
    expect(whole).toContain('Foot 299 note');
    // findChunks leaves the skip test to the reader: the nav and the hidden block come back, flagged.
    const raw: Element[] = [];
    for (const _tick of findChunks(document.body, isHidden, raw));
    const flagged = raw.filter((chunk) => isSkippedChunk(chunk, isHidden)).map((chunk) => chunk.localName);
    expect(flagged.sort()).toEqual(['div', 'nav']);
    expect(raw.filter((chunk) => !isSkippedChunk(chunk, isHidden))).toEqual(chunks);
    expect(whole.join('\n')).not.toMatch(/never read/);
  });

  it('keeps a container with loose text whole, so its text is not cut at chunk edges', () => {
    loadBigPage();
    const chunks = splitIntoChunks(document.body, isHidden);
    const loose = chunks.find((chunk) => chunk.textContent?.startsWith('Loose text before'));
    expect(loose?.localName).toBe('div');
    expect(textsOf(walkChunk(loose!, isHidden))).toContain('Loose text before blocks. ');
  });

  it('returns the root alone for a small page, and a plain block chunk keeps its offset map', () => {
    load(document, '<body><main><p>One <b>short</b> paragraph here.</p></main></body>');
    expect(splitIntoChunks(document.body, isHidden)).toEqual([document.body]);
    const p = document.querySelector('p')!;
    const [segment] = textsOf(walkChunk(p, isHidden));
    expect(segment).toBe('One short paragraph here.');
    const [sentence] = [...walkChunk(p, isHidden)].flatMap((s) =>
      s ? splitSegment(s, { minSentenceChars: 1 }) : [],
    );
    expect(createSentenceRange(document, sentence!)?.toString()).toBe('One short paragraph here.');
  });
});
