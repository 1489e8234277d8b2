/**
 * Reads the article's own text out of a DOM and keeps a text-offset map back to it, in the manner
 * of Hypothesis' anchoring: every segment (one block of flowing text) records which Text node
 * starts at which character offset, so any [start, end) in the segment's text maps back to a DOM
 * Range and any DOM position maps to an offset.
 *
 * The walk follows the flat tree, as the page is rendered: an element with an open shadow root is
 * read through its shadow root (its light children only where a <slot> places them), and a slot is
 * read as its assigned nodes, or as its fallback children when nothing is assigned. Closed shadow
 * roots and frames are not read. On a page without shadow roots this is exactly the document walk.
 *
 * Pure DOM code with no extension API: the content script and the engine's CLI (under happy-dom)
 * share it. The document is always passed in. Must keep true:
 * - `segment.text` is exactly the concatenation of its nodes' data, so offsets round-trip;
 * - page chrome (scripts, styles, navigation, header/footer/aside, hidden elements, form fields,
 *   contenteditable regions) and Crosscheck's own UI never contribute text;
 * - the walk is iterative and linear in the number of nodes, and yields regularly so callers can
 *   split it across idle slices;
 * - the chunks of a big page (`findChunks`), read one by one, give exactly the segments of the
 *   whole walk, so a caller may read only some of them;
 * - a segment may hold Text nodes from different trees (slotted light text beside shadow text),
 *   but a Range is only made when it holds exactly the span's text (`createSegmentRange`).
 */
import { splitSentences } from '../engine/split-sentences.ts';
import { TEXT_BLOCK_TAGS } from '../shared/block-tags.ts';

/** Marks Crosscheck's own UI (the hover card host). Its subtree is never read. */
export const OWN_UI_ATTRIBUTE = 'data-crosscheck-ui';

/** Elements whose subtree is never article text, by localName. */
const SKIPPED_TAGS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'canvas',
  'svg',
  'math',
  'input',
  'textarea',
  'select',
  'option',
  'button',
  'label',
  'nav',
  'header',
  'footer',
  'aside',
  'dialog',
  'crosscheck-card',
]);

/** ARIA landmark roles that mark page chrome rather than the article. */
const SKIPPED_ROLES: ReadonlySet<string> = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'search',
  'menu',
  'menubar',
  'toolbar',
  'dialog',
  'alertdialog',
]);

/** Sentences shorter than this (after collapsing whitespace) are not worth checking. */
const DEFAULT_MIN_SENTENCE_CHARS = 20;
/** Longer "sentences" are run-on text (lists, tickers); the matcher cannot use them. */
const DEFAULT_MAX_SENTENCE_CHARS = 1_000;
/** The walk yields a tick after this many nodes so a caller can check its time budget. */
const NODES_PER_TICK = 250;

/** One run of flowing text and the map from its character offsets to Text nodes. */
export interface TextSegment {
  text: string;
  nodes: Text[];
  /** `starts[i]` is the offset in `text` where `nodes[i].data` begins. Ascending. */
  starts: number[];
}

export interface CollectedSentence {
  /** The sentence as a reader sees it: whitespace collapsed and trimmed. Sent for matching. */
  text: string;
  segment: TextSegment;
  /** Offsets into `segment.text`; `segment.text.slice(start, end)` is the raw sentence. */
  start: number;
  end: number;
}

export interface CollectOptions {
  /** Where to start reading. Defaults to `doc.body` (or the document element). */
  root?: Node;
  /** Overrides the visibility test. The default uses checkVisibility or computed style. */
  isHidden?: (element: Element) => boolean;
  minSentenceChars?: number;
  maxSentenceChars?: number;
}

function isSkippedElement(element: Element, isHidden: (element: Element) => boolean): boolean {
  if (SKIPPED_TAGS.has(element.localName)) return true;
  // Fast path for the common case: an element with no attributes cannot be our UI, a landmark,
  // editable or [hidden], and is only hidden by tag-only CSS rules, which articles do not use.
  if (!element.hasAttributes()) return false;
  if (
    element.hasAttribute(OWN_UI_ATTRIBUTE) ||
    element.hasAttribute('hidden') ||
    element.hasAttribute('inert') ||
    element.getAttribute('aria-hidden') === 'true'
  ) {
    return true;
  }
  const role = element.getAttribute('role');
  if (role !== null && SKIPPED_ROLES.has(role.trim().toLowerCase())) return true;
  const editable = element.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  return isHidden(element);
}

