import { describe, expect, it } from 'vitest';
import {
  articleIdFor,
  exportUserArticles,
  formatArticleProblem,
  importUserArticles,
  MAX_BODY_BYTES,
  type NewArticleInput,
  parseUserArticles,
  toStoredUserArticles,
  type UserArticle,
  validateNewArticle,
} from '../../src/shared/user-articles.ts';

const NOW = new Date('2026-11-21T06:00:00Z');
const BODY =
  'The United States has about 5,000 troops in Iraq. Officials said on Friday that none would leave.';

const input = (over: Partial<NewArticleInput> = {}): NewArticleInput => ({
  text: BODY,
  outlet: 'Example News',
  title: 'Troops stay',
  url: 'https://news.example.com/troops',
  date: '2020-01-06',
  ...over,
});

function add(over: Partial<NewArticleInput> = {}, existing: UserArticle[] = []): UserArticle {
  const r = validateNewArticle(input(over), existing, NOW);
  if (!r.ok) throw new Error(r.error);
  return r.article;
}

function rejection(over: Partial<NewArticleInput>, existing: UserArticle[] = []): string {
  const r = validateNewArticle(input(over), existing, NOW);
  if (r.ok) throw new Error('expected a rejection');
  return r.error;
}

describe('validateNewArticle', () => {
  it('accepts a valid article and fills in its metadata', () => {
    const a = add();
    expect(a).toEqual({
      id: articleIdFor(BODY),
      outlet: 'Example News',
      title: 'Troops stay',
      published: '2020-01-06',
      url: 'https://news.example.com/troops',
      language: null,
      body: BODY,
      addedAt: '2026-11-21T06:00:00.000Z',
    });
    expect(a.id).toMatch(/^user-[0-9a-z]+$/);
  });
  it('stores optional fields as null when left empty', () => {
    const a = add({ title: '  ', url: '', date: '' });
    expect([a.title, a.url, a.published]).toEqual([null, null, null]);
  });
  it('rejects an empty body', () => {
    expect(rejection({ text: '   \n\t ' })).toMatch(/empty/);
    expect(rejection({ text: '12345 ... !!!' })).toMatch(/no words/);
  });
  it('rejects a paste over 5 MB with its size', () => {
    const big = 'word '.repeat(Math.ceil(MAX_BODY_BYTES / 5) + 10);
    expect(rejection({ text: big })).toMatch(/too large \(5\.0 MB\).*limit is 5 MB/);
  });
  it('counts UTF-8 bytes, not characters, against the limit', () => {
    const justUnder = 'é'.repeat(MAX_BODY_BYTES / 2 - 10);
    expect(validateNewArticle(input({ text: justUnder }), [], NOW).ok).toBe(true);
    const over = 'é'.repeat(MAX_BODY_BYTES / 2 + 10);
    expect(rejection({ text: over })).toMatch(/too large/);
  });
  it('rejects binary content', () => {
    expect(rejection({ text: `PK\u0003\u0004\u0000\u0000binary` })).toMatch(/binary data/);
    const pngAsText = `\uFFFDPNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR${'\uFFFD\u0001\u0002'.repeat(50)}`;
    expect(rejection({ text: pngAsText })).toMatch(/binary data/);
  });
  it('accepts ordinary text with a stray replacement character', () => {
    expect(validateNewArticle(input({ text: `${BODY} caf\uFFFD ${BODY.repeat(3)}` }), [], NOW).ok).toBe(true);
  });
  it('reports a machine-readable problem whose English text is the error', () => {
    const r = validateNewArticle(input({ date: '2020-13-01' }), [], NOW);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem).toEqual({ code: 'dateInvalid', params: ['2020-13-01'] });
    expect(formatArticleProblem(r.problem)).toBe(r.error);
    expect(r.error).toBe(
      '“2020-13-01” is not a valid date. Use the form YYYY-MM-DD, for example 2020-01-06.',
    );
  });
  it('requires an outlet', () => {
    expect(rejection({ outlet: ' ' })).toMatch(/outlet/);
  });
  it('rejects javascript:, data: and other non-web URLs', () => {
    for (const url of [
      'javascript:alert(1)',
      'JavaScript:alert(document.cookie)',
      'data:text/html,<script>',
      'file:///etc/passwd',
      'ftp://x.org/a',
    ]) {
      expect(rejection({ url })).toMatch(/https:\/\/ or http:\/\//);
    }
    expect(rejection({ url: 'not a url' })).toMatch(/not valid/);
    expect(rejection({ url: 'https://user:pw@example.com/' })).toMatch(/password/);
  });
  it('rejects impossible, malformed and future dates', () => {
    expect(rejection({ date: '2020-02-30' })).toMatch(/not a valid date/);
    expect(rejection({ date: '06/01/2020' })).toMatch(/not a valid date/);
    expect(rejection({ date: '2030-01-01' })).toMatch(/future/);
  });
  it('rejects a duplicate by id or by normalised body', () => {
    const first = add();
    expect(rejection({}, [first])).toMatch(/already in your sources.*Troops stay/);
    const reflowed = `  ${BODY.toUpperCase().replace(/ /g, '\n  ')}  `;
    expect(rejection({ text: reflowed, title: 'Other' }, [first])).toMatch(/already in your sources/);
    expect(validateNewArticle(input({ text: `${BODY} And more.` }), [first], NOW).ok).toBe(true);
  });
  it('strips invisible and bidi-override characters from outlet and title but keeps the text inert', () => {
    const a = add({ outlet: 'Reu\u202Eters\u200B', title: '<img src=x onerror=alert(1)>' });
    expect(a.outlet).toBe('Reu ters');
    expect(a.title).toBe('<img src=x onerror=alert(1)>');
    const lookAlike = add({ outlet: 'Rеuters' });
    expect(lookAlike.outlet).toBe('Rеuters');
  });
});

