import { describe, expect, it } from 'vitest';
import { buildDatabase, extractArticleClaims } from '../../src/engine/build-database.ts';
import { parseArticleFile } from '../../src/engine/parse-article-file.ts';
import { serializeDatabase } from '../../src/engine/serialize-database.ts';
import { DB_SCHEMA_VERSION } from '../../src/engine/types.ts';
import { validateDatabase } from '../../src/engine/validate-database.ts';
import { loadSeedArticles } from './seed-articles.ts';

const articles = loadSeedArticles();
const db = buildDatabase(articles, { builtAt: '2020-01-07T00:00:00.000Z' });

describe('buildDatabase on the seeds', () => {
  it('produces a valid, versioned database with provenance', () => {
    expect(validateDatabase(JSON.parse(serializeDatabase(db)))).toBeTruthy();
    expect(db.schemaVersion).toBe(DB_SCHEMA_VERSION);
    expect(db.builtAt).toBe('2020-01-07T00:00:00.000Z');
    expect(db.articles.map((a) => a.id)).toEqual(articles.map((a) => a.id));
    expect(db.claims.length).toBeGreaterThan(80);
  });

  it('every claim and dropped sentence equals its article body at its offsets', () => {
    const bodies = new Map(db.articles.map((a) => [a.id, a.body]));
    for (const c of db.claims) expect(bodies.get(c.articleId)!.slice(c.start, c.end)).toBe(c.text);
    for (const d of db.dropped) expect(bodies.get(d.articleId)!.slice(d.start, d.end)).toBe(d.text);
  });

  it('builds byte-identical output twice, and whatever the input order', () => {
    const again = buildDatabase(loadSeedArticles(), { builtAt: '2020-01-07T00:00:00.000Z' });
    const reversed = buildDatabase([...loadSeedArticles()].reverse(), {
      builtAt: '2020-01-07T00:00:00.000Z',
    });
    expect(serializeDatabase(again)).toBe(serializeDatabase(db));
    expect(serializeDatabase(reversed)).toBe(serializeDatabase(db));
  });

  it('keeps furniture out of the claims and records why it was dropped', () => {
    const texts = db.claims.map((c) => c.text).join('\n');
    for (const furniture of [
      '(Image:',
      'READ MORE',
      'pic.twitter.com',
      '@LizSly',
      'Related news',
      'error occurred',
      '3 Min Read',
      '-with AAP',
      'source: express',
      'Daily US Times, Washington',
    ]) {
      expect(texts).not.toContain(furniture);
    }
    const reasons = new Set(db.dropped.map((d) => d.reason));
    for (const r of ['headline', 'caption', 'navigation', 'furniture', 'question'])
      expect(reasons).toContain(r);
    expect(db.dropped.find((d) => d.text === 'What was the letter about?')?.reason).toBe('question');
  });

  it('keeps who said a quotation, across sentences and paragraphs', () => {
    const speakerOf = (words: string) => db.claims.find((c) => c.text.includes(words))?.speaker;
    expect(speakerOf('But there’s been no decision made to leave Iraq. period.”')).toBe('espr');
    expect(speakerOf('We have the power, and God willing')).toBe('abtrb');
    expect(speakerOf('“We respect your sovereign decision to order our departure,” the letter reads.')).toBe(
      'letter',
    );
    expect(speakerOf('But it has made no decision to leave Iraq.')).toBe('espr');
  });

  it('labels every cross-article pair inside a fact exactly once, and each claim is in a fact', () => {
    const articleOf = new Map(db.claims.map((c) => [c.id, c.articleId]));
    for (const f of db.facts) {
      const expected = new Set<string>();
      for (const a of f.claimIds)
        for (const b of f.claimIds)
          if (a < b && articleOf.get(a) !== articleOf.get(b)) expected.add(`${a} ${b}`);
      expect(new Set(f.relations.map((r) => `${r.a} ${r.b}`))).toEqual(expected);
    }
    const inFact = new Set(db.facts.flatMap((f) => f.claimIds));
    for (const c of db.claims) expect(inFact.has(c.id)).toBe(true);
  });

  it('builds from no articles and from one article', () => {
    expect(buildDatabase([]).facts).toEqual([]);
    const one = buildDatabase([articles[0]!]);
    expect(one.facts.every((f) => f.relations.length === 0)).toBe(true);
  });

  it('rejects duplicate article ids', () => {
    expect(() => buildDatabase([articles[0]!, articles[0]!])).toThrow(/duplicate article id/);
  });

  it('the digest depends on the input articles only', () => {
    expect(buildDatabase(articles, { builtAt: null }).digest).toBe(db.digest);
    const edited = articles.map((a, i) => (i === 0 ? { ...a, body: `${a.body} ` } : a));
    expect(buildDatabase(edited).digest).not.toBe(db.digest);
  });
});

describe('buildDatabase on other input', () => {
  it('handles a byte-order mark and CRLF line endings, keeping offsets exact', () => {
    const article = parseArticleFile(
      'crlf.txt',
      '\ufeffid: crlf\r\noutlet: X\r\n---\r\nHeadline here\r\n\r\nThe United States has about 5,000 troops in Iraq.\r\nEsper said: "There is no decision to leave Iraq."\r\n',
    );
    const built = buildDatabase([article]);
    expect(built.claims.map((c) => c.text)).toEqual([
      'The United States has about 5,000 troops in Iraq.',
      'Esper said: "There is no decision to leave Iraq."',
    ]);
    for (const c of built.claims) expect(article.body.slice(c.start, c.end)).toBe(c.text);
    expect(built.dropped.map((d) => [d.reason, d.text])).toEqual([['headline', 'Headline here']]);
  });
});

describe('extractArticleClaims', () => {
  it('drops a sentence repeated in the same article as a duplicate', () => {
    const r = extractArticleClaims({
      id: 'dup',
      outlet: null,
      title: null,
      published: null,
      url: null,
      language: 'en',
      body: 'The ministry confirmed the letter was genuine.\n\nThe ministry confirmed the letter was genuine.\n',
    });
    expect(r.claims).toHaveLength(1);
    expect(r.dropped.map((d) => d.reason)).toEqual(['duplicate']);
  });
});
