/**
 * Writes the claim database as canonical JSON: a fixed key order for the top level, sorted keys
 * everywhere else, two-space indentation and a final newline. The same database always gives the
 * same bytes, so a rebuild from the same input is byte-identical and diffs stay readable.
 */

import type { ClaimDatabase } from './types.ts';

const TOP_LEVEL_ORDER = ['schemaVersion', 'builtAt', 'digest', 'articles', 'claims', 'facts', 'dropped'];

function canonicalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalise);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = canonicalise(v);
    }
    return out;
  }
  if (typeof value === 'number' && !Number.isFinite(value))
    throw new Error(`cannot serialise number ${value}`);
  return value;
}

/** Serialises `db` deterministically (see module comment). */
export function serializeDatabase(db: ClaimDatabase): string {
  const top: Record<string, unknown> = {};
  const record = db as unknown as Record<string, unknown>;
  for (const key of TOP_LEVEL_ORDER) if (record[key] !== undefined) top[key] = canonicalise(record[key]);
  for (const key of Object.keys(record).sort()) {
    if (!(key in top) && record[key] !== undefined) top[key] = canonicalise(record[key]);
  }
  return `${JSON.stringify(top, null, 2)}\n`;
}
