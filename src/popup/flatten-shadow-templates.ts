/**
 * Turns the declarative shadow templates the content script writes for open shadow roots
 * (src/content/serialize-page.ts) back into the text order a reader sees, in an inert document
 * (DOMParser's, which attaches no shadow roots and runs nothing), so Readability can read a page
 * built from web components.
 *
 * Each host's children become its shadow tree, with every <slot> replaced by the host's light
 * children assigned to it — by `slot` attribute, the default slot taking text and elements without
 * one, the first slot of a name in tree order winning, as the DOM assigns them — or by the slot's
 * fallback children when none is assigned. Light children no slot takes are dropped, as they are
 * not rendered. Nested shadow templates are flattened the same way. Shadow trees are often built
 * from strings with no whitespace between blocks, so a line break is put around each block element
 * of a flattened tree where there is none (a reader sees each block on its own line), or
 * Readability's text would run "…in Iraq.Defense Secretary…" into one sentence.
 *
 * Must keep true:
 * - a document without `<template shadowrootmode="open">` is left exactly as it was;
 * - only a template that is its host's first child is a shadow root: that is where `getHTML` puts
 *   one, and any other such template was never attached on the page (it stays an inert template,
 *   which Readability reads as no text);
 * - a `closed` template is not flattened (the serializer never writes one);
 * - nodes are moved or imported, never parsed from strings or inserted into a live document.
 */

import { PAGE_CHROME_BLOCK_TAGS, TEXT_BLOCK_TAGS } from '../shared/block-tags.ts';

const SHADOW_TEMPLATE = 'template[shadowrootmode]';
/** Elements shown on lines of their own: a flattened tree gets a line break after each of them. */
const BLOCK_TAGS: ReadonlySet<string> = new Set([...TEXT_BLOCK_TAGS, ...PAGE_CHROME_BLOCK_TAGS]);
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

function isOpenShadowTemplate(node: Node | null): node is HTMLTemplateElement {
  return (
    node !== null &&
    node.nodeType === ELEMENT_NODE &&
    (node as Element).localName === 'template' &&
    (node as Element).getAttribute('shadowrootmode')?.toLowerCase() === 'open'
  );
}

/** The name of the slot a light child goes to, or null for nodes no slot takes (comments). */
function readSlotName(node: Node): string | null {
  if (node.nodeType === ELEMENT_NODE) return (node as Element).getAttribute('slot') ?? '';
  if (node.nodeType === TEXT_NODE) return '';
  return null;
}

/** Puts a line break before and after each block element in `tree` where there is no whitespace. */
function separateBlocks(tree: DocumentFragment): void {
  for (const element of tree.querySelectorAll('*')) {
    if (!BLOCK_TAGS.has(element.localName)) continue;
    const before = element.previousSibling;
    if (before && !(before.nodeType === TEXT_NODE && /\s$/.test((before as Text).data))) element.before('\n');
    const after = element.nextSibling;
    if (!(after?.nodeType === TEXT_NODE && /^\s/.test((after as Text).data))) element.after('\n');
  }
}

/** Replaces `host`'s children with its shadow tree from `template`, light children slotted in. */
function flattenHost(host: Element, template: HTMLTemplateElement): void {
  const tree = host.ownerDocument.importNode(template.content, true);
  template.remove();

  const lightByName = new Map<string, Node[]>();
  for (const child of [...host.childNodes]) {
    const name = readSlotName(child);
    if (name === null) continue;
    const list = lightByName.get(name);
    if (list) list.push(child);
    else lightByName.set(name, [child]);
  }
  // This tree's slots, before nested trees are flattened into it: their slots are not this tree's.
  const slots = [...tree.querySelectorAll('slot')];
  const firstSlotByName = new Map<string, HTMLSlotElement>();
  for (const slot of slots) {
    const name = slot.getAttribute('name') ?? '';
    if (!firstSlotByName.has(name)) firstSlotByName.set(name, slot);
  }

  flattenShadowTemplates(tree);

  for (const slot of slots) {
    // Gone with an unslotted light child of a nested host, or with an assigned slot's fallback.
    if (!tree.contains(slot)) continue;
    const name = slot.getAttribute('name') ?? '';
    const assigned = firstSlotByName.get(name) === slot ? lightByName.get(name) : undefined;
    if (assigned) slot.replaceWith(...assigned);
    else slot.replaceWith(...slot.childNodes);
  }
  separateBlocks(tree);
  host.replaceChildren(tree);
}

/** Flattens every open declarative shadow root under `root`, nested ones included. */
export function flattenShadowTemplates(root: Document | DocumentFragment): void {
  for (const template of [...root.querySelectorAll(SHADOW_TEMPLATE)]) {
    const host = template.parentElement;
    // Skips templates dropped with an unslotted light child of a host flattened before.
    if (!host || host.firstChild !== template || !isOpenShadowTemplate(template) || !root.contains(template))
      continue;
    flattenHost(host, template);
  }
}
