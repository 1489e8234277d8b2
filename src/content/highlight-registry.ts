/**
 * Draws highlighted sentences through the CSS Custom Highlight API: ranges go into
 * CSS.highlights under `crosscheck-<verdict>` names (styled by highlights.css), so the page's DOM
 * is never touched. Owns only names starting with `crosscheck-` and removes all of its own on clear.
 */
import type { Verdict } from '../engine/types.ts';

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
