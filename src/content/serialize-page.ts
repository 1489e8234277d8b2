/**
 * The page's HTML for "Add this article to my sources", as a reader sees it:
 * - with the text in open shadow roots: `outerHTML` leaves shadow roots out, so a page built from
 *   web components would lose its article. Each open shadow root is written as a declarative
 *   `<template shadowrootmode="open">` first inside its host, and the popup flattens those
 *   templates back into the rendered order before reading the article
 *   (src/popup/flatten-shadow-templates.ts);
 * - without the elements the page hides with its CSS (a `display: none` class, a print-only
 *   block, a collapsed teaser), which the popup's parser cannot see, having no styles: their text
 *   would otherwise go into the source as if the page said it.
 *
 * Must keep true:
 * - a non-HTML document, and a page where no hidden element holds text and no open shadow root
 *   exists (or whose browser lacks `getHTML`), give exactly `documentElement.outerHTML`, as before;
 * - only open shadow roots are written: closed ones are private to the page and cannot be reached,
 *   and Crosscheck's own hover card (OWN_UI_ATTRIBUTE) is never written;
 * - visibility is tested only inside `<body>` (the head is never rendered, but holds the title);
 * - nothing here changes the page's DOM or runs page script: the visible copy is built in an inert
 *   document, where custom elements are not upgraded.
 */
import { createHiddenTest, OWN_UI_ATTRIBUTE } from './collect-text.ts';

const ELEMENT_NODE = 1;

function isElement(node: Node): node is Element {
  return node.nodeType === ELEMENT_NODE;
}

/** The open shadow root of `element` that is written, or null (none, closed, or Crosscheck's card). */
function readOpenShadowRoot(element: Element): ShadowRoot | null {
  return element.shadowRoot && !element.hasAttribute(OWN_UI_ATTRIBUTE) ? element.shadowRoot : null;
}

/**
 * Elements never rendered whatever the page's CSS, whose text is code or inert markup, not prose:
 * they are kept as they are (the popup's reader drops them itself) and not looked into.
 */
const UNRENDERED_TAGS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'link',
  'meta',
]);

/** True when `element` holds text a reader could be shown: a non-blank text or an open shadow root. */
function holdsText(element: Element): boolean {
  return readOpenShadowRoot(element) !== null || (element.textContent ?? '').trim() !== '';
}

interface PageTrees {
  /** The outermost hidden elements that hold text; their descendants are not looked into. */
  hidden: Set<Element>;
  /** The open shadow roots of rendered hosts, outer before nested, except Crosscheck's own UI. */
  shadowRoots: ShadowRoot[];
}

/**
 * One walk over the body and the open shadow trees in it: the hidden elements that hold text, and
 * the shadow roots to write. A hidden element's subtree is stepped over, shadow roots in it
 * included. Hidden elements without text (an icon's `<source>`, an empty spacer) change nothing a
 * reader reads, and are kept.
 */
function readPageTrees(doc: Document, isHidden: (element: Element) => boolean): PageTrees {
  const found: PageTrees = { hidden: new Set(), shadowRoots: [] };
  if (!doc.body) return found;
  // A native TreeWalker per tree (the body, then each open shadow root met), stepping over the
  // subtree of an element that is hidden or never rendered.
  const trees: Node[] = [doc.body];
  for (let tree = trees.pop(); tree; tree = trees.pop()) {
    const walker = doc.createTreeWalker(tree, NodeFilter.SHOW_ELEMENT);
    let node = walker.firstChild();
    while (node) {
      const element = node as Element;
      // As collect-text.ts reads the page: an element without attributes is hidden only by a
      // tag-only CSS rule, which articles do not use; skipping the test keeps a 50,000-element
      // page from paying a style lookup per element.
      let skip = UNRENDERED_TAGS.has(element.localName);
      if (!skip && element.hasAttributes() && isHidden(element)) {
        if (holdsText(element)) found.hidden.add(element);
        skip = true;
      }
      if (!skip) {
        const shadowRoot = readOpenShadowRoot(element);
        if (shadowRoot) {
          found.shadowRoots.push(shadowRoot);
          trees.push(shadowRoot);
        }
      }
      node = skip ? stepOver(walker) : walker.nextNode();
    }
  }
  return found;
}

/** The outermost hidden elements of the body that hold text, open shadow trees included. */
export function findHiddenElements(doc: Document, isHidden: (element: Element) => boolean): Set<Element> {
  return readPageTrees(doc, isHidden).hidden;
}

/** Every open shadow root in the body, nested ones included, except Crosscheck's own UI. */
export function findOpenShadowRoots(doc: Document): ShadowRoot[] {
  return readPageTrees(doc, () => false).shadowRoots;
}

/** The walker's next element after the current one's subtree, or null at the end of the tree. */
function stepOver(walker: TreeWalker): Node | null {
  do {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
  } while (walker.parentNode());
  return null;
}

/**
 * A copy of the document without `hidden`, each open shadow root written as a template first
 * inside its host, built node by node in an inert document (so no custom element is upgraded).
 */
function writeVisibleCopy(doc: Document, hidden: ReadonlySet<Element>): string {
  const inert = doc.implementation.createHTMLDocument('');
  const root = doc.documentElement;
  const copyRoot = inert.importNode(root, false);
  const pending: Array<[Node, Node]> = [[root, copyRoot]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [live, copy] = next;
    const shadowRoot = isElement(live) ? readOpenShadowRoot(live) : null;
    if (shadowRoot) {
      const template = inert.createElement('template');
      template.setAttribute('shadowrootmode', 'open');
      copy.appendChild(template);
      pending.push([shadowRoot, template.content]);
    }
    for (const child of live.childNodes) {
      if (isElement(child) && hidden.has(child)) continue;
      // A template's content is not among its children: copy it whole.
      const deep = isElement(child) && child.localName === 'template';
      const childCopy = inert.importNode(child, deep);
      copy.appendChild(childCopy);
      if (!deep && (child.hasChildNodes() || (isElement(child) && readOpenShadowRoot(child))))
        pending.push([child, childCopy]);
    }
  }
  return (copyRoot as Element).outerHTML;
}

/**
 * The document's HTML as a reader sees it (see the header). `isHidden` tells a hidden element;
 * the default is the one collect-text.ts reads the page with.
 */
export function serializePage(
  doc: Document,
  isHidden: (element: Element) => boolean = createHiddenTest(doc),
): string {
  const root = doc.documentElement;
  if (doc.contentType !== 'text/html') return root.outerHTML;
  const { hidden, shadowRoots } = readPageTrees(doc, isHidden);
  if (hidden.size > 0) return writeVisibleCopy(doc, hidden);
  if (typeof root.getHTML !== 'function' || shadowRoots.length === 0) return root.outerHTML;
  // serializableShadowRoots: false keeps a closed root out even when the page marked it serializable.
  // getHTML writes only the children: keep the root element's own tag and attributes around them.
  const shell = (root.cloneNode(false) as Element).outerHTML;
  const end = `</${root.localName}>`;
  if (!shell.endsWith(end)) return root.outerHTML;
  return shell.slice(0, -end.length) + root.getHTML({ serializableShadowRoots: false, shadowRoots }) + end;
}
