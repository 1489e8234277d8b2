/**
 * A page that reproduces one of the database's articles (the reader is on that outlet's page, or
 * on a syndicated copy of it) must not be corroborated by that article: "agrees: express.co.uk" on
 * express.co.uk's own story is the page quoting itself. The seed articles carry no URL to compare
 * with, so the page is recognised by its text: enough of its sentences are, word for word, claims
 * of one article. Keeps true:
 * - only whole sentences identical up to case, punctuation and spacing count, so an outlet that
 *   quotes the same letter or statement as another (one sentence) stays a source.
 * exclude-articles.ts then leaves the recognised articles out of the page's sources.
 */

import { computeSentenceKey } from './select-claims.ts';
import type { SentenceMatch } from './types.ts';

/**
 * Page sentences that must repeat claims of one article word for word before the page counts as
 * that article. Outlets share single sentences (a quoted letter, a wire-service line), rarely three;
 * a page of one of the seed articles repeats 15 to 40 of them.
 */
export const MIN_VERBATIM_SENTENCES = 3;

/** Ids of the articles the matched sentences reproduce word for word, in sorted order. */
export function findOwnArticles(matches: readonly SentenceMatch[]): string[] {
  const verbatim = new Map<string, number>();
  for (const match of matches) {
    let key: string | null = null;
    const counted = new Set<string>();
    for (const source of match.sources) {
      // The same words align fully, so only a full score can be the same sentence: the other
      // sources of a page (hundreds per batch) are never normalised.
      if (source.score < 1 || counted.has(source.articleId)) continue;
      key ??= computeSentenceKey(match.text);
      if (computeSentenceKey(source.claim) !== key) continue;
      counted.add(source.articleId);
      verbatim.set(source.articleId, (verbatim.get(source.articleId) ?? 0) + 1);
    }
  }
  return [...verbatim]
    .filter(([, count]) => count >= MIN_VERBATIM_SENTENCES)
    .map(([id]) => id)
    .sort();
}
