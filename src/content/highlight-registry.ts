/**
 * Draws highlighted sentences through the CSS Custom Highlight API: ranges go into
 * CSS.highlights under `crosscheck-<verdict>` names (styled by highlights.css), so the page's DOM
 * is never touched. Owns only names starting with `crosscheck-` and removes all of its own on clear.
 *
 * The registry is global, but the `::highlight()` rules of the document's style sheets do not
 * reach text inside a shadow tree in every browser (Firefox ignores them there), so each shadow
 * root holding a highlighted range also adopts a constructed sheet with the same rules, removed
 * again when it holds none or the highlights are cleared.
 */
import type { Verdict } from '../engine/types.ts';
import HIGHLIGHT_CSS from './highlights.css?raw';

export const HIGHLIGHT_PREFIX = 'crosscheck-';
const VERDICTS: readonly Verdict[] = ['corroborated', 'conflicting', 'mixed'];
export const FLASH_HIGHLIGHT = `${HIGHLIGHT_PREFIX}flash`;
/** How long a sentence stays flashed after the reader jumps to it. */
const FLASH_MS = 1_600;

export interface DrawnRange {
  verdict: Verdict;
  range: Range;
}

export function isHighlightApiAvailable(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

export function highlightName(verdict: Verdict, fill = false): string {
  return `${HIGHLIGHT_PREFIX}${verdict}${fill ? '-fill' : ''}`;
}

/** Replaces every Crosscheck highlight with `ranges`. `fill` adds the background style. */
export function drawHighlights(ranges: readonly DrawnRange[], fill: boolean): void {
  if (!isHighlightApiAvailable()) return;
  for (const verdict of VERDICTS) {
    const selected = ranges.filter((entry) => entry.verdict === verdict).map((entry) => entry.range);
    const names = [highlightName(verdict), highlightName(verdict, true)];
    for (const name of names) CSS.highlights.delete(name);
    if (selected.length === 0) continue;
    CSS.highlights.set(names[0]!, new Highlight(...selected));
    if (fill) CSS.highlights.set(names[1]!, new Highlight(...selected));
  }
}

/**
 * Removes every Crosscheck highlight by name. The registry is not iterated: in a Firefox content
 * script CSS.highlights is an Xray-wrapped page object whose iterators cannot be wrapped.
 */
export function clearHighlights(): void {
  if (!isHighlightApiAvailable()) return;
  for (const verdict of VERDICTS) {
    CSS.highlights.delete(highlightName(verdict));
    CSS.highlights.delete(highlightName(verdict, true));
  }
  CSS.highlights.delete(FLASH_HIGHLIGHT);
}

let flashTimer: ReturnType<typeof setTimeout> | undefined;

/** Briefly marks `range` so the reader sees where they landed. */
export function flashRange(range: Range): void {
  if (!isHighlightApiAvailable()) return;
  const flash = new Highlight(range);
  flash.priority = 10;
  CSS.highlights.set(FLASH_HIGHLIGHT, flash);
  if (flashTimer !== undefined) clearTimeout(flashTimer);
  flashTimer = setTimeout(() => CSS.highlights.delete(FLASH_HIGHLIGHT), FLASH_MS);
}

/** The shadow root `range` starts in, or `null` when it is in the document itself. */
export function findShadowRoot(range: Range): ShadowRoot | null {
  const root = range.startContainer.getRootNode();
  // nodeType 11 with a host: a ShadowRoot (instanceof is unreliable across Firefox's Xrays).
  return root.nodeType === 11 && (root as ShadowRoot).host ? (root as ShadowRoot) : null;
}

export interface ShadowHighlightStyles {
  /** Makes the highlight rules apply in exactly these shadow roots. */
  apply(roots: ReadonlySet<ShadowRoot>): void;
  /** Takes the rules out of every shadow root they were put in. */
  clear(): void;
}

/**
 * Keeps one constructed copy of highlights.css adopted by the shadow roots that hold highlights.
 * Adopting a sheet adds no node to the page. A root that refuses the sheet (a browser without
 * constructable style sheets, or a page that froze adoptedStyleSheets) keeps its text highlighted
 * in the registry, only unstyled where the browser does not carry the document's rules over.
 */
export function createShadowHighlightStyles(doc: Document): ShadowHighlightStyles {
  let sheet: CSSStyleSheet | null = null;
  const adopted = new Set<ShadowRoot>();
  const createSheet = (): CSSStyleSheet | null => {
    const View = doc.defaultView;
    if (!View || typeof View.CSSStyleSheet !== 'function') return null;
    try {
      const created = new View.CSSStyleSheet();
      created.replaceSync(HIGHLIGHT_CSS);
      return created;
    } catch {
      return null;
    }
  };
  const remove = (root: ShadowRoot): void => {
    adopted.delete(root);
    try {
      const current = root.adoptedStyleSheets;
      if (sheet && current.includes(sheet)) root.adoptedStyleSheets = current.filter((s) => s !== sheet);
    } catch {
      // The page made the list unwritable; nothing of ours is left to take out then.
    }
  };
  return {
    apply(roots) {
      for (const root of [...adopted]) if (!roots.has(root)) remove(root);
      if (roots.size === 0) return;
      sheet ??= createSheet();
      if (!sheet) return;
      for (const root of roots) {
        if (adopted.has(root)) continue;
        try {
          const current = root.adoptedStyleSheets;
          if (!current.includes(sheet)) root.adoptedStyleSheets = [...current, sheet];
          adopted.add(root);
        } catch {
          // Left unstyled in this root (see above).
        }
      }
    },
    clear() {
      for (const root of [...adopted]) remove(root);
    },
  };
}
