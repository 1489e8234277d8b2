/**
 * Leaves some articles out of a page's matches: the page's own article (find-own-articles.ts, or
 * a reader-added source at the page's URL), which must not corroborate the page. Kept apart from
 * the recognition so the content script can apply it to earlier results without bundling the
 * text normalisation. Keeps true: each sentence's verdict is recomputed from the sources that
 * remain, and a sentence left with none is no longer a match.
 */

import { decideVerdict } from './decide-verdict.ts';
import type { SentenceMatch } from './types.ts';

/** The matches without the sources of `articleIds`, verdicts recomputed; unchanged when the set is empty. */
export function excludeArticles(
  matches: readonly SentenceMatch[],
  articleIds: ReadonlySet<string>,
): SentenceMatch[] {
  if (articleIds.size === 0) return [...matches];
  return matches.flatMap((match) => {
    if (!match.sources.some((source) => articleIds.has(source.articleId))) return [match];
    const sources = match.sources.filter((source) => !articleIds.has(source.articleId));
    const verdict = decideVerdict(sources.map((source) => source.stance));
    return verdict === null ? [] : [{ ...match, sources, verdict }];
  });
}
