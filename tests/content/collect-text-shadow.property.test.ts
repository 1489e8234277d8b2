/**
 * Property tests for the flat-tree walk of src/content/collect-text.ts under happy-dom: random
 * trees with open shadow roots, named and default slots (with fallback content), slotted and
 * unslotted light children and skipped elements. The iterative walk is compared with a plain
 * recursive reading of the flat tree (so unslotted light children are never read); the offset map
 * must round-trip; skipped text must never be read; every Range made must hold exactly its
 * sentence's text; the walk must not change the DOM.
 */
import fc from 'fast-check';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import {
  collectSentences,
  createSentenceRange,
  locateOffset,
  offsetOf,
  type TextSegment,
  walkSegments,
} from '../../src/content/collect-text.ts';
import { checkProperty, hostileTextArb } from '../support/fuzz.ts';

type Spec =
  | { text: string }
  | { tag: string; slot?: string; skipped?: boolean; children: Spec[] }
  | { slotName: string | null; fallback: Spec[] }
  | { host: string; slot?: string; shadow: Spec[]; light: Spec[] };

const SLOT_NAMES = ['a', 'b'];
const FLOW_TAGS = ['p', 'span', 'em', 'div', 'section', 'li', 'b'];
const BLOCKS = new Set(['p', 'div', 'section', 'li', 'br']);
/** Text only inside skipped elements (also inside shadow roots and slots): it must never be read. */
const NEVER = 'QZXNEVERQZX';

const textArb: fc.Arbitrary<Spec> = hostileTextArb.map((text) => ({ text: text.replaceAll(NEVER, '') }));
const slotAttrArb = fc.option(fc.constantFrom(...SLOT_NAMES, 'nowhere'), { nil: undefined });

const treeArb: fc.Arbitrary<Spec[]> = fc.letrec<{ node: Spec; nodes: Spec[] }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: textArb },
    {
      weight: 3,
      arbitrary: fc.record({
        tag: fc.constantFrom(...FLOW_TAGS),
        slot: slotAttrArb,
        children: tie('nodes'),
      }) as fc.Arbitrary<Spec>,
    },
    { weight: 1, arbitrary: fc.constant<Spec>({ tag: 'br', children: [] }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('nav', 'script', 'aside').map(
        (tag): Spec => ({
          tag,
          skipped: true,
          children: [{ text: `${NEVER} The United States has troops.` }],
        }),
      ),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        slotName: fc.option(fc.constantFrom(...SLOT_NAMES), { nil: null }),
        fallback: tie('nodes'),
      }) as fc.Arbitrary<Spec>,
    },
    {
      weight: 2,
      arbitrary: fc.record({
        host: fc.constantFrom('x-story', 'div', 'span'),
        slot: slotAttrArb,
        shadow: tie('nodes'),
        light: tie('nodes'),
      }) as fc.Arbitrary<Spec>,
    },
  ),
  nodes: fc.array(tie('node'), { maxLength: 5 }),
})).nodes;

const window = new Window({ url: 'http://127.0.0.1/' });
const doc = window.document as unknown as Document;
afterAll(() => window.happyDOM.close());

function build(parent: Node, specs: readonly Spec[]): void {
  for (const spec of specs) {
    if ('text' in spec) {
      parent.appendChild(doc.createTextNode(spec.text));
    } else if ('slotName' in spec) {
      const slot = doc.createElement('slot');
      if (spec.slotName !== null) slot.setAttribute('name', spec.slotName);
      build(slot, spec.fallback);
      parent.appendChild(slot);
    } else if ('host' in spec) {
      const host = doc.createElement(spec.host);
      if (spec.slot) host.setAttribute('slot', spec.slot);
      build(host.attachShadow({ mode: 'open' }), spec.shadow);
      build(host, spec.light);
      parent.appendChild(host);
    } else {
      const element = doc.createElement(spec.tag);
      if (spec.slot) element.setAttribute('slot', spec.slot);
      build(element, spec.children);
      parent.appendChild(element);
    }
  }
}

