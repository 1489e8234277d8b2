/**
 * Finds page furniture in an article body: headlines repeated in the text, image captions and
 * photo credits, "READ MORE" / "DON'T MISS" teasers and their link lists, embedded tweets,
 * "Related news", server error strings, bylines, datelines and outlet credit lines.
 *
 * It never edits the text. It returns ranges to mask, so every later stage can keep offsets into
 * the ORIGINAL body (claims must satisfy `body.slice(start, end) === text`). Ranges are sorted,
 * non-overlapping and each carries the reason a sentence inside it is dropped.
 */

import { foldText } from './normalize.ts';
import type { DropReason } from './types.ts';

export interface FurnitureRange {
  start: number;
  end: number;
  reason: DropReason;
  /** What kind of furniture, for reports and tests: "caption", "tweet", "teaser", ... */
  kind: string;
}

interface Line {
  start: number;
  end: number;
  /** Trimmed text. */
  text: string;
}

const TERMINAL = /[.!?"'\u201D\u2019)\]]$/;
const IMAGE_CREDIT = /\((?:Image|Picture|Photo|Pic)s?:\s*[^)]*\)\s*$/i;
const TRAILING_CREDIT = /(?:^|[.!?]\s+)(?:Photo|Picture|Image|Source|Credit)s?:\s*[A-Z][\w .&/-]{0,40}$/;
const AGENCY_LINE = /^(?:Reuters|AFP|AP|AAP|EPA|PA|Getty(?: Images)?|Shutterstock|Xinhua|Bloomberg)\.?$/i;
const PHOTOGRAPHER_LINE = /^[A-Z][\p{L}'.-]+(?: [A-Z][\p{L}'.-]+){0,3}\s*\/$/u;
const TWEET_ATTRIBUTION = /^[\u2014\u2013-]\s*.{1,60}\(@\w{1,30}\)\s+\w+ \d{1,2},? \d{4}$/;
const TEASER =
  /^(?:(?:READ MORE|READ ALSO|DON['\u2019]T MISS|SEE ALSO|WATCH|RELATED|MORE)\b\s*:|(?:you may (?:also )?like|you might (?:also )?like|also read|read next|read more)\s*:)/i;
const LINK_LIST_ITEM = /\[[A-Z][A-Z ]{1,20}\]$/;
const NAV_LINES =
  /^(?:related news|related articles?|related stories|advertisement|advertising|sponsored|share this article|share|comments|most read|trending|\d+\s+min(?:ute)?s?\s+read)$/i;
const SERVER_ERROR = /\[an error occurred while processing (?:the|this) directive\]/gi;
const SOURCE_LINE = /^source:\s*\S+$/i;
const WIRE_LINE = /^[-\u2013\u2014]\s*with\s+[A-Z][\w ]{0,30}$/;
const BYLINE =
  /^By\s+[A-Z][\p{L}'.-]+(?:\s+[A-Z][\p{L}'.-]+){0,3}(?:\s*(?:,|and|&)\s*[A-Z][\p{L}'.-]+(?:\s+[A-Z][\p{L}'.-]+){0,3})*$/u;
const DATE_LINE = /^date\s+\d{4}-\d{2}-\d{2}(?:\s+advertisement)?$/i;
const ALL_CAPS_DATELINE =
  /^[A-Z][A-Z.]+(?:\s*\/\s*[A-Z][A-Z.]+|\s+[A-Z][A-Z.]+)*\s*(?:\([^)]{1,20}\)\s*)?[\u2013\u2014-]\s+/;
const MAX_HEADING_WORDS = 14;

