import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReportJson, formatReport, summarise } from '../../scripts/db-report.ts';
import { buildDatabase } from '../../src/engine/build-database.ts';
import { serializeDatabase } from '../../src/engine/serialize-database.ts';
import { loadSeedArticles } from '../engine/seed-articles.ts';

const ROOT = join(import.meta.dirname, '../..');
const db = buildDatabase(loadSeedArticles());

describe('db-report', () => {
  it('summarises articles, claims, facts, multi-source facts and conflicts', () => {
    const s = summarise(db);
    expect(s.articles).toBe(5);
    expect(s.claims).toBe(db.claims.length);
    expect(s.facts).toBe(db.facts.length);
    expect(s.multiSourceFacts).toBeGreaterThan(15);
    expect(s.conflicts).toBe(
      db.facts.flatMap((f) => f.relations).filter((r) => r.stance === 'conflicts').length,
    );
    const text = formatReport(db);
    expect(text.split('\n').at(-1)).toMatch(
      new RegExp(
        `^articles: 5, claims: ${s.claims}, facts: ${s.facts}, multi-source facts: ${s.multiSourceFacts}, conflicts: ${s.conflicts}`,
      ),
    );
    expect(text).toContain('CONFLICT');
    expect(text).toContain('number: 5,200 vs 5,000 (US troops in Iraq)');
    expect(text).toContain('Marine Corps vs Navy');
  });

  it('prints JSON in exactly the documented shape', () => {
    const json = buildReportJson(db);
    expect(Object.keys(json)).toEqual(['facts']);
    expect(json.facts).toHaveLength(db.facts.length);
    for (const f of json.facts) {
      expect(Object.keys(f)).toEqual(['id', 'claims', 'relations']);
      for (const c of f.claims) expect(Object.keys(c)).toEqual(['id', 'articleId', 'outlet', 'text']);
      for (const r of f.relations) {
        expect(Object.keys(r)).toEqual(['a', 'b', 'stance', 'details']);
        for (const d of r.details) expect(Object.keys(d)).toEqual(['kind', 'a', 'b']);
      }
    }
    const conflict = json.facts
      .flatMap((f) => f.relations)
      .find((r) => r.details.some((d) => d.a === '5,200'));
    expect(conflict?.stance).toBe('conflicts');
  });

  it('runs as a script with --json and fails cleanly on a bad database', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crosscheck-report-'));
    const good = join(dir, 'db.json');
    writeFileSync(good, serializeDatabase(db));
    const run = (args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/db-report.ts'), ...args], {
        cwd: ROOT,
        encoding: 'utf8',
      });
    const ok = run(['--json', '--db', good]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual(JSON.parse(JSON.stringify(buildReportJson(db))));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ schemaVersion: 0 }));
    const r = run(['--db', bad]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/db:report: error: \$\.schemaVersion: unsupported schema version 0/);
    expect(run(['--db', join(dir, 'missing.json')]).stderr).toMatch(/cannot read the database/);
  }, 60_000);
});
