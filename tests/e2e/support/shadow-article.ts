/**
 * The sentences of tests/fixtures/pages/shadow-article.html the shadow-DOM tests look for, shared by
 * the Chromium and Firefox suites so both check the same page the same way.
 */
import { expect } from 'vitest';

/** In news-story's shadow root. */
export const HEADING = 'Pentagon says no decision has been made';
export const TROOPS = 'The United States has about 5,000 troops in Iraq.';
export const ESPER =
  'Defense Secretary Mark Esper told reporters at the Pentagon that there has been no decision to leave Iraq.';
/** In story-quote's shadow root, nested inside news-story's. */
export const SEELY =
  'The letter was signed by U.S. Navy Brig. Gen. William H. Seely III, the commanding general of Task Force Iraq.';
/** A light-DOM paragraph placed by a slot. */
export const LEDE = "Iraq's parliament voted on Sunday to expel American troops from the country.";
/** Half shadow text, half slotted light text: no one Range can hold it. */
export const CROSSING =
  'Around 400 British soldiers are training Iraqi troops, as well as around 5,000 US troops in the country.';
/** Added to news-story's shadow root by the tests after load (the same words sit unread in the closed root). */
export const ADDED =
  'Gen. Mark Milley, the chairman of the Joint Chiefs of Staff, said the letter was a poorly worded draft that should never have been sent.';

/** Text the page hides with CSS: a light paragraph slotted into the lede, a teaser in the shadow root. */
export const HIDDEN_BY_CSS = ['Print edition', 'Hidden teaser'] as const;

/**
 * Checks the body "Add this article" stored for the page: the shadow tree, nested shadow tree and
 * slotted light text, each sentence whole; not the closed shadow root's text, nor the light
 * paragraph no slot takes, nor the text the page's CSS hides.
 */
export function expectStoredShadowArticle(body: string): void {
  for (const sentence of [HEADING, TROOPS, ESPER, SEELY, LEDE, CROSSING]) expect(body).toContain(sentence);
  expect(body).not.toContain('Milley');
  expect(body).not.toContain('never rendered');
  for (const hidden of HIDDEN_BY_CSS) expect(body).not.toContain(hidden);
}

/** In the page: how many times <news-story>'s constructor ran (1: reading the page upgraded no copy). */
export const READ_STORY_CONSTRUCTIONS = 'window.storyConstructions';
