import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveBuiltAt } from '../../scripts/build-db.ts';
import { validateDatabase } from '../../src/engine/validate-database.ts';

const ROOT = join(import.meta.dirname, '../..');
const SEEDS = join(ROOT, 'data/articles');
const BAD = join(ROOT, 'tests/fixtures/bad-articles');

function runBuild(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/build-db.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
}

function seedCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-articles-'));
  for (const f of readdirSync(SEEDS)) copyFileSync(join(SEEDS, f), join(dir, f));
  return dir;
}

describe('scripts/build-db.ts', () => {
  it('writes a valid database, byte-identical on rebuild, with builtAt from SOURCE_DATE_EPOCH', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'crosscheck-out-')), 'claim-db.json');
    const env = { SOURCE_DATE_EPOCH: '1578268800' };
    const first = runBuild(['--articles', SEEDS, '--out', out], env);
    expect(first.status, first.stderr).toBe(0);
    const bytes = readFileSync(out);
    const db = validateDatabase(JSON.parse(bytes.toString('utf8')));
    expect(db.builtAt).toBe('2020-01-06T00:00:00.000Z');
    expect(db.articles).toHaveLength(5);
    expect(runBuild(['--articles', SEEDS, '--out', out], env).status).toBe(0);
    expect(readFileSync(out).equals(bytes)).toBe(true);
  }, 60_000);

  it.each([
    ['bad-date.txt', /bad-date\.txt:3: invalid published date/],
    ['missing-body.txt', /missing-body\.txt:4: article body is missing/],
    ['binary.txt', /binary\.txt:3: file is not text/],
    ['empty.txt', /empty\.txt:1: file is empty/],
  ])(
    'stops on %s with file:line and leaves the previous output untouched',
    (bad, message) => {
      const dir = seedCopy();
      copyFileSync(join(BAD, bad), join(dir, bad));
      const outDir = mkdtempSync(join(tmpdir(), 'crosscheck-out-'));
      const out = join(outDir, 'claim-db.json');
      writeFileSync(out, 'previous database\n');
      const r = runBuild(['--articles', dir, '--out', out]);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(readFileSync(out, 'utf8')).toBe('previous database\n');
      expect(readdirSync(outDir)).toEqual(['claim-db.json']);
    },
    60_000,
  );

  it('stops on a duplicate id and on a file that is not an article', () => {
    const dir = seedCopy();
    copyFileSync(join(SEEDS, '000_3e3b104efa56922f.txt'), join(dir, 'copy-of-000.txt'));
    const r = runBuild(['--articles', dir, '--out', join(dir, 'out.json')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/copy-of-000\.txt:1: duplicate id "000_3e3b104efa56922f"/);

    const other = seedCopy();
    writeFileSync(join(other, 'notes.md'), '# notes');
    const r2 = runBuild(['--articles', other, '--out', join(other, 'out.json')]);
    expect(r2.status).toBe(1);
    expect(r2.stderr).toMatch(/notes\.md:1: not an article file/);
  }, 60_000);

  it('rejects unknown options', () => {
    const r = runBuild(['--bogus']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/unknown option --bogus/);
  }, 60_000);
});

describe('resolveBuiltAt', () => {
  it('uses SOURCE_DATE_EPOCH, else the last commit touching the directory, else null', () => {
    expect(resolveBuiltAt(SEEDS, { SOURCE_DATE_EPOCH: '0' })).toBe('1970-01-01T00:00:00.000Z');
    const commitTime = execFileSync('git', ['log', '-1', '--format=%ct', '--', '.'], {
      cwd: SEEDS,
      encoding: 'utf8',
    }).trim();
    expect(resolveBuiltAt(SEEDS, {})).toBe(new Date(Number(commitTime) * 1000).toISOString());
    expect(resolveBuiltAt(mkdtempSync(join(tmpdir(), 'crosscheck-nogit-')), {})).toBeNull();
    expect(() => resolveBuiltAt(SEEDS, { SOURCE_DATE_EPOCH: 'yesterday' })).toThrow(/SOURCE_DATE_EPOCH/);
  });
});
