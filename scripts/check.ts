/**
 * `npm run check`: with a file argument, checks that page against the claim database (see
 * check-file.ts); with none, runs the whole project check (typecheck, lint, tests with their
 * build, benchmark) in sequence and stops at the first failure with its exit code.
 */

import { spawnSync } from 'node:child_process';
import { runCheckFile } from './check-file.ts';

/** In order; `test` runs `build` first (see package.json). */
export const PROJECT_STEPS = ['typecheck', 'lint', 'test', 'bench'] as const;

function runProjectCheck(): number {
  for (const step of PROJECT_STEPS) {
    console.log(`\n== npm run ${step}`);
    const started = performance.now();
    const result = spawnSync('npm', ['run', step], { stdio: 'inherit' });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const code = result.status ?? 1;
    if (result.error || code !== 0) {
      console.error(`\ncheck: npm run ${step} failed (exit ${code}) after ${seconds} s`);
      return code === 0 ? 1 : code;
    }
    console.log(`== npm run ${step} passed in ${seconds} s`);
  }
  console.log(`\ncheck: all steps passed (${PROJECT_STEPS.join(', ')})`);
  return 0;
}

const argv = process.argv.slice(2);
process.exitCode =
  argv.length === 0
    ? runProjectCheck()
    : runCheckFile(argv, {
        stdout: (text) => process.stdout.write(text),
        stderr: (text) => process.stderr.write(text),
      });
