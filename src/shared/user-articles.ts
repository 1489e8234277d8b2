/**
 * The reader's own sources: articles they pasted or imported, stored in extension storage under
 * USER_ARTICLES_KEY and merged by the background into the claim database with the bundled ones.
 * Pure (no browser API), so the options page, the popup and Node tests share the same checks.
 *
 * Must keep true: nothing here throws on bad input; every rejection comes with a message a reader
 * can act on; a failed add or import returns the existing list unchanged, so nothing is lost.
 * Everything stored is plain text: callers insert it with textContent, never as HTML.
 */

import { foldText } from '../engine/normalize.ts';
import type { SourceArticle } from '../engine/types.ts';

export const USER_ARTICLES_KEY = 'crosscheck:user-articles';
/** Where the options page keeps unreadable stored data before it overwrites the key. */
export const USER_ARTICLES_BACKUP_KEY = 'crosscheck:user-articles:unreadable-backup';
export const USER_ARTICLES_VERSION = 1;
export const EXPORT_FORMAT = 'crosscheck-user-articles';

/** 5 MiB of UTF-8 per article body. */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;
/** An import file may hold several bodies, but not unboundedly many. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
export const MAX_ARTICLES = 500;
const MAX_OUTLET_CHARS = 120;
const MAX_TITLE_CHARS = 400;
const MAX_URL_CHARS = 2048;
/** Share of control or replacement characters above which pasted text is treated as binary. */
const BINARY_CHAR_RATIO = 0.01;

/**
 * Every reason an article or import file is refused, as English templates with $1-style
 * parameters. Pages show them through the locale (key `options_problem_<code>`), falling back to
 * this English text, so the messages stay in one place and stay translatable.
 */
export const ARTICLE_PROBLEMS = {
  tooLarge: 'The article text is too large ($1). The limit is 5 MB; paste only the article itself.',
  binary:
    'This does not look like article text: it contains binary data (for example from an image, PDF or other non-text file). Paste the article as plain text.',
  emptyBody: 'The article text is empty. Paste the text of the article.',
  noWords: 'The article text contains no words. Paste the text of the article.',
  outletMissing: 'Enter the outlet that published the article, for example “Reuters”.',
  outletTooLong: 'The outlet name is too long (over $1 characters).',
  titleTooLong: 'The title is too long (over $1 characters).',
  urlTooLong: 'The URL is too long.',
  urlInvalid: 'The URL is not valid. Enter a full address starting with https:// or http://.',
  urlScheme: 'Only web addresses starting with https:// or http:// are accepted as the URL.',
  urlCredentials: 'The URL must not contain a user name or password.',
  dateInvalid: '“$1” is not a valid date. Use the form YYYY-MM-DD, for example 2020-01-06.',
  dateFuture: 'The date $1 is in the future. Enter the day the article was published.',
  duplicate: 'This article is already in your sources (“$1”).',
  tooMany: 'You already have $1 sources, the most Crosscheck keeps. Remove one first.',
  importEmpty: 'The file is empty.',
  importTooLarge: 'The file is too large to import (over 50 MB).',
  importBinary: 'The file is not a Crosscheck export: it is not a text file.',
  importNotJson: 'The file is not a Crosscheck export: it is not valid JSON.',
  importWrongFormat: 'The file is not a Crosscheck export (its “format” is missing or different).',
  importVersion: 'The file is a Crosscheck export of an unsupported version ($1).',
  importNoList: 'The file is a Crosscheck export but has no list of articles.',
} as const;

export type ArticleProblemCode = keyof typeof ARTICLE_PROBLEMS;

export interface ArticleProblem {
  code: ArticleProblemCode;
  params: string[];
}

/** The English message for a problem. */
export function formatArticleProblem(problem: ArticleProblem): string {
  return ARTICLE_PROBLEMS[problem.code].replace(
    /\$(\d)/g,
    (_, n: string) => problem.params[Number(n) - 1] ?? '',
  );
}

function problem(code: ArticleProblemCode, ...params: string[]): ArticleProblem {
  return { code, params };
}

