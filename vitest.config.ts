import { defineConfig } from 'vitest/config';

// Two projects: `unit` runs in Node (DOM tests opt into happy-dom per file), `e2e` drives the built
// extension in real browsers and so runs its files one at a time with generous time limits.

// FUZZ_RUNS_FACTOR (tests/support/fuzz.ts) multiplies every property's runs, so a unit test's time
// limit grows with it: at 10 the fuzzed DOM offset maps outran vitest's default 5 s.
const fuzzFactor = Number(process.env.FUZZ_RUNS_FACTOR ?? 1);
const UNIT_TIMEOUT_MS = 5_000 * (Number.isFinite(fuzzFactor) && fuzzFactor > 1 ? fuzzFactor : 1);

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**'],
          environment: 'node',
          testTimeout: UNIT_TIMEOUT_MS,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
