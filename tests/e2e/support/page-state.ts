/**
 * Reads what the extension drew on a page from the page's MAIN world. The CSS highlight registry
 * belongs to the document, so the ranges the content script registers in its isolated world are
 * visible here (checked by the tests rather than assumed). Also locates sentences on screen so
 * tests can hover them like a reader.
 */
import type { Page } from 'playwright-core';
import { waitUntil } from './chromium.ts';

export interface HighlightGroup {
  name: string;
  texts: string[];
}

export function readHighlights(page: Page): Promise<HighlightGroup[]> {
  return page.evaluate(() =>
    [...CSS.highlights.entries()]
      .filter(([name]) => name.startsWith('crosscheck-'))
      .map(([name, highlight]) => ({
        name,
        texts: [...highlight].map((range) => (range as Range).toString().replace(/\s+/g, ' ').trim()),
      })),
  );
}

/** Highlighted sentences by verdict (the three base names; `-fill` and `flash` are styling). */
/** Every highlighted sentence of `readVerdictHighlights`'s groups, whatever its verdict. */
export function listHighlighted(groups: Record<string, string[]>): string[] {
  return [...groups.corroborated!, ...groups.conflicting!, ...groups.mixed!];
}

export async function readVerdictHighlights(page: Page): Promise<Record<string, string[]>> {
  const groups = await readHighlights(page);
  const result: Record<string, string[]> = { corroborated: [], conflicting: [], mixed: [] };
  for (const group of groups) {
    const verdict = group.name.slice('crosscheck-'.length);
    if (verdict in result) result[verdict] = group.texts;
  }
  return result;
}

/** A point in the middle of the first line of `text` on the page, scrolled into view. */
export async function locateSentence(page: Page, text: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((wanted) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(wanted.slice(0, 30));
      if (at < 0) continue;
      (node.parentElement as Element).scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, Math.min((node as Text).data.length, at + 12));
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    return null;
  }, text);
  if (!point) throw new Error(`Sentence not on page: ${text}`);
  return point;
}

export interface CardState {
  visible: boolean;
  role: string | null;
  text: string;
  hosts: number;
}

/** The hover card's state, read through its shadow root. */
export function readCard(page: Page): Promise<CardState> {
  return page.evaluate(() => {
    const hosts = document.querySelectorAll('crosscheck-card');
    const card = hosts[0]?.shadowRoot?.querySelector<HTMLElement>('.card');
    return {
      visible: Boolean(card && !card.hidden && card.getBoundingClientRect().height > 0),
      role: card?.getAttribute('role') ?? null,
      text: card?.innerText ?? '',
      hosts: hosts.length,
    };
  });
}

/**
 * Hovers `point` (a sentence, from locateSentence) coming in from the left margin along its line,
 * so no other sentence is crossed on the way, and returns the card once it is shown.
 */
export async function hoverUntilCard(page: Page, point: { x: number; y: number }): Promise<CardState> {
  await page.mouse.move(4, point.y);
  await page.mouse.move(point.x, point.y, { steps: 6 });
  return waitUntil(async () => {
    const state = await readCard(page);
    return state.visible ? state : null;
  });
}