/**
 * Default visibility test: the element is not rendered (display: none, visibility: hidden, …).
 * checkVisibility() calls every box-less element invisible, and that includes `display: contents`
 * ones: every <slot> by default, and shadow hosts styled `:host { display: contents }`. Their
 * children are rendered, so such an element counts as hidden only by its own visibility (a
 * display: none ancestor was already skipped by the walk).
 */
export function createHiddenTest(doc: Document): (element: Element) => boolean {
  const view = doc.defaultView;
  return (element) => {
    const withVisibility = element as Element & {
      checkVisibility?: (options?: { visibilityProperty?: boolean }) => boolean;
    };
    if (typeof withVisibility.checkVisibility === 'function') {
      if (withVisibility.checkVisibility({ visibilityProperty: true })) return false;
      if (!view) return true;
      const style = view.getComputedStyle(element);
      return style.display !== 'contents' || style.visibility === 'hidden' || style.visibility === 'collapse';
    }
    if (!view) return false;
    const style = view.getComputedStyle(element);
    return style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse';
  };
}

/**
 * Inline elements that, without attributes, neither split nor hide text. Anything else inside a
 * block (nested blocks, skipped elements, unknown or custom elements) sends it down the full walk.
 * Ordered by how often articles use them: `:not()` stops at the first tag that matches.
 */
const PLAIN_INLINE_TAGS = [
  'span',
  'a',
  'em',
  'strong',
  'b',
  'i',
  'small',
  'code',
  'q',
  'cite',
  'abbr',
  'mark',
  'time',
  'sub',
  'sup',
  'u',
  's',
  'del',
  'ins',
  'dfn',
  'kbd',
  'samp',
  'var',
  'bdi',
  'bdo',
  'data',
  'wbr',
  'img',
];

/**
 * Descendants that make a block need the full walk: any element that is not plain inline markup,
 * and elements carrying attributes that can hide them or mark them as ours. Matching is native
 * (querySelector), so deciding costs one call per block; a short selector list keeps that call
 * cheap (the 60-entry list it replaces was a quarter of the huge page's content-script time).
 */
const NOT_PLAIN_SELECTOR = [
  `:not(${PLAIN_INLINE_TAGS.join(',')})`,
  '[class]',
  '[style]',
  '[id]',
  '[hidden]',
  '[inert]',
  '[aria-hidden]',
  '[role]',
  '[contenteditable]',
  `[${OWN_UI_ATTRIBUTE}]`,
].join(',');

/**
 * True when every descendant of `block` is inline, attribute-free text markup, and neither the
 * block nor any descendant hosts a shadow root (its textContent would then be the light text, not
 * what is rendered). Of the plain inline tags only <span> can host a shadow root.
 */
function isPlainBlock(block: Element): boolean {
  if (block.shadowRoot || block.querySelector(NOT_PLAIN_SELECTOR) !== null) return false;
  const spans = block.getElementsByTagName('span');
  for (let i = 0; i < spans.length; i++) if (spans[i]!.shadowRoot) return false;
  return true;
}

/**
 * A segment for a plain block whose text was read in one call. Its node map is built on first
 * use (only blocks with a matched sentence ever need it). If the block changed since its text was
 * read, the map comes out empty, so no stale Range is ever made from it.
 */
function createBlockSegment(block: Element, text: string): TextSegment {
  let nodes: Text[] | null = null;
  let starts: number[] = [];
  const build = (): Text[] => {
    const found: Text[] = [];
    const offsets: number[] = [];
    let offset = 0;
    const walker = (block.ownerDocument ?? document).createTreeWalker(block, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const data = (node as Text).data;
      if (data.length === 0) continue;
      found.push(node as Text);
      offsets.push(offset);
      offset += data.length;
    }
    const same = offset === text.length && found.map((node) => node.data).join('') === text;
    nodes = same ? found : [];
    starts = same ? offsets : [];
    return nodes;
  };
  return {
    text,
    get nodes() {
      return nodes ?? build();
    },
    get starts() {
      if (nodes === null) build();
      return starts;
    },
  };
}

/**
 * One list of sibling nodes the walk is reading: a child list read through `nextSibling` (the
 * children of `parent`), or the nodes assigned to a slot (`items`). `owner` is the element the walk
 * goes back to when the list is done: the shadow host or the slot.
 */
interface WalkFrame {
  parent: Node | null;
  items: readonly Node[] | null;
  index: number;
  owner: Node | null;
}

/** Called with each open shadow root the walk enters, so a caller can watch it for changes. */
export type ShadowRootListener = (shadowRoot: ShadowRoot) => void;