export interface UserArticle extends SourceArticle {
  /** ISO timestamp of when the reader added it. */
  addedAt: string;
}

/** What the reader typed into the form. Empty strings mean "not given". */
export interface NewArticleInput {
  text: string;
  outlet: string;
  title: string;
  url: string;
  date: string;
}

/** The value stored under USER_ARTICLES_KEY. */
export interface StoredUserArticles {
  version: typeof USER_ARTICLES_VERSION;
  articles: UserArticle[];
}

export type ValidationResult =
  | { ok: true; article: UserArticle }
  | { ok: false; error: string; problem: ArticleProblem };

export function toStoredUserArticles(articles: readonly UserArticle[]): StoredUserArticles {
  return { version: USER_ARTICLES_VERSION, articles: [...articles] };
}

/**
 * Reads the stored list. Missing data is an empty list; corrupt entries are skipped and named in
 * `error`, and every valid entry is kept.
 */
export interface ParsedUserArticles {
  articles: UserArticle[];
  error: string | null;
  /** The same as data, for pages that show it through the locale. */
  unreadable: boolean;
  skipped: number;
}

export function parseUserArticles(raw: unknown): ParsedUserArticles {
  if (raw === undefined || raw === null) return { articles: [], error: null, unreadable: false, skipped: 0 };
  let entries: unknown;
  if (Array.isArray(raw)) {
    entries = raw;
  } else if (typeof raw === 'object' && Array.isArray((raw as { articles?: unknown }).articles)) {
    const version = (raw as { version?: unknown }).version;
    if (version !== USER_ARTICLES_VERSION) {
      return {
        articles: [],
        error: `Your saved sources are in an unknown format (version ${describe(version)}) and could not be read.`,
        unreadable: true,
        skipped: 0,
      };
    }
    entries = (raw as { articles: unknown[] }).articles;
  } else {
    return {
      articles: [],
      error: 'Your saved sources could not be read: the stored data is not a list.',
      unreadable: true,
      skipped: 0,
    };
  }
  const articles: UserArticle[] = [];
  const problems: string[] = [];
  const seenIds = new Set<string>();
  (entries as unknown[]).forEach((entry, i) => {
    const issue = checkStoredArticle(entry);
    if (issue !== null) {
      problems.push(`entry ${i + 1}: ${issue}`);
      return;
    }
    const article = entry as UserArticle;
    if (seenIds.has(article.id)) {
      problems.push(`entry ${i + 1}: repeats the id ${article.id}`);
      return;
    }
    seenIds.add(article.id);
    articles.push(copyArticle(article));
  });
  const error =
    problems.length === 0
      ? null
      : `${problems.length} saved source${problems.length === 1 ? '' : 's'} could not be read and ${
          problems.length === 1 ? 'was' : 'were'
        } skipped (${problems.slice(0, 5).join('; ')}${problems.length > 5 ? '; …' : ''}).`;
  return { articles, error, unreadable: false, skipped: problems.length };
}

/** Names what is wrong with a stored entry, or returns null when it is a valid UserArticle. */
function checkStoredArticle(entry: unknown): string | null {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return 'not an article';
  const a = entry as Record<string, unknown>;
  if (typeof a.id !== 'string' || !/^user-[0-9a-z]{1,32}$/.test(a.id)) return 'missing or invalid id';
  if (typeof a.body !== 'string' || a.body.trim() === '') return 'missing text';
  if (byteLengthOver(a.body, MAX_BODY_BYTES)) return 'text over 5 MB';
  if (looksBinary(a.body)) return 'text is not readable text';
  for (const field of ['outlet', 'title', 'published', 'url', 'language'] as const) {
    if (a[field] !== null && typeof a[field] !== 'string') return `invalid ${field}`;
  }
  if (typeof a.url === 'string' && checkUrl(a.url).problem !== null) return 'invalid URL';
  if (typeof a.published === 'string' && !isCalendarDate(a.published)) return 'invalid date';
  if (typeof a.addedAt !== 'string' || Number.isNaN(Date.parse(a.addedAt))) return 'invalid added time';
  return null;
}

