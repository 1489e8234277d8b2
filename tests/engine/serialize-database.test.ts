import { describe, expect, it } from 'vitest';
import { serializeDatabase } from '../../src/engine/serialize-database.ts';
import { type ClaimDatabase, DB_SCHEMA_VERSION } from '../../src/engine/types.ts';

const db: ClaimDatabase = {
  schemaVersion: DB_SCHEMA_VERSION,
  builtAt: null,
  digest: '0'.repeat(64),
  articles: [{ body: 'B.', url: null, id: 'x', outlet: null, title: null, published: null, language: 'en' }],
  claims: [],
  facts: [],
  dropped: [],
};

describe('serializeDatabase', () => {
  it('writes the top-level keys in schema order, other keys sorted, with a final newline', () => {
    const text = serializeDatabase(db);
    expect(Object.keys(JSON.parse(text))).toEqual([
      'schemaVersion',
      'builtAt',
      'digest',
      'articles',
      'claims',
      'facts',
      'dropped',
    ]);
    expect(Object.keys(JSON.parse(text).articles[0])).toEqual([
      'body',
      'id',
      'language',
      'outlet',
      'published',
      'title',
      'url',
    ]);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('gives the same bytes whatever the key order of the input, and omits undefined fields', () => {
    const shuffled = JSON.parse(JSON.stringify(db), (_k, v) =>
      v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
    );
    expect(serializeDatabase(shuffled)).toBe(serializeDatabase(db));
    const withUndefined = { ...db, extra: undefined } as unknown as ClaimDatabase;
    expect(serializeDatabase(withUndefined)).toBe(serializeDatabase(db));
  });
});