/** The slot's assigned nodes, or an empty list when it has none (or is not in a shadow tree). */
function readAssignedNodes(slot: Element): readonly Node[] {
  const withAssigned = slot as Element & { assignedNodes?: () => Node[] };
  return typeof withAssigned.assignedNodes === 'function' ? withAssigned.assignedNodes() : [];
}

/**
 * Walks the flat tree under `root` in rendered order and yields each segment of flowing text, plus
 * `undefined` ticks every few hundred nodes. Subtrees of skipped elements are never entered.
 * Open shadow roots are entered (and reported to `onShadowRoot`); slots are read where they stand.
 */
export function* walkSegments(
  root: Node,
  isHidden: (element: Element) => boolean,
  onShadowRoot?: ShadowRootListener,
): Generator<TextSegment | undefined> {
  let current: TextSegment = { text: '', nodes: [], starts: [] };
  let hasText = false;
  let visited = 0;
  /** Ends the current segment; returns it when it holds visible text. */
  const take = (): TextSegment | null => {
    const done = hasText ? current : null;
    if (current.nodes.length > 0) current = { text: '', nodes: [], starts: [] };
    hasText = false;
    return done;
  };

  // The lists being read, innermost last. Each node is visited once, so the walk stays linear.
  const frames: WalkFrame[] = [];
  let frame: WalkFrame = { parent: null, items: [root], index: 0, owner: null };
  /** The first node of `element`'s flat-tree children, entering a new list when it has to. */
  const enter = (element: Element): Node | null => {
    const shadowRoot = element.shadowRoot;
    if (shadowRoot) {
      onShadowRoot?.(shadowRoot);
      if (!shadowRoot.firstChild) return null;
      frames.push(frame);
      frame = { parent: shadowRoot, items: null, index: 0, owner: element };
      return shadowRoot.firstChild;
    }
    if (element.localName === 'slot') {
      const assigned = readAssignedNodes(element);
      if (assigned.length > 0) {
        frames.push(frame);
        frame = { parent: null, items: assigned, index: 0, owner: element };
        return assigned[0]!;
      }
    }
    return element.firstChild;
  };

  // The root is read as a list of one, so the walk ends when it climbs back to it.
  let node: Node | null = root.nodeType === 1 ? enter(root as Element) : root.firstChild;
  if (root.nodeType !== 1) frame = { parent: root, items: null, index: 0, owner: null };
  while (node) {
    if (++visited % NODES_PER_TICK === 0) yield undefined;
    let descend: Node | null = null;
    const type = node.nodeType;
    if (type === 3) {
      const data = (node as Text).data;
      if (data.length > 0) {
        current.nodes.push(node as Text);
        current.starts.push(current.text.length);
        current.text += data;
        if (!hasText && /\S/.test(data)) hasText = true;
      }
    } else if (type === 1) {
      const element = node as Element;
      if (isSkippedElement(element, isHidden)) {
        // A skipped element still separates the text around it.
        const segment = take();
        if (segment) yield segment;
      } else if (TEXT_BLOCK_TAGS.has(element.localName)) {
        const segment = take();
        if (segment) yield segment;
        // An empty block still ends the segment on both sides.
        if (element.firstChild && isPlainBlock(element)) {
          // Fast path: one native read for the whole block instead of visiting every node in it.
          const text = element.textContent ?? '';
          if (/\S/.test(text)) yield createBlockSegment(element, text);
        } else {
          descend = enter(element);
        }
      } else {
        descend = enter(element);
      }
    }
    if (descend) {
      node = descend;
      continue;
    }
    // Climb until a next node exists, closing blocks on the way up and leaving finished lists.
    for (;;) {
      if (node.nodeType === 1 && TEXT_BLOCK_TAGS.has((node as Element).localName)) {
        const segment = take();
        if (segment) yield segment;
      }
      let next: Node | null = null;
      if (frame.items !== null && node === frame.items[frame.index]) {
        // A slot's assigned node (or the root) is done: its light siblings are not read from here.
        frame.index += 1;
        next = frame.items[frame.index] ?? null;
        if (next) {
          node = next;
          break;
        }
      } else {
        next = node.nextSibling;
        if (next) {
          node = next;
          break;
        }
        const parent: Node | null = node.parentNode;
        // A node removed while the walk was paused ends the walk; the next scan reads it afresh.
        if (parent === null) return yield* finish();
        if (parent !== frame.parent) {
          node = parent;
          continue;
        }
      }
      // The list is done: go back to its owner (shadow host or slot) in the enclosing list.
      const owner = frame.owner;
      const outer = frames.pop();
      if (owner === null || outer === undefined) return yield* finish();
      node = owner;
      frame = outer;
    }
  }
  return yield* finish();

  function* finish(): Generator<TextSegment> {
    const last = take();
    if (last) yield last;
  }
}

