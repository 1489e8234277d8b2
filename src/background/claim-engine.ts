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
import { STOPWORDS } from '../engine/normalize.ts';
import type { ClaimDatabase, Matcher, SentenceMatch, SourceArticle } from '../engine/types.ts';
import { validateDatabase } from '../engine/validate-database.ts';
import type { DatabaseInfo, SearchResult } from '../shared/messages.ts';
import type { OwnArticle } from '../shared/tab-report.ts';

/**
 * The popup's search reads a query as words, every one of which a claim must contain, each allowed
 * this Fuse.js error rate (Fuse.js token search, `tokenMatch: 'all'`). Plain Fuse.js matches the
 * query as one string, so "Esper decision" found nothing: no claim has those words side by side.
 * At 0.3 the word searches of tests/background/claim-engine.test.ts find their claims on the seeds
 * ("Seeley" finds Seely's, "Solemaini" the 15 that name Soleimani) and unrelated or garbled queries
 * find none. Run with 0.4 instead, "football match result" finds a claim about Boris Johnson and
 * "Marine Corps" seven claims that do not mention it; with 0.2, "Solemaini" finds one claim.
 */
const SEARCH_TERM_THRESHOLD = 0.3;
/**
 * Words of a query searched at most: every word is one Bitap pass over each claim, and a search
 * box query past this is a pasted sentence ("Check selected text" is the tool for that).
 */
const SEARCH_MAX_WORDS = 6;
const SEARCH_WORD = /[\p{L}\p{M}\p{N}_]+/gu;

/**
 * The words of a search query worth matching: stop words ("the", "to", "no") would match nearly
 * every claim and cost a pass each. Empty when the query is nothing but stop words.
 */
export function selectSearchWords(query: string): string[] {
  const words = (query.toLowerCase().match(SEARCH_WORD) ?? []).filter((word) => !STOPWORDS.has(word));
  return [...new Set(words)].slice(0, SEARCH_MAX_WORDS);
}

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
      if (query.trim().length < 2) return [];
      const words = selectSearchWords(query);
      if (words.length === 0) return [];
      fuse ??= new Fuse(db.claims, {
        keys: ['text'],
        includeScore: true,
        ignoreLocation: true,
        threshold: SEARCH_TERM_THRESHOLD,
        useTokenSearch: true,
        tokenMatch: 'all',
      });
      return fuse.search(words.join(' '), { limit }).map((hit) => {
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
