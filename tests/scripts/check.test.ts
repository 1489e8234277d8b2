import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheckFile } from '../../scripts/check-file.ts';
import { FIXED_BUILT_AT, readArticles } from '../../scripts/seed-articles.ts';
import { buildDatabase } from '../../src/engine/build-database.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = (name: string) => join(ROOT, 'tests/fixtures/cli', name);

let dir: string;
let dbPath: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'crosscheck-cli-'));
  dbPath = join(dir, 'claim-db.json');
  writeFileSync(dbPath, JSON.stringify(buildDatabase(readArticles(), { builtAt: FIXED_BUILT_AT })));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = runCheckFile(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('check <file> --json', () => {
  it('prints exactly the documented shape, listing only matched sentences', () => {
    const { code, stdout, stderr } = run(CLI('reworded-article.txt'), '--json', '--db', dbPath);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual(['database', 'sentences']);
    expect(Object.keys(report.database)).toEqual(['articles', 'claims', 'facts']);
    expect(report.database.articles).toBe(5);
    for (const s of report.sentences) {
      expect(Object.keys(s)).toEqual(['text', 'verdict', 'sources']);
      expect(['corroborated', 'conflicting', 'mixed']).toContain(s.verdict);
      for (const src of s.sources) {
        expect(Object.keys(src)).toEqual(['articleId', 'outlet', 'claim', 'score', 'stance', 'details']);
        expect(['agrees', 'conflicts', 'worded-differently']).toContain(src.stance);
        for (const d of src.details) expect(Object.keys(d)).toEqual(['kind', 'page', 'source']);
      }
    }
    const texts = report.sentences.map((s: { text: string }) => s.text);
    expect(texts.some((t: string) => t.startsWith('Defense Secretary Mark Esper told reporters'))).toBe(true);
    expect(texts).toContain('The United States has about 5,000 troops in Iraq.');
    expect(texts).not.toContain('He said on Monday.');
    expect(texts.some((t: string) => t.includes('Manchester United'))).toBe(false);
  });

  it('shows the 5,000 vs 5,200 conflict with both numbers', () => {
    const report = JSON.parse(run(CLI('reworded-article.txt'), '--json', '--db', dbPath).stdout);
    const troops = report.sentences.find((s: { text: string }) => s.text.includes('5,000 troops'));
    expect(troops.verdict).toBe('mixed');
    const express = troops.sources.find((s: { outlet: string }) => s.outlet === 'express.co.uk');
    expect(express.stance).toBe('conflicts');
    expect(express.details).toContainEqual(expect.objectContaining({ kind: 'number' }));
    const detail = express.details.find((d: { kind: string }) => d.kind === 'number');
    expect(detail.page.replace(/,/g, '')).toContain('5000');
    expect(detail.source.replace(/,/g, '')).toContain('5200');
    expect(troops.sources.some((s: { stance: string }) => s.stance === 'agrees')).toBe(true);
  });

  it('collects HTML with the content script collector: skips script, nav, hidden and footer text', () => {
    const { code, stdout } = run(CLI('reworded-page.html'), '--json', '--db', dbPath);
    expect(code).toBe(0);
    const texts = JSON.parse(stdout).sentences.map((s: { text: string }) => s.text);
    // The headline is article text too, and restates the Pentagon's denial.
    expect(texts).toEqual([
      'Pentagon denies Iraq pullout',
      'Esper told reporters no decision had been taken to pull out of Iraq.',
      'Roughly 5,000 American service members remain in Iraq.',
    ]);
  });

  it('does not let the article a file reproduces corroborate it, as the extension does on a page', () => {
    const express = readArticles().find((a) => a.outlet === 'express.co.uk')!;
    const file = join(dir, 'express-copy.txt');
    writeFileSync(file, express.body);
    const report = JSON.parse(run(file, '--json', '--db', dbPath).stdout);
    const sources = report.sentences.flatMap((s: { sources: { articleId: string }[] }) => s.sources);
    expect(report.sentences.length).toBeGreaterThan(5);
    expect(sources.some((s: { articleId: string }) => s.articleId === express.id)).toBe(false);
    expect(run(file, '--db', dbPath).stdout).toContain('Not a source here: express.co.uk');
  });

  it('matches nothing in an unrelated text', () => {
    const report = JSON.parse(run(CLI('unrelated.txt'), '--json', '--db', dbPath).stdout);
    expect(report.sentences).toEqual([]);
  });
});

describe('check <file> readable report', () => {
  it('names each matched sentence, its verdict, sources, quotes and details', () => {
    const { code, stdout } = run(CLI('reworded-article.txt'), '--db', dbPath);
    expect(code).toBe(0);
    expect(stdout).toMatch(/\[MIXED\] The United States has about 5,000 troops in Iraq\./);
    expect(stdout).toMatch(/conflicts\s+express\.co\.uk/);
    expect(stdout).toMatch(/number: page says .*5,?000.*, source says .*5,?200/);
    expect(stdout).not.toContain('Manchester');
  });
});

describe('check errors', () => {
  it.each([
    ['a missing file', [CLI('no-such-file.txt')], /cannot read file .*no-such-file\.txt: no such file/],
    ['an empty file', [CLI('empty.txt')], /file .*empty\.txt is empty/],
    ['a directory', [join(ROOT, 'tests/fixtures/cli')], /is a directory/],
    [
      'a database that fails validation',
      [CLI('unrelated.txt'), '--db', CLI('bad-db.json')],
      /bad database .*bad-db\.json/,
    ],
    [
      'a database that is not JSON',
      [CLI('unrelated.txt'), '--db', CLI('truncated-db.json')],
      /not valid JSON/,
    ],
    ['a missing database', [CLI('unrelated.txt'), '--db', join(ROOT, 'nope.json')], /cannot read database/],
    ['no file', [], /no file given/],
    ['an unknown option', [CLI('unrelated.txt'), '--frobnicate'], /unknown option --frobnicate/],
  ])('reports %s clearly with a non-zero exit', (_what, argv, message) => {
    const { code, stdout, stderr } = run(...(argv as string[]));
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  // Root reads every file, so a permission error cannot be produced there.
  it.skipIf(process.getuid?.() === 0)('reports an unreadable file', () => {
    const locked = join(dir, 'locked.txt');
    writeFileSync(locked, 'text');
    chmodSync(locked, 0);
    expect(run(locked, '--db', dbPath).stderr).toMatch(/permission denied/);
  });

  it('exits non-zero without a stack trace as a real process', () => {
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'scripts/check.ts'), CLI('empty.txt')],
      {
        encoding: 'utf8',
        cwd: ROOT,
      },
    );
    expect(child.status).toBe(1);
    expect(child.stderr).toMatch(/^check: file .*empty\.txt is empty\n$/);
    expect(child.stdout).toBe('');
  });
});