/** A container is read as one chunk when it has at most this many element descendants. */
const CHUNK_MAX_ELEMENTS = 400;
/** `findChunks` yields a tick after this many children of a split container. */
const CHUNKS_PER_TICK = 50;

/** True when `element`'s children are only blocks, skipped elements and whitespace. */
function isSplittable(element: Element): boolean {
  for (let node = element.firstChild; node; node = node.nextSibling) {
    const type = node.nodeType;
    if (type === 3) {
      if (/\S/.test((node as Text).data)) return false;
    } else if (type === 1) {
      const name = (node as Element).localName;
      if (!TEXT_BLOCK_TAGS.has(name) && !SKIPPED_TAGS.has(name)) return false;
    }
  }
  return true;
}

/**
 * Splits the tree under `root` into chunks: elements whose segments together are exactly the
 * segments `walkSegments(root)` yields, so each chunk can be read on its own and in any order
 * (e.g. only once it comes near the viewport). Only containers holding nothing but blocks and
 * whitespace are split, because blocks already end segments; skipped children are dropped, and
 * a shadow host is never split (its light children are read only where its slots place them).
 * Returns `[root]` when the tree is small or cannot be split.
 */
export function splitIntoChunks(root: Element, isHidden: (element: Element) => boolean): Element[] {
  const chunks: Element[] = [];
  for (const _tick of findChunks(root, isHidden, chunks));
  return chunks.filter((chunk) => chunk === root || !isSkippedChunk(chunk, isHidden));
}

/**
 * True when a chunk from `findChunks` is skipped (page chrome, hidden, ours). `findChunks` leaves
 * this test to the reader, so the thousands of chunks never read cost no style lookups.
 */
export function isSkippedChunk(chunk: Element, isHidden: (element: Element) => boolean): boolean {
  return isSkippedElement(chunk, isHidden);
}

/**
 * `splitIntoChunks` as a walk that appends to `chunks` and yields a tick every few dozen
 * children, so a caller can spread a page of thousands of chunks over idle slices. Chunks other
 * than `element` itself may be skipped elements: test each with `isSkippedChunk` before reading.
 */
export function* findChunks(
  element: Element,
  isHidden: (element: Element) => boolean,
  chunks: Element[],
  isRoot = true,
): Generator<undefined> {
  // A shadow host renders its shadow tree, not its light children: it is never split by them.
  if (
    element.shadowRoot ||
    element.getElementsByTagName('*').length <= CHUNK_MAX_ELEMENTS ||
    !isSplittable(element)
  ) {
    chunks.push(element);
    return;
  }
  // A skipped container is dropped whole rather than split into chunks that look readable.
  if (!isRoot && isSkippedElement(element, isHidden)) return;
  yield undefined;
  let visited = 0;
  for (let child = element.firstElementChild; child; child = child.nextElementSibling) {
    yield* findChunks(child, isHidden, chunks, false);
    if (++visited % CHUNKS_PER_TICK === 0) yield undefined;
  }
}

/** The segments of one chunk from `splitIntoChunks`: a plain block is read in one call. */
export function* walkChunk(
  chunk: Element,
  isHidden: (element: Element) => boolean,
  onShadowRoot?: ShadowRootListener,
): Generator<TextSegment | undefined> {
  if (TEXT_BLOCK_TAGS.has(chunk.localName) && chunk.firstChild && isPlainBlock(chunk)) {
    const text = chunk.textContent ?? '';
    if (/\S/.test(text)) yield createBlockSegment(chunk, text);
    return;
  }
  yield* walkSegments(chunk, isHidden, onShadowRoot);
}

/** Splits one segment into checkable sentences. */
export function splitSegment(segment: TextSegment, options: CollectOptions = {}): CollectedSentence[] {
  const min = options.minSentenceChars ?? DEFAULT_MIN_SENTENCE_CHARS;
  const max = options.maxSentenceChars ?? DEFAULT_MAX_SENTENCE_CHARS;
  const sentences: CollectedSentence[] = [];
  // HTML source line breaks are spaces to a reader; the splitter would treat them as breaks.
  // Replacing them one for one keeps every offset valid.
  const raw = segment.text;
  const flat = /[\n\r\t\f\v]/.test(raw) ? raw.replace(/[\n\r\t\f\v]/g, ' ') : raw;
  for (const span of splitSentences(flat)) {
    // Most sentences need no collapsing; testing first avoids building a copy of each.
    const text = /\s\s|^\s|\s$|[^\S ]/.test(span.text) ? span.text.replace(/\s+/g, ' ').trim() : span.text;
    if (text.length < min || text.length > max || !/\p{L}/u.test(text)) continue;
    sentences.push({ text, segment, start: span.start, end: span.end });
  }
  return sentences;
}

