/**
 * `npm run db:build [-- --articles DIR --out FILE]`: builds generated/claim-db.json from the
 * article files. Any bad input stops the build with `file:line: message` and a non-zero exit, and
 * the previous output is left untouched: the new file is written to a temp file and renamed.
 * builtAt comes from SOURCE_DATE_EPOCH, else the last commit touching the articles, else null.
 */

import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { buildDatabase } from '../src/engine/build-database.ts';
import { ArticleFileError, parseArticleFiles } from '../src/engine/parse-article-file.ts';
import { serializeDatabase } from '../src/engine/serialize-database.ts';
import { validateDatabase } from '../src/engine/validate-database.ts';

export interface BuildDbOptions {
  articles: string;
  out: string;
}

export function parseBuildArgs(argv: readonly string[]): BuildDbOptions {
  const opts: BuildDbOptions = { articles: 'data/articles', out: 'generated/claim-db.json' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = argv[i + 1];
    if (arg === '--articles' || arg === '--out') {
      if (!value || value.startsWith('--')) throw new Error(`${arg} needs a value`);
      if (arg === '--articles') opts.articles = value;
      else opts.out = value;
      i++;
    } else {
      throw new Error(`unknown option ${arg} (use --articles DIR --out FILE)`);
    }
  }
  return opts;
}

/** builtAt: SOURCE_DATE_EPOCH, else the commit time of the last commit touching `dir`, else null. */
export function resolveBuiltAt(dir: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch)) throw new Error(`SOURCE_DATE_EPOCH must be an integer, got "${epoch}"`);
    return new Date(Number(epoch) * 1000).toISOString();
  }
  try {
    const out = execFileSync('git', ['log', '-1', '--format=%ct', '--', '.'], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    return /^\d+$/.test(out) ? new Date(Number(out) * 1000).toISOString() : null;
  } catch {
    return null;
  }
}

/** Reads every `*.txt` article in `dir` (sorted by name); other files are an error, never skipped. */
export function readArticleDir(dir: string) {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    throw new Error(`${dir}: cannot read the articles directory`);
  }
  const files = [];
  for (const name of names) {
    const path = join(dir, name);
    if (name.startsWith('.') || statSync(path).isDirectory()) continue;
    if (!name.endsWith('.txt'))
      throw new ArticleFileError(path, 1, 'not an article file (expected a .txt file)');
    files.push({ fileName: path, content: readFileSync(path) as Uint8Array });
  }
  if (files.length === 0) throw new Error(`${dir}: no article files (*.txt) found`);
  return parseArticleFiles(files);
}

export function runBuildDb(argv: readonly string[]): {
  out: string;
  articles: number;
  claims: number;
  facts: number;
} {
  const opts = parseBuildArgs(argv);
  const articles = readArticleDir(opts.articles);
  const db = buildDatabase(articles, { builtAt: resolveBuiltAt(opts.articles) });
  const json = serializeDatabase(db);
  validateDatabase(JSON.parse(json));
  const out = resolve(opts.out);
  mkdirSync(dirname(out), { recursive: true });
  const tmp = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, json);
    renameSync(tmp, out);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
  return { out, articles: db.articles.length, claims: db.claims.length, facts: db.facts.length };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  try {
    const r = runBuildDb(process.argv.slice(2));
    console.log(
      `db:build: wrote ${relative(process.cwd(), r.out)} (${r.articles} articles, ${r.claims} claims, ${r.facts} facts)`,
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`db:build: error: ${message}`);
    process.exit(1);
  }
}