/**
 * Builds the tree. Browsers assign a node to the first slot of its name only; happy-dom assigns it
 * to every slot of that name, so trees where that differs are discarded (fc.pre) rather than read.
 */
function render(specs: readonly Spec[]): HTMLElement {
  doc.body.replaceChildren();
  const root = doc.createElement('main');
  build(root, specs);
  doc.body.appendChild(root);
  fc.pre(hasUniqueAssignment(root));
  return root;
}

function hasUniqueAssignment(root: Element): boolean {
  const seen = new Set<Node>();
  const visit = (scope: Element | ShadowRoot): boolean => {
    for (const element of scope.querySelectorAll('*')) {
      if (element.localName === 'slot') {
        for (const node of (element as HTMLSlotElement).assignedNodes()) {
          if (seen.has(node)) return false;
          seen.add(node);
        }
      }
      if (element.shadowRoot && !visit(element.shadowRoot)) return false;
    }
    return true;
  };
  return visit(root);
}

const visible = () => false;
const SKIPPED_TAGS = new Set(['nav', 'script', 'aside']);

/** The reference: the flat tree read recursively, text runs cut at blocks and skipped elements. */
function readReference(root: Element): string[] {
  const runs: string[] = [''];
  const cut = (): void => {
    runs.push('');
  };
  const visit = (node: Node): void => {
    if (node.nodeType === 3) {
      runs[runs.length - 1] += (node as Text).data;
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    if (SKIPPED_TAGS.has(element.localName)) {
      cut();
      return;
    }
    const block = BLOCKS.has(element.localName);
    if (block) cut();
    readChildren(element);
    if (block) cut();
  };
  const readChildren = (element: Element): void => {
    if (element.shadowRoot) {
      for (const child of element.shadowRoot.childNodes) visit(child);
      return;
    }
    if (element.localName === 'slot') {
      const assigned = (element as HTMLSlotElement).assignedNodes();
      if (assigned.length > 0) {
        for (const child of assigned) visit(child);
        return;
      }
    }
    for (const child of element.childNodes) visit(child);
  };
  readChildren(root);
  return runs.filter((run) => /\S/.test(run));
}

function segmentsOf(root: Node): TextSegment[] {
  const out: TextSegment[] = [];
  for (const segment of walkSegments(root, visible)) if (segment) out.push(segment);
  return out;
}

describe('collect-text flat-tree walk: fuzzed shadow roots and slots under happy-dom', () => {
  it('reads exactly what a recursive reading of the flat tree reads, in the same runs', () => {
    checkProperty(
      'flat walk = recursive reference',
      fc.property(treeArb, (specs) => {
        const root = render(specs);
        expect(segmentsOf(root).map((segment) => segment.text)).toEqual(readReference(root));
      }),
      { numRuns: 300 },
    );
  });

  it('segment text is its nodes’ data at the recorded starts, and every offset round-trips', () => {
    checkProperty(
      'flat walk offset map',
      fc.property(treeArb, (specs) => {
        const root = render(specs);
        for (const segment of segmentsOf(root)) {
          let expected = '';
          segment.nodes.forEach((node, i) => {
            expect(segment.starts[i]).toBe(expected.length);
            expected += node.data;
          });
          expect(segment.text).toBe(expected);
          for (let offset = 0; offset <= segment.text.length; offset++) {
            const position = locateOffset(segment, offset, offset % 2 === 0)!;
            expect(offsetOf(segment, position.node, position.offset)).toBe(offset);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('never reads skipped text, and every Range made holds exactly its sentence', () => {
    checkProperty(
      'flat walk ranges',
      fc.property(treeArb, (specs) => {
        const root = render(specs);
        const before = root.outerHTML;
        for (const sentence of collectSentences(doc, { isHidden: visible, minSentenceChars: 1 })) {
          expect(sentence.text).not.toContain(NEVER);
          const range = createSentenceRange(doc, sentence);
          if (range) expect(range.toString()).toBe(sentence.segment.text.slice(sentence.start, sentence.end));
        }
        expect(root.outerHTML).toBe(before);
      }),
      { numRuns: 200 },
    );
  });
});