function splitLines(body: string): Line[] {
  const lines: Line[] = [];
  let pos = 0;
  while (pos <= body.length) {
    const nl = body.indexOf('\n', pos);
    const end = nl === -1 ? body.length : nl;
    let s = pos;
    let e = end;
    while (s < e && /\s/.test(body[s]!)) s++;
    while (e > s && /\s/.test(body[e - 1]!)) e--;
    if (e > s) lines.push({ start: s, end: e, text: body.slice(s, e) });
    if (nl === -1) break;
    pos = nl + 1;
  }
  return lines;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function normaliseHeading(text: string): string {
  return foldText(text)
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A line that reads like a heading: short and not ended by sentence punctuation. */
function isHeadingLike(text: string): boolean {
  return !TERMINAL.test(text) && wordCount(text) <= MAX_HEADING_WORDS && !text.endsWith(':');
}

/**
 * Finds the furniture ranges of `body`. `title` (from the article header) helps recognise
 * repeated headlines; `outlet` helps recognise a dateline that names the outlet.
 */
export function findFurniture(
  body: string,
  options: { title?: string | null; outlet?: string | null } = {},
): FurnitureRange[] {
  const lines = splitLines(body);
  const ranges: FurnitureRange[] = [];
  const lineReason: Array<{ reason: DropReason; kind: string } | null> = lines.map(() => null);
  const seenHeadings = new Set<string>();
  if (options.title) seenHeadings.add(normaliseHeading(options.title));
  const titleKey = options.title ? normaliseHeading(options.title) : null;
  let inTeaserList = false;
  let sawBodyText = false;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const text = line.text;
    const next = lines[i + 1]?.text ?? '';
    const mark = (reason: DropReason, kind: string): void => {
      lineReason[i] = { reason, kind };
    };

    if (inTeaserList) {
      if (LINK_LIST_ITEM.test(text)) {
        mark('navigation', 'teaser');
        continue;
      }
      inTeaserList = false;
    }
    if (TEASER.test(text) && (text.length < 140 || /:\s*$/.test(text))) {
      mark('navigation', 'teaser');
      inTeaserList = /:\s*$/.test(text) || text.length < 20;
      continue;
    }
    if (LINK_LIST_ITEM.test(text) && isHeadingLike(text.replace(LINK_LIST_ITEM, ''))) {
      mark('navigation', 'teaser');
      continue;
    }
    if (NAV_LINES.test(text)) {
      mark('navigation', 'navigation');
      continue;
    }
    if (SOURCE_LINE.test(text) || WIRE_LINE.test(text)) {
      mark('furniture', 'credit');
      continue;
    }
    if (DATE_LINE.test(text)) {
      mark('furniture', 'dateline');
      continue;
    }
    if (BYLINE.test(text)) {
      mark('furniture', 'byline');
      continue;
    }
    if (TWEET_ATTRIBUTION.test(text)) {
      mark('furniture', 'tweet');
      continue;
    }
    if (/pic\.twitter\.com\/\w+/i.test(text) || TWEET_ATTRIBUTION.test(next)) {
      mark('furniture', 'tweet');
      continue;
    }
    if (IMAGE_CREDIT.test(text) || (TRAILING_CREDIT.test(text) && text.length < 200)) {
      mark('caption', 'caption');
      continue;
    }
    if (
      PHOTOGRAPHER_LINE.test(text) ||
      (AGENCY_LINE.test(text) && i > 0 && lineReason[i - 1]?.kind === 'caption')
    ) {
      mark('caption', 'caption');
      continue;
    }
    const key = normaliseHeading(text);
    const repeatsTitle =
      titleKey !== null && key.length > 0 && (key === titleKey || titleKey.startsWith(`${key} `));
    if (repeatsTitle || (isHeadingLike(text) && seenHeadings.has(key))) {
      mark('headline', 'headline');
      continue;
    }
    if (isHeadingLike(text)) {
      // A heading line: a caption's title when a caption follows, a headline at the top, else a subheading.
      const nextIsCaption = IMAGE_CREDIT.test(next) || (TRAILING_CREDIT.test(next) && next.length < 200);
      if (nextIsCaption) mark('caption', 'caption-title');
      else mark('headline', sawBodyText ? 'subheading' : 'headline');
      seenHeadings.add(key);
      continue;
    }
    sawBodyText = true;
  }

  // A caption paragraph directly followed by photo credit lines ("Naif Rahma /", "Reuters").
  for (let i = 0; i + 1 < lines.length; i++) {
    if (lineReason[i] === null && PHOTOGRAPHER_LINE.test(lines[i + 1]!.text)) {
      lineReason[i] = { reason: 'caption', kind: 'caption' };
    }
  }

  for (let i = 0; i < lines.length; i++) {
    const r = lineReason[i];
    const line = lines[i]!;
    if (r) {
      ranges.push({ start: line.start, end: line.end, reason: r.reason, kind: r.kind });
      continue;
    }
    const dateline = findDateline(line.text, options.outlet ?? null);
    if (dateline > 0)
      ranges.push({ start: line.start, end: line.start + dateline, reason: 'furniture', kind: 'dateline' });
  }

  for (const m of body.matchAll(SERVER_ERROR)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!ranges.some((r) => r.start <= start && r.end >= end)) {
      ranges.push({ start, end, reason: 'furniture', kind: 'server-error' });
    }
  }

  return ranges.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Length of a dateline prefix ("BAGHDAD / DUBAI – ", "Daily US Times, Washington: "), or 0. */
function findDateline(text: string, outlet: string | null): number {
  const caps = ALL_CAPS_DATELINE.exec(text);
  if (caps && caps[0].length <= 60) return caps[0].length;
  if (outlet) {
    const folded = text.slice(0, outlet.length).toLowerCase();
    if (folded === outlet.toLowerCase()) {
      const rest = /^(?:,\s*[A-Z][\p{L} .]{1,30})?\s*[:\u2013\u2014-]\s+/u.exec(text.slice(outlet.length));
      if (rest) return outlet.length + rest[0].length;
    }
  }
  return 0;
}

/**
 * Returns `body` with every furniture range replaced by spaces (newlines kept), so sentence
 * splitting sees only article text while offsets stay those of the original body.
 */
export function maskFurniture(body: string, ranges: readonly FurnitureRange[]): string {
  if (ranges.length === 0) return body;
  const parts: string[] = [];
  let pos = 0;
  for (const r of ranges) {
    if (r.start < pos) continue;
    parts.push(body.slice(pos, r.start));
    parts.push(body.slice(r.start, r.end).replace(/[^\n]/g, ' '));
    pos = r.end;
  }
  parts.push(body.slice(pos));
  return parts.join('');
}
