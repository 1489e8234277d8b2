/**
 * The Firefox build in dist/firefox passes Mozilla's add-on linter (`web-ext lint`) with no
 * errors, as issue 5 asks. Warnings and notices are allowed but printed so a human can see them.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const FIREFOX_DIST = join(ROOT, 'dist/firefox');
const WEB_EXT = join(ROOT, 'node_modules/.bin/web-ext');

interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
}

interface LintReport {
  count: number;
  summary: { errors: number; notices: number; warnings: number };
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

describe('Firefox build', () => {
  it('passes web-ext lint with no errors', async () => {
    expect(existsSync(join(FIREFOX_DIST, 'manifest.json')), 'run npm run build first').toBe(true);
    // web-ext exits non-zero when there are errors; the JSON report is on stdout either way.
    const stdout = await promisify(execFile)(
      WEB_EXT,
      ['lint', '--source-dir', FIREFOX_DIST, '--output', 'json', '--no-input'],
      { cwd: ROOT, maxBuffer: 32 * 1024 * 1024, env: { ...process.env, NO_UPDATE_NOTIFIER: '1' } },
    ).then(
      (result) => result.stdout,
      (error: { stdout?: string }) => error.stdout ?? '',
    );
    const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as LintReport;
    const show = (m: LintMessage) =>
      `  ${m.code} ${m.file ?? ''}${m.line ? `:${m.line}` : ''} — ${m.message}`;
    console.log(
      `web-ext lint dist/firefox: ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.notices} notices`,
    );
    for (const m of report.warnings) console.log(`warning${show(m)}`);
    for (const m of report.notices) console.log(`notice${show(m)}`);
    for (const m of report.errors) console.log(`ERROR${show(m)}`);
    expect(report.errors.map(show)).toEqual([]);
    expect(report.summary.errors).toBe(0);
  });
});
