/** Loads the seed articles from data/articles for engine tests. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArticleFile } from '../../src/engine/parse-article-file.ts';
import type { SourceArticle } from '../../src/engine/types.ts';

export const ARTICLES_DIR = join(import.meta.dirname, '../../data/articles');

export function loadSeedArticles(): SourceArticle[] {
  return readdirSync(ARTICLES_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => parseArticleFile(f, readFileSync(join(ARTICLES_DIR, f))));
}
