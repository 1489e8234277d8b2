import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as engine from '../../src/engine/index.ts';

const ENGINE = resolve(import.meta.dirname, '../../src/engine');

describe('engine barrel (src/engine/index.ts)', () => {
  it('re-exports every engine module', () => {
    const barrel = readFileSync(resolve(ENGINE, 'index.ts'), 'utf8');
    const modules = readdirSync(ENGINE).filter((f) => f.endsWith('.ts') && f !== 'index.ts');
    const missing = modules.filter((f) => !barrel.includes(`export * from './${f}';`));
    expect(missing).toEqual([]);
  });

  it('exposes the matcher and the database pipeline', () => {
    expect(typeof engine.createMatcher).toBe('function');
    expect(typeof engine.decideVerdict).toBe('function');
    expect(typeof engine.buildDatabase).toBe('function');
    expect(typeof engine.validateDatabase).toBe('function');
    expect(engine.MATCH_THRESHOLD).toBeGreaterThan(0);
  });
});