describe('parseUserArticles', () => {
  it('reads nothing stored as an empty list', () => {
    expect(parseUserArticles(undefined)).toEqual({
      articles: [],
      error: null,
      unreadable: false,
      skipped: 0,
    });
  });
  it('round-trips the stored form', () => {
    const a = add();
    const b = add({ text: 'A different article about the Marine Corps deployment on Thursday.' });
    const stored = JSON.parse(JSON.stringify(toStoredUserArticles([a, b])));
    expect(parseUserArticles(stored)).toEqual({
      articles: [a, b],
      error: null,
      unreadable: false,
      skipped: 0,
    });
  });
  it('keeps valid entries and reports corrupt ones', () => {
    const a = add();
    const stored = { version: 1, articles: [{ id: 'x' }, a, 'junk', { ...a, body: 7 }, { ...a }] };
    const { articles, error, skipped } = parseUserArticles(stored);
    expect(articles).toEqual([a]);
    expect(skipped).toBe(4);
    expect(error).toMatch(/^4 saved sources could not be read/);
    expect(error).toContain('entry 1: missing or invalid id');
    expect(error).toContain('entry 3: not an article');
    expect(error).toContain('entry 4: missing text');
    expect(error).toContain('entry 5: repeats the id');
  });
  it('reports an unreadable container without throwing', () => {
    for (const raw of ['junk', 5, { version: 1 }, { version: 2, articles: [] }]) {
      const r = parseUserArticles(raw);
      expect(r.articles).toEqual([]);
      expect(r.error).toMatch(/could not be read/);
      expect(r.unreadable).toBe(true);
    }
  });
  it('rejects stored entries with javascript: URLs', () => {
    const a = add();
    const { articles, error } = parseUserArticles({
      version: 1,
      articles: [{ ...a, url: 'javascript:alert(1)' }],
    });
    expect(articles).toEqual([]);
    expect(error).toContain('invalid URL');
  });
});

describe('export and import', () => {
  const a = add();
  const b = add({
    text: 'Iraq’s parliament voted on Sunday to expel foreign troops.',
    outlet: 'Other Outlet',
  });

  it('round-trips through the versioned file format', () => {
    const file = exportUserArticles([a, b]);
    expect(JSON.parse(file)).toMatchObject({ format: 'crosscheck-user-articles', version: 1 });
    const r = importUserArticles(file, [], NOW);
    expect(r).toEqual({
      ok: true,
      articles: [a, b],
      added: 2,
      skipped: 0,
      error: null,
      refusal: null,
      skippedEntries: [],
    });
  });
  it('skips articles the reader already has', () => {
    const r = importUserArticles(exportUserArticles([a, b]), [a], NOW);
    expect(r.ok).toBe(true);
    expect(r.articles).toEqual([a, b]);
    expect([r.added, r.skipped]).toEqual([1, 1]);
    expect(r.error).toMatch(/already in your sources/);
  });
  it('refuses malformed files and keeps everything', () => {
    const cases: [string, RegExp][] = [
      ['', /empty/],
      ['{not json', /not valid JSON/],
      ['{"format":"other","version":1,"articles":[]}', /not a Crosscheck export/],
      ['{"format":"crosscheck-user-articles","version":9,"articles":[]}', /unsupported version/],
      ['{"format":"crosscheck-user-articles","version":1}', /no list of articles/],
      ['\u0000\u0001PNG binary', /not a text file/],
    ];
    for (const [text, message] of cases) {
      const r = importUserArticles(text, [a], NOW);
      expect(r.ok).toBe(false);
      expect(r.error).toMatch(message);
      expect(r.articles).toEqual([a]);
      expect(r.added).toBe(0);
      expect(r.refusal?.code).toMatch(/^import/);
    }
  });
  it('skips invalid entries inside a valid file, with reasons', () => {
    const file = JSON.stringify({
      format: 'crosscheck-user-articles',
      version: 1,
      articles: [{ body: BODY, outlet: 'X', url: 'javascript:alert(1)' }, 42, { ...b }],
    });
    const r = importUserArticles(file, [], NOW);
    expect(r.ok).toBe(true);
    expect(r.added).toBe(1);
    expect(r.skipped).toBe(2);
    expect(r.articles.map((x) => x.id)).toEqual([b.id]);
    expect(r.error).toMatch(/article 1: Only web addresses/);
    expect(r.error).toMatch(/article 2: The article text is empty/);
    expect(r.skippedEntries.map((e) => [e.index, e.problem.code])).toEqual([
      [0, 'urlScheme'],
      [1, 'emptyBody'],
    ]);
  });
});
