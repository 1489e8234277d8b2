import { describe, expect, it } from 'vitest';
import { buildDatabase } from '../../src/engine/build-database.ts';
import { serializeDatabase } from '../../src/engine/serialize-database.ts';
import { validateDatabase } from '../../src/engine/validate-database.ts';
import { loadSeedArticles } from './seed-articles.ts';

// Tests poke at parsed JSON freely: that is the point of validating it.
// biome-ignore lint/suspicious/noExplicitAny: parsed JSON under test
type Json = any;

const good = JSON.parse(serializeDatabase(buildDatabase(loadSeedArticles())));
const copy = () => structuredClone(good);

describe('validateDatabase', () => {
  it('accepts a built database', () => {
    expect(validateDatabase(copy()).claims.length).toBe(good.claims.length);
  });

  it.each([
    ['a wrong schema version', (d: Json) => (d.schemaVersion = 99), '$.schemaVersion'],
    ['a missing digest', (d: Json) => delete d.digest, '$.digest'],
    ['a claim whose text is not its slice', (d: Json) => (d.claims[3].text += 'x'), '$.claims[3].text'],
    ['offsets outside the body', (d: Json) => (d.claims[2].end = 10 ** 7), '$.claims[2].end'],
    ['a duplicate claim id', (d: Json) => (d.claims[1].id = d.claims[0].id), '$.claims[1].id'],
    ['an unknown article', (d: Json) => (d.claims[0].articleId = 'nope'), '$.claims[0].articleId'],
    [
      'a bad qualifier',
      (d: Json) => {
        const c = d.claims.find((x: Json) => x.features.quantities.length > 0);
        c.features.quantities[0].qualifier = 'lots';
      },
      '.features.quantities[0].qualifier',
    ],
    [
      'a bad quantity scope',
      (d: Json) => {
        const c = d.claims.find((x: Json) => x.features.quantities.length > 0);
        c.features.quantities[0].scope = 'everywhere';
      },
      '.features.quantities[0].scope',
    ],
    [
      'a fact naming an unknown claim',
      (d: Json) => (d.facts[0].claimIds[0] = 'ghost'),
      '$.facts[0].claimIds[0]',
    ],
    [
      'a bad stance',
      (d: Json) => {
        const f = d.facts.findIndex((x: Json) => x.relations.length > 0);
        d.facts[f].relations[0].stance = 'maybe';
      },
      'stance',
    ],
    ['a bad drop reason', (d: Json) => (d.dropped[0].reason = 'boring'), '$.dropped[0].reason'],
    [
      'a bad published date',
      (d: Json) => (d.articles[2].published = '6 Jan 2020'),
      '$.articles[2].published',
    ],
  ])('rejects %s, naming the JSON path', (_name, mutate, path) => {
    const d = copy();
    mutate(d);
    expect(() => validateDatabase(d)).toThrow(path);
  });

  it('rejects a value that is not an object', () => {
    expect(() => validateDatabase('not a database')).toThrow('$: expected an object');
    expect(() => validateDatabase(null)).toThrow('$: expected an object');
  });

  it('rejects a claim that belongs to no fact', () => {
    const d = copy();
    const lonely = d.facts.findIndex((f: Json) => f.claimIds.length === 1);
    d.facts.splice(lonely, 1);
    expect(() => validateDatabase(d)).toThrow(/belongs to no fact/);
  });
});
