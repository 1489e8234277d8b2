/**
 * Reads the articles in data/articles through the pipeline's own parser, for the eval and bench
 * scripts (which need the articles themselves, e.g. to leave one out). Order follows the id.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArticleFiles } from '../src/engine/parse-article-file.ts';
import type { SourceArticle } from '../src/engine/types.ts';

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
