/**
 * `npm run db:report [-- --json] [--db FILE] [--all]`: shows what the claim database holds.
 * The table lists each multi-source fact's claims by outlet and its agreeing, conflicting and
 * differently-worded pairs with the values that differ (`--all` adds single-source facts); the
 * last line summarises articles, claims, facts, multi-source facts and conflicts. `--json`
 * prints every fact in the shape documented in data/README.md.
 */

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ClaimDatabase } from '../src/engine/types.ts';
import { validateDatabase } from '../src/engine/validate-database.ts';

export interface ReportJson {
  facts: Array<{
    id: string;
    claims: Array<{ id: string; articleId: string; outlet: string | null; text: string }>;
    relations: Array<{
      a: string;
      b: string;
      stance: string;
      details: Array<{ kind: string; a: string; b: string }>;
    }>;
  }>;
}

export function buildReportJson(db: ClaimDatabase): ReportJson {
  const claims = new Map(db.claims.map((c) => [c.id, c]));
  const outlets = new Map(db.articles.map((a) => [a.id, a.outlet]));
  return {
    facts: db.facts.map((f) => ({
      id: f.id,
      claims: f.claimIds.map((id) => {
        const c = claims.get(id)!;
        return { id: c.id, articleId: c.articleId, outlet: outlets.get(c.articleId) ?? null, text: c.text };
      }),
      relations: f.relations.map((r) => ({
        a: r.a,
        b: r.b,
        stance: r.stance,
        details: r.details.map((d) => ({ kind: d.kind, a: d.a, b: d.b })),
      })),
    })),
  };
}

export interface ReportSummary {
  articles: number;
  claims: number;
  facts: number;
  multiSourceFacts: number;
  conflicts: number;
  wordedDifferently: number;
  agreements: number;
}

export function summarise(db: ClaimDatabase): ReportSummary {
  const articleOf = new Map(db.claims.map((c) => [c.id, c.articleId]));
  let conflicts = 0;
  let worded = 0;
  let agreements = 0;
  let multi = 0;
  for (const f of db.facts) {
    if (new Set(f.claimIds.map((id) => articleOf.get(id))).size > 1) multi++;
    for (const r of f.relations) {
      if (r.stance === 'conflicts') conflicts++;
      else if (r.stance === 'worded-differently') worded++;
      else agreements++;
    }
  }
  return {
    articles: db.articles.length,
    claims: db.claims.length,
    facts: db.facts.length,
    multiSourceFacts: multi,
    conflicts,
    wordedDifferently: worded,
    agreements,
  };
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}\u2026`;
}

export function formatReport(db: ClaimDatabase, options: { all?: boolean } = {}): string {
  const claims = new Map(db.claims.map((c) => [c.id, c]));
  const sourceName = new Map(db.articles.map((a) => [a.id, a.outlet ?? `(article ${a.id})`]));
  const lines: string[] = [];
  for (const f of db.facts) {
    const articles = new Set(f.claimIds.map((id) => claims.get(id)!.articleId));
    if (articles.size < 2 && !options.all) continue;
    lines.push(`== ${f.id} (${f.claimIds.length} claims, ${articles.size} sources)`);
    for (const id of f.claimIds) {
      const c = claims.get(id)!;
      lines.push(
        `  ${id.padEnd(24)} ${clip(sourceName.get(c.articleId) ?? '', 22).padEnd(22)} ${clip(c.text, 110)}`,
      );
    }
    for (const r of f.relations) {
      const mark =
        r.stance === 'conflicts'
          ? 'CONFLICT '
          : r.stance === 'worded-differently'
            ? 'WORDING  '
            : 'agrees   ';
      const details = r.details
        .map(
          (d) =>
            `${d.kind}: ${d.a} vs ${d.b}${d.subject ? ` (${d.subject})` : ''}${d.altersMeaning ? ' [alters meaning]' : ''}`,
        )
        .join('; ');
      lines.push(`    ${mark} ${r.a} ~ ${r.b}${details ? `  ${details}` : ''}`);
    }
  }
  const s = summarise(db);
  lines.push(
    `articles: ${s.articles}, claims: ${s.claims}, facts: ${s.facts}, multi-source facts: ${s.multiSourceFacts}, conflicts: ${s.conflicts} (worded differently: ${s.wordedDifferently}, agreeing pairs: ${s.agreements})`,
  );
  return lines.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const argv = process.argv.slice(2);
  const dbIndex = argv.indexOf('--db');
  const path = dbIndex >= 0 ? argv[dbIndex + 1] : 'generated/claim-db.json';
  try {
    if (!path) throw new Error('--db needs a file');
    let raw: string;
    try {
      raw = readFileSync(path, 'utf8');
    } catch {
      throw new Error(`${path}: cannot read the database (run npm run db:build first)`);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw new Error(`${path}: not valid JSON`);
    }
    const db = validateDatabase(parsed);
    if (argv.includes('--json')) console.log(JSON.stringify(buildReportJson(db), null, 2));
    else console.log(formatReport(db, { all: argv.includes('--all') }));
  } catch (error) {
    console.error(`db:report: error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