/** All checkable sentences under `options.root` (default: the body), in document order. */
export function collectSentences(doc: Document, options: CollectOptions = {}): CollectedSentence[] {
  const root = options.root ?? doc.body ?? doc.documentElement;
  if (!root) return [];
  const isHidden = options.isHidden ?? createHiddenTest(doc);
  const sentences: CollectedSentence[] = [];
  for (const segment of walkSegments(root, isHidden)) {
    if (segment) sentences.push(...splitSegment(segment, options));
  }
  return sentences;
}

/** Index of the node holding `offset`. At a boundary, `preferEnd` picks the earlier node. */
function findNodeIndex(segment: TextSegment, offset: number, preferEnd: boolean): number {
  let low = 0;
  let high = segment.starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    const start = segment.starts[mid]!;
    if (start < offset || (!preferEnd && start === offset)) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The DOM position of a character offset in the segment. `null` when the offset is out of range. */
export function locateOffset(
  segment: TextSegment,
  offset: number,
  preferEnd = false,
): { node: Text; offset: number } | null {
  if (offset < 0 || offset > segment.text.length || segment.nodes.length === 0) return null;
  const index = findNodeIndex(segment, offset, preferEnd);
  const node = segment.nodes[index]!;
  const local = offset - segment.starts[index]!;
  return { node, offset: Math.min(local, node.data.length) };
}

/** The segment offset of a DOM position, or `null` when the position is not in the segment. */
export function offsetOf(segment: TextSegment, node: Node, offset: number): number | null {
  const index = segment.nodes.indexOf(node as Text);
  if (index < 0) return null;
  return segment.starts[index]! + Math.min(offset, (node as Text).data.length);
}

/**
 * A live DOM Range over [start, end) of the segment, or `null` when the text has changed since, or
 * when no Range holds exactly that text. That happens only with shadow DOM: a span that crosses a
 * shadow boundary (slotted light text beside shadow text) cannot be one Range, since a Range lives
 * in one tree, and slots can place light nodes out of document order or leave unrendered ones
 * between them. Such a span is not highlighted at all rather than in part. On a page without
 * shadow roots a Range always holds exactly the span's text.
 */
export function createSegmentRange(
  doc: Document,
  segment: TextSegment,
  start: number,
  end: number,
): Range | null {
  const from = locateOffset(segment, start, false);
  const to = locateOffset(segment, end, true);
  if (!from || !to) return null;
  if (!from.node.isConnected || !to.node.isConnected) return null;
  const range = doc.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  // Setting an end in another tree, or before the start, collapses the Range: the text tells.
  if (from.node !== to.node && range.toString() !== segment.text.slice(start, end)) return null;
  return range;
}

/** Range over a collected sentence's raw text. */
export function createSentenceRange(doc: Document, sentence: CollectedSentence): Range | null {
  return createSegmentRange(doc, sentence.segment, sentence.start, sentence.end);
}

/**
 * Whitespace-collapsed, lower-cased view of `text`, folded one UTF-16 unit at a time (so the quote
 * and the page fold identically, astral letters included), with each folded unit's raw index.
 */
function foldForAnchor(text: string): { folded: string; rawIndex: number[] } {
  let folded = '';
  const rawIndex: number[] = [];
  let lastWasSpace = false;
  for (let i = 0; i < text.length; i++) {
    const unit = text[i]!;
    if (/\s/.test(unit)) {
      if (lastWasSpace) continue;
      lastWasSpace = true;
      folded += ' ';
    } else {
      lastWasSpace = false;
      const lower = unit.toLowerCase();
      folded += lower.length === 1 ? lower : unit;
    }
    rawIndex.push(i);
  }
  return { folded, rawIndex };
}

/**
 * Finds `quote` in the segment: first an exact match, then one that ignores differences in
 * whitespace and case. Returns offsets into `segment.text`, or `null` when neither matches.
 */
export function anchorQuote(segment: TextSegment, quote: string): { start: number; end: number } | null {
  const exact = segment.text.indexOf(quote);
  if (exact >= 0) return { start: exact, end: exact + quote.length };
  const wanted = foldForAnchor(quote.trim()).folded;
  if (wanted.length === 0) return null;
  const { folded, rawIndex } = foldForAnchor(segment.text);
  const at = folded.indexOf(wanted);
  if (at < 0) return null;
  return { start: rawIndex[at]!, end: rawIndex[at + wanted.length - 1]! + 1 };
}
