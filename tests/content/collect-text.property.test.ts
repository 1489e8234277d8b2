/**
 * Property tests for src/content/collect-text.ts, the content script's DOM text-offset map, under
 * happy-dom: random trees of inline, block and skipped elements holding hostile Unicode and markup
 * text. Checks that nothing throws, the map round-trips offsets to the same text (segment text →
 * Text nodes → DOM Range → text), skipped subtrees never leak, the DOM is left untouched, quotes
 * anchor back to their sentence, and the walk is linear in the number of nodes.
 */
import fc from 'fast-check';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import {
  anchorQuote,
  collectSentences,
  createSentenceRange,
  locateOffset,
  offsetOf,
  type TextSegment,
  walkSegments,
} from '../../src/content/collect-text.ts';
import { checkProperty, hostileTextArb, measureScaling } from '../support/fuzz.ts';

type Spec = { text: string } | { tag: string; attrs?: Record<string, string>; children: Spec[] };

const FLOW_TAGS = [
  'p',
  'span',
  'em',
  'b',
  'a',
  'div',
  'section',
  'article',
  'h2',
  'li',
  'blockquote',
  'pre',
  'code',
  'td',
];
const SKIPPED: { tag: string; attrs?: Record<string, string> }[] = [
  { tag: 'script' },
  { tag: 'style' },
  { tag: 'nav' },
  { tag: 'header' },
  { tag: 'footer' },
  { tag: 'aside' },
  { tag: 'textarea' },
  { tag: 'button' },
  { tag: 'template' },
  { tag: 'noscript' },
  { tag: 'div', attrs: { hidden: '' } },
  { tag: 'div', attrs: { 'aria-hidden': 'true' } },
  { tag: 'div', attrs: { contenteditable: 'true' } },
  { tag: 'div', attrs: { role: 'navigation' } },
  { tag: 'div', attrs: { 'data-crosscheck-ui': '' } },
];
/** Text that appears only inside skipped elements; it must never reach a segment. */
const SKIP_MARKER = 'QZXSKIPPEDQZX';

const textArb: fc.Arbitrary<Spec> = hostileTextArb.map((text) => ({ text }));

const treeArb: fc.Arbitrary<Spec[]> = fc.letrec<{ node: Spec; nodes: Spec[] }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: textArb },
    {
      weight: 3,
      arbitrary: fc.record({
        tag: fc.constantFrom(...FLOW_TAGS),
        children: tie('nodes'),
      }) as fc.Arbitrary<Spec>,
    },
    { weight: 1, arbitrary: fc.constant<Spec>({ tag: 'br', children: [] }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...SKIPPED).map(
        (s): Spec => ({
          ...s,
          children: [{ text: `${SKIP_MARKER} The United States has about 5,000 troops in Iraq.` }],
        }),
      ),
    },
  ),
  nodes: fc.array(tie('node'), { maxLength: 6 }),
})).nodes;

const window = new Window({ url: 'http://127.0.0.1/' });
const doc = window.document as unknown as Document;
afterAll(() => window.happyDOM.close());

function build(parent: Node, specs: readonly Spec[]): void {
  for (const spec of specs) {
    if ('text' in spec) {
      parent.appendChild(doc.createTextNode(spec.text));
      continue;
    }
    const el = doc.createElement(spec.tag);
    for (const [k, v] of Object.entries(spec.attrs ?? {})) el.setAttribute(k, v);
    build(spec.tag === 'template' ? (el as HTMLTemplateElement).content : el, spec.children);
    parent.appendChild(el);
  }
}

function render(specs: readonly Spec[]): HTMLElement {
  doc.body.replaceChildren();
  const root = doc.createElement('main');
  build(root, specs);
  doc.body.appendChild(root);
  return root;
}

const visible = () => false;

function segmentsOf(root: Node): TextSegment[] {
  const out: TextSegment[] = [];
  for (const s of walkSegments(root, visible)) if (s) out.push(s);
  return out;
}

