/**
 * "Check selected text" from the context menu: the selection is split the way the engine splits
 * articles and matched like page sentences. Kept out of the worker's entry point so it can be tested
 * without a browser. Keeps true: an article the page was recognised as (its last report's
 * `ownArticles`) is not a source of the selection either, and what is matched is bounded.
 */
import { splitSentences } from '../engine/split-sentences.ts';
import type { SentenceMatch } from '../engine/types.ts';
import { MAX_BATCH_SENTENCES, MAX_SENTENCE_CHARS } from '../shared/shape.ts';
import type { TabReport } from '../shared/tab-report.ts';
import type { ClaimEngine } from './claim-engine.ts';

/** Longest selection checked; the rest is ignored. */
export const MAX_SELECTION_CHARS = 5_000;

export function checkSelection(
  engine: ClaimEngine,
  selectionText: string,
  pageUrl: string | undefined,
  report: TabReport | undefined,
): SentenceMatch[] {
  const text = selectionText.slice(0, MAX_SELECTION_CHARS);
  const sentences = splitSentences(text)
    .map((span) => span.text.replace(/\s+/g, ' ').trim())
    .filter((sentence) => sentence.length > 0 && sentence.length <= MAX_SENTENCE_CHARS)
    .slice(0, MAX_BATCH_SENTENCES);
  const own = (report?.ownArticles ?? []).map((article) => article.id);
  return engine.match(sentences.length > 0 ? sentences : [text.trim()], pageUrl, own).matches;
}
