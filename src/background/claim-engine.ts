/**
 * Holds the claim database and its matcher, once for all tabs. Starts from the database bundled
 * into the extension (validated before use) and, when the user has added sources of their own,
 * rebuilds it from the bundled articles plus theirs with the same pipeline as the build. A user
 * source that cannot be used never takes the bundled database down: the error is kept for the
 * popup and the bundled database stays in service.
 */
import Fuse from 'fuse.js';
import { buildDatabase } from '../engine/build-database.ts';
import { createMatcher } from '../engine/create-matcher.ts';
import { excludeArticles } from '../engine/exclude-articles.ts';
import { findOwnArticles } from '../engine/find-own-articles.ts';
import type { ClaimDatabase, Matcher, SentenceMatch, SourceArticle } from '../engine/types.ts';
import { validateDatabase } from '../engine/validate-database.ts';
import type { DatabaseInfo, SearchResult } from '../shared/messages.ts';
import type { OwnArticle } from '../shared/tab-report.ts';

/** Fuse score (0 = perfect, 1 = nothing) above which a search hit is not shown. */
const SEARCH_MAX_FUSE_SCORE = 0.45;

export interface ClaimEngine {
  readonly db: ClaimDatabase;
  /**
   * Matches page sentences. The page's own articles are left out of the sources, so a page does
   * not corroborate itself: the article whose URL is `pageUrl` (a page the reader added to their
   * sources), the `knownOwn` articles earlier batches of the page found, and any article these
   * sentences reproduce word for word (find-own-articles.ts). `ownArticles` lists the last two,
   * for the page to send with its next batch.
   */
  match(sentences: readonly string[], pageUrl?: string, knownOwn?: readonly string[]): PageMatches;
  info(): DatabaseInfo;
  search(query: string, limit: number): SearchResult[];
}

export interface PageMatches {
  matches: SentenceMatch[];
  /** Articles recognised as the page itself by their text, this batch's and the known ones. */
  ownArticles: OwnArticle[];
}

export interface EngineInput {
  bundled: ClaimDatabase;
  userArticles: readonly SourceArticle[];
  userArticlesError: string | null;
  threshold: number | undefined;
}

/** Checks the bundled JSON against the schema; throws naming the first invalid JSON path. */
export function loadBundledDatabase(raw: unknown): ClaimDatabase {
  return validateDatabase(raw);
}

/** The URL without its fragment, for comparing a page with an article's recorded URL. */
export function normalizePageUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return url;
  }
}

/**
 * Matches the batch; if the matcher throws on it, matches sentence by sentence so one sentence
 * the matcher cannot handle costs only itself, not the whole page.
 */
function matchEach(matcher: Matcher, sentences: readonly string[]): SentenceMatch[] {
  try {
    return matcher.match(sentences);
  } catch (batchError) {
    console.warn('Crosscheck: matcher failed on a batch; matching one by one', batchError);
    return sentences.flatMap((sentence, index) => {
      try {
        return matcher.match([sentence]).map((match) => ({ ...match, index }));
      } catch {
        return [];
      }
    });
  }
}

function ownArticleIds(db: ClaimDatabase, pageUrl: string): Set<string> {
  const wanted = normalizePageUrl(pageUrl);
  return new Set(
    db.articles.filter((a) => a.url !== null && normalizePageUrl(a.url) === wanted).map((a) => a.id),
  );
}

export function createClaimEngine(input: EngineInput): ClaimEngine {
  let db = input.bundled;
  let userArticlesError = input.userArticlesError;
  let userCount = 0;
  if (input.userArticles.length > 0) {
    try {
      db = buildDatabase([...input.bundled.articles, ...input.userArticles], {
        builtAt: input.bundled.builtAt,
      });
      userCount = input.userArticles.length;
    } catch (error) {
      db = input.bundled;
      userArticlesError = `Your own sources could not be added to the database: ${
        error instanceof Error ? error.message : String(error)
      }. The bundled sources are still checked.`;
    }
  }
  const matcher: Matcher = createMatcher(
    db,
    input.threshold === undefined ? {} : { threshold: input.threshold },
  );
  const claimOutlet = new Map(db.articles.map((article) => [article.id, article]));
  let fuse: Fuse<ClaimDatabase['claims'][number]> | null = null;

  return {
    db,
    match(sentences, pageUrl, knownOwn = []) {
      const matches = matchEach(matcher, sentences);
      const recognised = [...new Set([...knownOwn, ...findOwnArticles(matches)])].sort();
      const own = new Set(recognised);
      if (pageUrl) for (const id of ownArticleIds(db, pageUrl)) own.add(id);
      const ownArticles = recognised.flatMap((id) => {
        const article = claimOutlet.get(id);
        return article ? [{ id, outlet: article.outlet, title: article.title }] : [];
      });
      return { matches: excludeArticles(matches, own), ownArticles };
    },
    info: () => ({
      articles: db.articles.length,
      outlets: [
        ...new Set(db.articles.map((article) => article.outlet).filter((o): o is string => o !== null)),
      ].sort(),
      claims: db.claims.length,
      facts: db.facts.length,
      builtAt: db.builtAt,
      userArticles: userCount,
      userArticlesError,
    }),
    search(query, limit) {
      const trimmed = query.trim();
      if (trimmed.length < 2) return [];
      fuse ??= new Fuse(db.claims, {
        keys: ['text'],
        includeScore: true,
        ignoreLocation: true,
        threshold: 0.5,
      });
      return fuse
        .search(trimmed.slice(0, 100), { limit: limit * 3 })
        .filter((hit) => (hit.score ?? 1) <= SEARCH_MAX_FUSE_SCORE)
        .slice(0, limit)
        .map((hit) => {
          const article = claimOutlet.get(hit.item.articleId);
          return {
            claimId: hit.item.id,
            text: hit.item.text,
            outlet: article?.outlet ?? null,
            published: article?.published ?? null,
            score: Math.round((1 - (hit.score ?? 1)) * 1000) / 1000,
          };
        });
    },
  };
}