function copyArticle(a: UserArticle): UserArticle {
  return {
    id: a.id,
    outlet: a.outlet,
    title: a.title,
    published: a.published,
    url: a.url,
    language: a.language,
    body: a.body,
    addedAt: a.addedAt,
  };
}

/**
 * Checks a pasted article and returns it ready to store, or the first problem found.
 * `now` is a parameter so tests are deterministic; it sets addedAt and bounds the date.
 */
export function validateNewArticle(
  input: NewArticleInput,
  existing: readonly UserArticle[],
  now: Date = new Date(),
): ValidationResult {
  const raw = typeof input.text === 'string' ? input.text : '';
  if (byteLengthOver(raw, MAX_BODY_BYTES)) {
    return fail(problem('tooLarge', formatMegabytes(utf8Length(raw))));
  }
  if (looksBinary(raw)) {
    return fail(problem('binary'));
  }
  const body = raw.replace(/\r\n?/g, '\n').trim();
  if (body === '') return fail(problem('emptyBody'));
  if (!/\p{L}/u.test(body)) return fail(problem('noWords'));

  const outlet = cleanLine(input.outlet);
  if (outlet === '') return fail(problem('outletMissing'));
  if (outlet.length > MAX_OUTLET_CHARS) return fail(problem('outletTooLong', String(MAX_OUTLET_CHARS)));
  const title = cleanLine(input.title);
  if (title.length > MAX_TITLE_CHARS) return fail(problem('titleTooLong', String(MAX_TITLE_CHARS)));

  const urlCheck = checkUrl(input.url);
  if (urlCheck.problem !== null) return fail(urlCheck.problem);

  const date = (input.date ?? '').trim();
  if (date !== '') {
    if (!isCalendarDate(date)) return fail(problem('dateInvalid', date));
    const tomorrow = new Date(now.getTime() + 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    if (date > tomorrow) return fail(problem('dateFuture', date));
  }

  const id = articleIdFor(body);
  const key = bodyKey(body);
  const duplicate = existing.find((a) => a.id === id || bodyKey(a.body) === key);
  if (duplicate !== undefined) {
    const name = duplicate.title ?? duplicate.outlet ?? duplicate.id;
    return fail(problem('duplicate', name));
  }
  if (existing.length >= MAX_ARTICLES) {
    return fail(problem('tooMany', String(MAX_ARTICLES)));
  }

  return {
    ok: true,
    article: {
      id,
      outlet,
      title: title === '' ? null : title,
      published: date === '' ? null : date,
      url: urlCheck.url,
      language: null,
      body,
      addedAt: now.toISOString(),
    },
  };
}

function fail(reason: ArticleProblem): ValidationResult {
  return { ok: false, error: formatArticleProblem(reason), problem: reason };
}

/** Only http(s) links are kept: a stored `javascript:` or `data:` URL could run if ever linked. */
function checkUrl(input: string | undefined): { url: string | null; problem: ArticleProblem | null } {
  const text = (input ?? '').trim();
  if (text === '') return { url: null, problem: null };
  if (text.length > MAX_URL_CHARS) return { url: null, problem: problem('urlTooLong') };
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return {
      url: null,
      problem: problem('urlInvalid'),
    };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return {
      url: null,
      problem: problem('urlScheme'),
    };
  }
  if (parsed.username !== '' || parsed.password !== '') {
    return { url: null, problem: problem('urlCredentials') };
  }
  return { url: parsed.href, problem: null };
}

