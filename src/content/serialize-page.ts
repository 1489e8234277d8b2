/**
 * The page's HTML for "Add this article to my sources", with the text a reader sees in open shadow
 * roots: `outerHTML` leaves shadow roots out, so a page built from web components would lose its
 * article. Each open shadow root is written as a declarative `<template shadowrootmode="open">`
 * first inside its host (`Element.getHTML`), and the popup flattens those templates back into the
 * rendered order before reading the article (src/popup/flatten-shadow-templates.ts).
 *
 * Must keep true:
 * - a page with no open shadow root (or a browser without `getHTML`, or a non-HTML document) gives
 *   exactly `documentElement.outerHTML`, as before;
 * - only open shadow roots are written: closed ones are private to the page and cannot be reached,
 *   and Crosscheck's own hover card (OWN_UI_ATTRIBUTE) is never written;
 * - nothing here changes the page's DOM or runs page script.
 */
import { OWN_UI_ATTRIBUTE } from './collect-text.ts';

/** Every open shadow root in the document, nested ones included, except Crosscheck's own UI. */
export function findOpenShadowRoots(doc: Document): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  const pending: (Document | ShadowRoot)[] = [doc];
  for (let tree = pending.pop(); tree; tree = pending.pop()) {
    for (const element of tree.querySelectorAll('*')) {
      const shadowRoot = element.shadowRoot;
      if (!shadowRoot || element.hasAttribute(OWN_UI_ATTRIBUTE)) continue;
      found.push(shadowRoot);
      pending.push(shadowRoot);
    }
  }
  return found;
}

/** The document's HTML with its open shadow roots written in as declarative shadow templates. */
export function serializePage(doc: Document): string {
  const root = doc.documentElement;
  if (doc.contentType !== 'text/html' || typeof root.getHTML !== 'function') return root.outerHTML;
  const shadowRoots = findOpenShadowRoots(doc);
  if (shadowRoots.length === 0) return root.outerHTML;
  // serializableShadowRoots: false keeps a closed root out even when the page marked it serializable.
  // getHTML writes only the children: keep the root element's own tag and attributes around them.
  const shell = (root.cloneNode(false) as Element).outerHTML;
  const end = `</${root.localName}>`;
  if (!shell.endsWith(end)) return root.outerHTML;
  return shell.slice(0, -end.length) + root.getHTML({ serializableShadowRoots: false, shadowRoots }) + end;
}
