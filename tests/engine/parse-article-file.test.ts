import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ArticleFileError,
  parseArticleFile,
  parseArticleFiles,
} from '../../src/engine/parse-article-file.ts';

const BAD = join(import.meta.dirname, '../fixtures/bad-articles');
const SEEDS = join(import.meta.dirname, '../../data/articles');
const SHARED_SEEDS = '/work/shared/seeds';

function errorOf(fn: () => unknown): ArticleFileError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ArticleFileError) return error;
    throw error;
  }
  throw new Error('expected an ArticleFileError');
}

function parseBad(name: string): ArticleFileError {
  return errorOf(() => parseArticleFile(name, readFileSync(join(BAD, name))));
}

describe('parseArticleFile', () => {
  it('reads the header and keeps the body byte-for-byte', () => {
    const a = parseArticleFile(
      'x.txt',
      'id: x1\noutlet: Example News\ntitle: A title\npublished: 2020-01-06\nurl:\nlanguage: en\n---\n Body  line\n\nmore',
    );
    expect(a).toEqual({
      id: 'x1',
      outlet: 'Example News',
      title: 'A title',
      published: '2020-01-06',
      url: null,
      language: 'en',
      body: ' Body  line\n\nmore',
    });
  });

  it('parses every seed file, with unknown metadata as null and the seed text as the body verbatim', () => {
    const ids = [
      '000_3e3b104efa56922f',
      '001_4a53385fff3b5174',
      '002_8df3ed9f1389d31c',
      '003_372fb3b7e9fdadb6',
      '004_8cdc7921f9d106b1',
    ];
    for (const id of ids) {
      const a = parseArticleFile(`${id}.txt`, readFileSync(join(SEEDS, `${id}.txt`)));
      expect(a.id).toBe(id);
      expect(a.url).toBeNull();
      expect(a.body).toBe(readFileSync(join(SHARED_SEEDS, `${id}.txt`), 'utf8'));
    }
    const outlets = ids.map((id) => parseArticleFile('f', readFileSync(join(SEEDS, `${id}.txt`))).outlet);
    expect(outlets).toEqual(['express.co.uk', 'Daily US Times', null, null, 'AAP']);
  });

  it.each([
    ['missing-body.txt', 4, /body is missing or empty/],
    ['no-separator.txt', 3, /malformed header line/],
    ['malformed-header.txt', 3, /malformed header line/],
    ['bad-date.txt', 3, /invalid published date "2020-02-30"/],
    ['empty.txt', 1, /file is empty/],
    ['binary.txt', 3, /not text/],
    ['not-utf8.txt', 3, /not UTF-8/],
    ['unknown-key.txt', 2, /unknown header key "author"/],
  ])('rejects %s naming the file and line %i', (name, line, message) => {
    const error = parseBad(name);
    expect(error.file).toBe(name);
    expect(error.line).toBe(line);
    expect(error.message).toMatch(message);
    expect(error.message.startsWith(`${name}:${line}: `)).toBe(true);
  });

  it('rejects a header that never closes, naming the last line', () => {
    const error = errorOf(() => parseArticleFile('open.txt', 'id: open\noutlet: X'));
    expect(error.line).toBe(2);
    expect(error.message).toMatch(/not closed by a "---" line/);
  });

  it('rejects duplicate ids across files, naming the second file and its id line', () => {
    const files = ['a.txt', 'b.txt'].map((f) => ({
      fileName: join(BAD, 'duplicate-id', f),
      content: readFileSync(join(BAD, 'duplicate-id', f)),
    }));
    const error = errorOf(() => parseArticleFiles(files));
    expect(error.file).toMatch(/b\.txt$/);
    expect(error.line).toBe(1);
    expect(error.message).toMatch(/duplicate id "same" \(also used by .*a\.txt\)/);
  });

  it('rejects a repeated header key and a URL that is not http(s)', () => {
    expect(errorOf(() => parseArticleFile('r.txt', 'id: r\nid: s\n---\nBody')).line).toBe(2);
    expect(errorOf(() => parseArticleFile('u.txt', 'id: u\nurl: ftp://x\n---\nBody')).message).toMatch(
      /invalid url/,
    );
  });
});