function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m === null) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1800) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Removes control, zero-width and bidirectional-override characters and collapses spaces. */
function cleanLine(text: string | undefined): string {
  return (
    (text ?? '')
      .normalize('NFC')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
      .replace(/[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/**
 * Binary data pasted or read as text shows up as NUL bytes, other C0/C1 control characters or
 * U+FFFD replacement characters; real article text has almost none.
 */
export function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  if (sample.length === 0) return false;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: detecting control characters is the point
  const suspicious = sample.match(/[\u0001-\u0008\u000B\u000E-\u001F\u007F-\u009F\uFFFD]/g)?.length ?? 0;
  return suspicious > 0 && suspicious / sample.length > BINARY_CHAR_RATIO;
}

export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function byteLengthOver(text: string, limit: number): boolean {
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  return utf8Length(text) > limit;
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The body as compared for duplicates: folded, with all whitespace runs collapsed. */
function bodyKey(body: string): string {
  return foldText(body).replace(/\s+/g, ' ').trim();
}

/** A stable id from the normalised body (cyrb53), so the same text always gets the same id. */
export function articleIdFor(body: string): string {
  const key = bodyKey(body);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < key.length; i++) {
    const ch = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hash = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return `user-${hash.toString(36)}`;
}

/** The export file: versioned JSON, one object, stable key order, so exports diff cleanly. */
export function exportUserArticles(articles: readonly UserArticle[]): string {
  return `${JSON.stringify(
    { format: EXPORT_FORMAT, version: USER_ARTICLES_VERSION, articles: articles.map(copyArticle) },
    null,
    2,
  )}\n`;
}

export interface ImportResult {
  ok: boolean;
  /** The merged list to store: all of `existing` plus the new ones. Equals `existing` on failure. */
  articles: UserArticle[];
  added: number;
  skipped: number;
  /** Why the file was refused, or, when ok, a summary of skipped entries (null if none). */
  error: string | null;
  /** The same reasons as data, for pages that show them through the locale. */
  refusal: ArticleProblem | null;
  skippedEntries: { index: number; problem: ArticleProblem }[];
}

/**
 * Merges an export file into `existing`. A file that is not a Crosscheck export is refused as a
 * whole; inside a valid file, duplicates and invalid entries are skipped and counted.
 */
export function importUserArticles(
  text: string,
  existing: readonly UserArticle[],
  now: Date = new Date(),
): ImportResult {
  const refuse = (reason: ArticleProblem): ImportResult => ({
    ok: false,
    articles: [...existing],
    added: 0,
    skipped: 0,
    error: formatArticleProblem(reason),
    refusal: reason,
    skippedEntries: [],
  });
  if (typeof text !== 'string' || text.trim() === '') return refuse(problem('importEmpty'));
  if (byteLengthOver(text, MAX_IMPORT_BYTES)) return refuse(problem('importTooLarge'));
  if (looksBinary(text)) return refuse(problem('importBinary'));
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return refuse(problem('importNotJson'));
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== EXPORT_FORMAT) {
    return refuse(problem('importWrongFormat'));
  }
  const version = (data as { version?: unknown }).version;
  if (version !== USER_ARTICLES_VERSION) {
    return refuse(problem('importVersion', describe(version)));
  }
  const entries = (data as { articles?: unknown }).articles;
  if (!Array.isArray(entries)) return refuse(problem('importNoList'));

  const merged = [...existing];
  let added = 0;
  const skippedEntries: { index: number; problem: ArticleProblem }[] = [];
  entries.forEach((entry, i) => {
    const e = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    const result = validateNewArticle(
      {
        text: stringOr(e.body),
        outlet: stringOr(e.outlet),
        title: stringOr(e.title),
        url: stringOr(e.url),
        date: stringOr(e.published),
      },
      merged,
      now,
    );
    if (!result.ok) {
      skippedEntries.push({ index: i, problem: result.problem });
      return;
    }
    const addedAt =
      typeof e.addedAt === 'string' && !Number.isNaN(Date.parse(e.addedAt))
        ? e.addedAt
        : result.article.addedAt;
    merged.push({ ...result.article, addedAt });
    added++;
  });
  const skipped = skippedEntries.length;
  const listed = skippedEntries
    .slice(0, 3)
    .map((s) => `article ${s.index + 1}: ${formatArticleProblem(s.problem)}`)
    .join(' ');
  const error =
    skipped === 0
      ? null
      : `${skipped} article${skipped === 1 ? ' was' : 's were'} skipped: ${listed}${skipped > 3 ? ' …' : ''}`;
  return { ok: true, articles: merged, added, skipped, error, refusal: null, skippedEntries };
}

function stringOr(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function describe(value: unknown): string {
  return value === undefined ? 'none' : JSON.stringify(value).slice(0, 20);
}