describe('collect-text offset map: fuzzed under happy-dom', () => {
  it('segment text is exactly the concatenation of its Text nodes, at the recorded starts', () => {
    checkProperty(
      'segments concat + starts',
      fc.property(treeArb, (specs) => {
        const root = render(specs);
        for (const segment of segmentsOf(root)) {
          expect(segment.nodes.length).toBe(segment.starts.length);
          let expected = '';
          segment.nodes.forEach((node, i) => {
            expect(segment.starts[i]).toBe(expected.length);
            expected += node.data;
          });
          expect(segment.text).toBe(expected);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('every offset round-trips: offsetOf(locateOffset(o)) === o', () => {
    checkProperty(
      'locateOffset/offsetOf round-trip',
      fc.property(treeArb, (specs) => {
        const root = render(specs);
        for (const segment of segmentsOf(root)) {
          for (let o = 0; o <= segment.text.length; o++) {
            for (const preferEnd of [false, true]) {
              const pos = locateOffset(segment, o, preferEnd);
              expect(pos).not.toBeNull();
              expect(offsetOf(segment, pos!.node, pos!.offset)).toBe(o);
            }
          }
          expect(locateOffset(segment, -1)).toBeNull();
          expect(locateOffset(segment, segment.text.length + 1)).toBeNull();
        }
      }),
      { numRuns: 200 },
    );
  });

  it('each sentence maps to a DOM Range whose text is the raw sentence, collapsing to sentence.text', () => {
    checkProperty(
      'sentence range round-trip',
      fc.property(treeArb, (specs) => {
        render(specs);
        for (const sentence of collectSentences(doc, { isHidden: visible })) {
          const raw = sentence.segment.text.slice(sentence.start, sentence.end);
          const range = createSentenceRange(doc, sentence);
          expect(range).not.toBeNull();
          expect(range!.toString()).toBe(raw);
          expect(raw.replace(/\s+/g, ' ').trim()).toBe(sentence.text);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('text inside skipped elements (script, nav, hidden, contenteditable, own UI, …) never reaches a segment', () => {
    checkProperty(
      'skipped subtrees never read',
      fc.property(treeArb, (specs) => {
        const root = render(specs);
        for (const segment of segmentsOf(root)) expect(segment.text).not.toContain(SKIP_MARKER);
      }),
      { numRuns: 300 },
    );
  });

  it('reading the page leaves its DOM unchanged', () => {
    checkProperty(
      'collect does not mutate',
      fc.property(treeArb, (specs) => {
        const root = render(specs);
        const before = root.outerHTML;
        const sentences = collectSentences(doc, { isHidden: visible });
        for (const s of sentences) createSentenceRange(doc, s);
        expect(root.outerHTML).toBe(before);
      }),
      { numRuns: 200 },
    );
  });

  it('a collected sentence anchors back into its segment, exactly or ignoring whitespace and case', () => {
    checkProperty(
      'anchorQuote finds collected sentences',
      fc.property(treeArb, (specs) => {
        render(specs);
        for (const sentence of collectSentences(doc, { isHidden: visible })) {
          const found = anchorQuote(sentence.segment, sentence.text);
          expect(found).not.toBeNull();
          const raw = sentence.segment.text.slice(found!.start, found!.end);
          expect(raw.replace(/\s+/g, ' ').trim().toLowerCase()).toBe(sentence.text.toLowerCase());
        }
      }),
      { numRuns: 300 },
    );
  });

  // Regression for notes/robustness-findings.md finding C1 (fixed by C in c3003d6): anchorQuote folds the quote per code point
  // (Array.from) but the page text per UTF-16 unit, so a cased astral letter (Deseret, Osage, Adlam…)
  // defeats the whitespace/case-insensitive step: 'The letter 𐒰 reached Iraq on Friday\nwith the troops.'
  // is not found by its own collected sentence (same text with a space), so it could not be anchored.
  it('sentences with astral cased letters anchor back too (finding C1)', () => {
    checkProperty(
      'anchorQuote with astral cased letters',
      fc.property(
        fc.constantFrom('\u{104B0}', '\u{10400}', '\u{1E900}'),
        fc.constantFrom('\n', '  ', '\t'),
        (letter, space) => {
          render([
            {
              tag: 'p',
              children: [{ text: `The letter ${letter} reached Iraq on Friday${space}with the troops.` }],
            },
          ]);
          const sentences = collectSentences(doc, { isHidden: visible });
          expect(sentences).toHaveLength(1);
          expect(anchorQuote(sentences[0]!.segment, sentences[0]!.text)).not.toBeNull();
        },
      ),
      { numRuns: 30 },
    );
  });

  /** Markup as a page would serve it: tags, comments, entities, broken nesting, parsed by the HTML parser. */
  const markupArb = fc
    .array(
      fc.oneof(
        hostileTextArb.map((t) => t.replace(/[<&]/g, ' ')),
        fc.constantFrom(
          '<p>',
          '</p>',
          '<div>',
          '</div>',
          '<br>',
          '<span>',
          '</span>',
          '<em>',
          '</em>',
          '<table><tr><td>',
          '</td></tr></table>',
          '<ul><li>',
          '</li></ul>',
          '<!-- comment -->',
          '<![CDATA[ x ]]>',
          '&amp;',
          '&nbsp;',
          '&#x200B;',
          '&lt;script&gt;',
          '<script>var hidden = "QZXSKIPPEDQZX";</script>',
          '<style>.x{content:"QZXSKIPPEDQZX"}</style>',
          '<nav>QZXSKIPPEDQZX</nav>',
          '<textarea>QZXSKIPPEDQZX</textarea>',
          '<p hidden>QZXSKIPPEDQZX</p>',
          '<pre>  keep   spaces  </pre>',
          '<wbr>',
          '<b><i>misnested</b></i>',
          'The United States has about 5,000 troops in Iraq.',
        ),
      ),
      { maxLength: 40 },
    )
    .map((parts) => parts.join(''));

  it('markup parsed by the HTML parser: offsets round-trip, skipped text never read, DOM untouched', () => {
    checkProperty(
      'parsed markup round-trip',
      fc.property(markupArb, (html) => {
        doc.body.innerHTML = `<main>${html}</main>`;
        const root = doc.body.firstElementChild as HTMLElement;
        const before = doc.body.innerHTML;
        for (const sentence of collectSentences(doc, { isHidden: visible })) {
          const raw = sentence.segment.text.slice(sentence.start, sentence.end);
          expect(createSentenceRange(doc, sentence)!.toString()).toBe(raw);
          expect(raw.replace(/\s+/g, ' ').trim()).toBe(sentence.text);
        }
        for (const segment of segmentsOf(root)) expect(segment.text).not.toContain(SKIP_MARKER);
        expect(doc.body.innerHTML).toBe(before);
      }),
      { numRuns: 300 },
    );
  });

  it('walk and collection time grow at most linearly with the number of nodes', () => {
    const makeTree = (paragraphs: number) => {
      const specs: Spec[] = [];
      for (let i = 0; i < paragraphs; i++) {
        specs.push({
          tag: 'p',
          children: [
            { text: 'The United States has about 5,000 troops in Iraq. ' },
            {
              tag: 'em',
              children: [{ text: 'Esper said there had been no decision whatsoever to leave Iraq.' }],
            },
            { tag: 'script', children: [{ text: 'var x = 1;' }] },
            { text: ' e\u0301\u200B😀 العراق.' },
          ],
        });
      }
      return render(specs);
    };
    const run = (root: HTMLElement) => collectSentences(doc, { root, isHidden: visible }).length;
    for (const n of [250, 500]) {
      const r = measureScaling(`collectSentences(${n} paragraphs)`, run, makeTree, n, 2, 4);
      expect(r.ratio).toBeLessThanOrEqual(r.limit);
    }
  });
});
