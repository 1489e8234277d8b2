/**
 * Reads the articles in data/articles through the pipeline's own parser, for the eval and bench
 * scripts (which need the articles themselves, e.g. to leave one out). Order follows the id.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildDatabase } from '../src/engine/build-database.ts';
import { createMatcher } from '../src/engine/create-matcher.ts';
import { parseArticleFiles } from '../src/engine/parse-article-file.ts';
import { splitSentences } from '../src/engine/split-sentences.ts';
import type { Matcher, SourceArticle } from '../src/engine/types.ts';

export const ARTICLES_DIR = resolve(import.meta.dirname, '../data/articles');

export function readArticles(dir = ARTICLES_DIR): SourceArticle[] {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((fileName) => ({ fileName, content: readFileSync(join(dir, fileName)) }));
  return parseArticleFiles(files);
}

/** A fixed build time, so eval and bench databases are reproducible. */
export const FIXED_BUILT_AT = '2020-01-07T00:00:00.000Z';

/** One seed article ready to be checked against a database of the others. */
export interface HeldOutArticle {
  article: SourceArticle;
  /** A matcher over every article of the set but this one. */
  matcher: Matcher;
  /** The article's sentences, as slices of its body. */
  sentences: string[];
}

/**
 * Each of `chosen` (default: every article) with a matcher over the other articles of `articles`:
 * real related prose checked as the extension would meet it, the benchmark's and the instruction
 * counter's workload.
 */
export function holdOutEach(
  articles: readonly SourceArticle[],
  chosen: readonly SourceArticle[] = articles,
): HeldOutArticle[] {
  return chosen.map((article) => ({
    article,
    matcher: createMatcher(
      buildDatabase(
        articles.filter((a) => a !== article),
        { builtAt: FIXED_BUILT_AT },
      ),
    ),
    sentences: splitSentences(article.body).map((s) => article.body.slice(s.start, s.end)),
  }));
}
