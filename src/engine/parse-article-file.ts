/**
 * Reads one article file (`key: value` header lines, a `---` line, then the body verbatim) into a
 * SourceArticle. The body is kept byte-for-byte, because claim offsets index into it. Every problem
 * is an ArticleFileError naming the file and the 1-based line, so a build can stop with a message a
 * person can act on; nothing is guessed or silently repaired.
 */

import type { SourceArticle } from './types.ts';

export class ArticleFileError extends Error {
  readonly file: string;
  readonly line: number;

  constructor(file: string, line: number, message: string) {
    super(`${file}:${line}: ${message}`);
    this.name = 'ArticleFileError';
    this.file = file;
    this.line = line;
  }
}

export const HEADER_KEYS = ['id', 'outlet', 'title', 'published', 'url', 'language'] as const;
export type HeaderKey = (typeof HEADER_KEYS)[number];

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const LANGUAGE_PATTERN = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/** Decodes bytes as strict UTF-8; binary content (NUL or control bytes, invalid UTF-8) is an error. */
function decodeText(fileName: string, content: string | Uint8Array): string {
  let text: string;
  if (typeof content === 'string') {
    text = content;
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(content);
    } catch {
      throw new ArticleFileError(fileName, lineOfFirstInvalidByte(content), 'file is not UTF-8 text');
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const bad = findControlCharacter(text);
  if (bad) {
    throw new ArticleFileError(
      fileName,
      lineAt(text, bad.index),
      'file is not text (contains control or NUL bytes)',
    );
  }
  return text;
}

/** The first NUL or control character, which never occurs in text (tabs and newlines do), or null. */
function findControlCharacter(text: string): { index: number } | null {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) return { index: i };
  }
  return null;
}

function lineOfFirstInvalidByte(bytes: Uint8Array): number {
  let line = 1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len =
      b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0) return line;
    for (let k = 1; k < len; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return line;
    }
    if (b === 0x0a) line++;
    i += len;
  }
  return line;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function isValidDate(value: string): boolean {
  const m = DATE_PATTERN.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * Parses an article file. `fileName` is only used in error messages. An empty header value means
 * "the text does not say" and becomes null.
 */
export function parseArticleFile(fileName: string, content: string | Uint8Array): SourceArticle {
  const text = decodeText(fileName, content);
  if (text.trim() === '') throw new ArticleFileError(fileName, 1, 'file is empty');

  const header: Partial<Record<HeaderKey, string | null>> = {};
  let pos = 0;
  let line = 1;
  let bodyStart = -1;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl === -1 ? text.length : nl;
    const raw = text.slice(pos, end).replace(/\r$/, '');
    if (raw === '---') {
      bodyStart = nl === -1 ? text.length : nl + 1;
      break;
    }
    const m = /^([A-Za-z][A-Za-z0-9_-]*):(?:[ \t]*(.*?))?[ \t]*$/.exec(raw);
    if (!m) {
      throw new ArticleFileError(
        fileName,
        line,
        `malformed header line ${JSON.stringify(raw.slice(0, 60))}: expected "key: value" or "---"`,
      );
    }
    const key = m[1]!.toLowerCase();
    if (!(HEADER_KEYS as readonly string[]).includes(key)) {
      throw new ArticleFileError(
        fileName,
        line,
        `unknown header key "${key}" (allowed: ${HEADER_KEYS.join(', ')})`,
      );
    }
    if (key in header) throw new ArticleFileError(fileName, line, `header key "${key}" appears twice`);
    const value = m[2] ?? '';
    header[key as HeaderKey] = value === '' ? null : value;
    validateHeaderValue(fileName, line, key as HeaderKey, value);
    if (nl === -1) break;
    pos = nl + 1;
    line++;
  }
  if (bodyStart === -1) {
    throw new ArticleFileError(fileName, line, 'header is not closed by a "---" line (no body)');
  }
  if (!header.id) throw new ArticleFileError(fileName, 1, 'header has no "id"');
  const body = text.slice(bodyStart);
  if (body.trim() === '') throw new ArticleFileError(fileName, line + 1, 'article body is missing or empty');

  return {
    id: header.id,
    outlet: header.outlet ?? null,
    title: header.title ?? null,
    published: header.published ?? null,
    url: header.url ?? null,
    language: header.language ?? null,
    body,
  };
}

function validateHeaderValue(fileName: string, line: number, key: HeaderKey, value: string): void {
  if (value === '') {
    if (key === 'id') throw new ArticleFileError(fileName, line, 'header "id" is empty');
    return;
  }
  if (key === 'id' && !ID_PATTERN.test(value)) {
    throw new ArticleFileError(fileName, line, `invalid id "${value}": use letters, digits, ".", "_" or "-"`);
  }
  if (key === 'published' && !isValidDate(value)) {
    throw new ArticleFileError(
      fileName,
      line,
      `invalid published date "${value}": expected a real date as YYYY-MM-DD`,
    );
  }
  if (key === 'language' && !LANGUAGE_PATTERN.test(value)) {
    throw new ArticleFileError(
      fileName,
      line,
      `invalid language "${value}": expected a BCP 47 tag such as "en"`,
    );
  }
  if (key === 'url' && !/^https?:\/\/\S+$/.test(value)) {
    throw new ArticleFileError(fileName, line, `invalid url "${value}": expected http(s)://...`);
  }
}

/** Where each article came from, for duplicate-id errors. */
export interface ArticleSource {
  fileName: string;
  content: string | Uint8Array;
}

/** Parses many files and rejects duplicate ids, naming both files. Output order follows id. */
export function parseArticleFiles(files: readonly ArticleSource[]): SourceArticle[] {
  const seen = new Map<string, string>();
  const out: SourceArticle[] = [];
  for (const f of files) {
    const article = parseArticleFile(f.fileName, f.content);
    const previous = seen.get(article.id);
    if (previous !== undefined) {
      const text = typeof f.content === 'string' ? f.content : new TextDecoder().decode(f.content);
      const idLine = text.split('\n').findIndex((l) => /^id:/i.test(l)) + 1;
      throw new ArticleFileError(
        f.fileName,
        idLine || 1,
        `duplicate id "${article.id}" (also used by ${previous})`,
      );
    }
    seen.set(article.id, f.fileName);
    out.push(article);
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
