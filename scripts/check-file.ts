/**
 * The `npm run check -- <file>` command: checks a saved page (HTML) or a text file against the
 * claim database through the same code the extension runs: the content script's collector
 * (`collectSentences`, here on happy-dom) and the engine's matcher. Kept apart from scripts/check.ts
 * so tests can run it in-process. Must keep true: every failure a user can cause (missing,
 * unreadable or empty file, bad database, bad arguments) ends with one clear line on stderr and a
 * non-zero exit code, never a stack trace; `--json` prints exactly the documented shape.
 */

import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import { collectSentences } from '../src/content/collect-text.ts';
import { createMatcher } from '../src/engine/create-matcher.ts';
import { excludeArticles } from '../src/engine/exclude-articles.ts';
import { findOwnArticles } from '../src/engine/find-own-articles.ts';
import type { ClaimDatabase, SentenceMatch } from '../src/engine/types.ts';
import { validateDatabase } from '../src/engine/validate-database.ts';

export const DEFAULT_DB_PATH = resolve(import.meta.dirname, '../generated/claim-db.json');

export const USAGE = 'usage: npm run --silent check -- <file.html|file.txt> [--json] [--db <path>]';

/** A failure the user can fix; its message is printed as is, without a stack trace. */
export class CheckError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export interface CheckArgs {
  file: string;
  json: boolean;
  db: string;
}

export function parseCheckArgs(argv: readonly string[]): CheckArgs {
  let file: string | null = null;
  let json = false;
  let db = DEFAULT_DB_PATH;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') json = true;
    else if (arg === '--db') {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--'))
        throw new CheckError(`--db needs a path\n${USAGE}`, 2);
      db = value;
    } else if (arg.startsWith('--')) throw new CheckError(`unknown option ${arg}\n${USAGE}`, 2);
    else if (file === null) file = arg;
    else throw new CheckError(`only one file can be checked at a time (got ${file} and ${arg})\n${USAGE}`, 2);
  }
  if (file === null) throw new CheckError(`no file given\n${USAGE}`, 2);
  return { file, json, db };
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory, not a file';
  return (error as Error).message;
}

/** Reads a user-named text file or throws a CheckError saying why it cannot. */
export function readTextFile(path: string, what: string): string {
  let text: string;
  try {
    if (statSync(path).isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CheckError(`cannot read ${what} ${path}: ${describeFsError(error)}`);
  }
  if (text.includes('\u0000')) throw new CheckError(`cannot read ${what} ${path}: not a text file`);
  if (text.trim() === '') throw new CheckError(`${what} ${path} is empty`);
  return text;
}

export function loadDatabase(path: string): ClaimDatabase {
  const hint = path === DEFAULT_DB_PATH ? ' (run `npm run db:build` first)' : '';
  let text: string;
  try {
    text = readTextFile(path, 'database');
  } catch (error) {
    throw new CheckError(`${(error as Error).message}${hint}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new CheckError(`bad database ${path}: not valid JSON (${(error as Error).message})`);
  }
  try {
    return validateDatabase(raw);
  } catch (error) {
    throw new CheckError(`bad database ${path}: ${(error as Error).message}`);
  }
}

function isHtml(path: string, text: string): boolean {
  if (/\.x?html?$/i.test(path)) return true;
  if (/\.txt$/i.test(path)) return false;
  return /^\s*(?:<!doctype html|<html[\s>])/i.test(text);
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The page's sentences as the content script would send them. A text file becomes one paragraph
 * per blank-line-separated block, so it goes through the very same collector.
 */
export function collectFileSentences(path: string, text: string): string[] {
  const html = isHtml(path, text)
    ? text
    : `<!doctype html><html><body>${text
        .split(/\n\s*\n/)
        .map((block) => `<p>${escapeHtml(block)}</p>`)
        .join('\n')}</body></html>`;
  const window = new Window({
    url: 'http://127.0.0.1/',
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
      },
    },
  });
  try {
    const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
    return collectSentences(doc).map((s) => s.text);
  } finally {
    void window.happyDOM.close();
  }
}

export interface CheckReport {
  database: { articles: number; claims: number; facts: number };
  sentences: {
    text: string;
    verdict: SentenceMatch['verdict'];
    sources: {
      articleId: string;
      outlet: string | null;
      claim: string;
      score: number;
      stance: SentenceMatch['sources'][number]['stance'];
      details: { kind: string; page: string; source: string }[];
    }[];
  }[];
}

/** The documented `--json` shape, and nothing else. */
export function toReport(db: ClaimDatabase, matches: readonly SentenceMatch[]): CheckReport {
  return {
    database: { articles: db.articles.length, claims: db.claims.length, facts: db.facts.length },
    sentences: matches.map((m) => ({
      text: m.text,
      verdict: m.verdict,
      sources: m.sources.map((s) => ({
        articleId: s.articleId,
        outlet: s.outlet,
        claim: s.claim,
        score: s.score,
        stance: s.stance,
        details: s.details.map((d) => ({ kind: d.kind, page: d.page, source: d.source })),
      })),
    })),
  };
}

/**
 * The readable report: each matched sentence, its verdict, and its sources with quotes and details.
 * `leftOut` names the database articles the file reproduces, which are not its sources.
 */
export function formatReport(
  report: CheckReport,
  file: string,
  checked: number,
  leftOut: readonly string[] = [],
): string {
  const { database } = report;
  const lines = [
    `${file}: ${checked} sentences checked, ${report.sentences.length} matched ` +
      `(database: ${database.articles} articles, ${database.claims} claims, ${database.facts} facts)`,
  ];
  for (const name of leftOut) lines.push(`Not a source here: ${name} (the file reproduces that article).`);
  for (const sentence of report.sentences) {
    lines.push('', `[${sentence.verdict.toUpperCase()}] ${sentence.text}`);
    for (const source of sentence.sources) {
      const who = source.outlet ?? source.articleId;
      lines.push(`  ${source.stance.padEnd(18)} ${who} (score ${source.score.toFixed(2)})`);
      lines.push(`    "${source.claim}"`);
      for (const d of source.details)
        lines.push(`    ${d.kind}: page says ${d.page}, source says ${d.source}`);
    }
  }
  if (report.sentences.length === 0) lines.push('', 'No sentence matched a claim in the database.');
  return `${lines.join('\n')}\n`;
}

export interface CheckIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Runs the command; returns the exit code. Never throws for user errors. */
export function runCheckFile(argv: readonly string[], io: CheckIo): number {
  try {
    const args = parseCheckArgs(argv);
    const text = readTextFile(args.file, 'file');
    const db = loadDatabase(args.db);
    const sentences = collectFileSentences(args.file, text);
    const matched = createMatcher(db).match(sentences);
    // As the extension does on a page: the article the file reproduces does not corroborate it.
    const own = findOwnArticles(matched);
    const report = toReport(db, excludeArticles(matched, new Set(own)));
    const leftOut = own.map((id) => db.articles.find((a) => a.id === id)?.outlet ?? id);
    io.stdout(
      args.json
        ? `${JSON.stringify(report, null, 2)}\n`
        : formatReport(report, args.file, sentences.length, leftOut),
    );
    return 0;
  } catch (error) {
    if (error instanceof CheckError) {
      io.stderr(`check: ${error.message}\n`);
      return error.exitCode;
    }
    io.stderr(`check: internal error: ${(error as Error).message ?? String(error)}\n`);
    return 70;
  }
}
