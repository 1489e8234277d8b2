/**
 * People named in a sentence, with rank, service branch and role ("US Army General Mark Milley,
 * chairman of the Joint Chiefs of Staff").
 *
 * A run of capitalised words is a person only when something says so: a rank or title before it,
 * a second name word, a speech verb after it or a role appositive. Runs followed by an
 * organisation word are organisations, and words that name something else (months, places,
 * nationalities, organisation words) are never part of a name.
 */

import { variantKey } from './normalize.ts';
import type { Token } from './tokenize-sentence.ts';
import type { PersonMention } from './types.ts';
import { NAMES_SOMETHING_ELSE, ORG_WORDS, SPEECH_VERB } from './word-kinds.ts';

const RANKS: ReadonlyArray<[string, string]> = [
  ['brigadier general', 'brigadier general'],
  ['brig gen', 'brigadier general'],
  ['major general', 'major general'],
  ['maj gen', 'major general'],
  ['lieutenant general', 'lieutenant general'],
  ['lt gen', 'lieutenant general'],
  ['ltg', 'lieutenant general'],
  ['sltg', 'lieutenant general'],
  ['lieutenant colonel', 'lieutenant colonel'],
  ['lt col', 'lieutenant colonel'],
  ['rear admiral', 'rear admiral'],
  ['vice admiral', 'vice admiral'],
  ['general', 'general'],
  ['gen', 'general'],
  ['colonel', 'colonel'],
  ['col', 'colonel'],
  ['admiral', 'admiral'],
  ['adm', 'admiral'],
  ['captain', 'captain'],
  ['capt', 'captain'],
  ['major', 'major'],
  ['maj', 'major'],
  ['sergeant', 'sergeant'],
  ['sgt', 'sergeant'],
  ['lieutenant', 'lieutenant'],
  ['commander', 'commander'],
];

const TITLES: ReadonlyArray<[string, string]> = [
  ['defense secretary', 'defense secretary'],
  ['defence secretary', 'defense secretary'],
  ['secretary of defense', 'defense secretary'],
  ['secretary of defence', 'defense secretary'],
  ['secretary of state', 'secretary of state'],
  ['prime minister', 'prime minister'],
  ['foreign minister', 'foreign minister'],
  ['supreme leader ayatollah', 'supreme leader'],
  ['supreme leader', 'supreme leader'],
  ['ayatollah', 'ayatollah'],
  ['president', 'president'],
  ['secretary', 'secretary'],
  ['minister', 'minister'],
  ['senator', 'senator'],
  ['sen', 'senator'],
  ['mp', 'mp'],
  ['spokesman', 'spokesman'],
  ['spokeswoman', 'spokeswoman'],
  ['mr', ''],
  ['mrs', ''],
  ['ms', ''],
  ['dr', ''],
];

/** Service branches by their one- or two-word folded name. */
const BRANCHES: ReadonlyMap<string, string> = new Map([
  ['marine corps', 'Marine Corps'],
  ['marine', 'Marine Corps'],
  ['marines', 'Marine Corps'],
  ['navy', 'Navy'],
  ['army', 'Army'],
  ['air force', 'Air Force'],
  ['coast guard', 'Coast Guard'],
  ['space force', 'Space Force'],
]);

export interface PersonSpan extends PersonMention {
  startToken: number;
  endToken: number;
}

/** Phrases by their last word, each list in the table's order so the first listed match still wins. */
type PhraseIndex = ReadonlyMap<string, ReadonlyArray<{ words: string[]; canonical: string }>>;

function indexPhrasesByLastWord(phrases: ReadonlyArray<[string, string]>): PhraseIndex {
  const index = new Map<string, Array<{ words: string[]; canonical: string }>>();
  for (const [phrase, canonical] of phrases) {
    const words = phrase.split(' ');
    const last = words[words.length - 1]!;
    const list = index.get(last);
    if (list) list.push({ words, canonical });
    else index.set(last, [{ words, canonical }]);
  }
  return index;
}

const RANKS_BY_LAST_WORD = indexPhrasesByLastWord(RANKS);
const TITLES_BY_LAST_WORD = indexPhrasesByLastWord(TITLES);

function matchPhraseBefore(tokens: Token[], endExclusive: number, phrases: PhraseIndex) {
  const last = tokens[endExclusive - 1]?.low;
  if (last === undefined) return null;
  const candidates = phrases.get(last);
  if (candidates === undefined) return null;
  for (const { words, canonical } of candidates) {
    const from = endExclusive - words.length;
    if (from < 0) continue;
    let ok = true;
    for (let k = 0; k < words.length; k++) if (tokens[from + k]!.low !== words[k]) ok = false;
    if (ok) return { canonical, from };
  }
  return null;
}

function gapIsPlain(text: string, a: Token, b: Token): boolean {
  return !/[,.;:()\u201C\u201D"]/.test(text.slice(a.end, b.start));
}

/** Whether token `k` can be part of a person's name (a capitalised word that names nothing else). */
function isNameWordAt(tokens: Token[], k: number): boolean {
  const tk = tokens[k];
  if (!tk?.cap) return false;
  if ((tk.kinds & NAMES_SOMETHING_ELSE) !== 0) return false;
  if (/^[A-Z]{2,}$/.test(tk.raw) && !/^(?:I{2,3}|IV)$/.test(tk.raw)) return false;
  return true;
}

export function extractPeople(text: string, tokens: Token[]): PersonSpan[] {
  const out: PersonSpan[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isNameWordAt(tokens, i)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < tokens.length && gapIsPlainName(text, tokens[j]!, tokens[j + 1]!)) {
      const nxt = tokens[j + 1]!;
      if (
        isNameWordAt(tokens, j + 1) ||
        /^[A-Z]$/.test(nxt.raw.replace(/\.$/, '')) ||
        /^(?:III|II|IV|Jr|Sr)$/.test(nxt.raw)
      ) {
        j++;
      } else break;
    }
    // Names are runs of capitalised words; a following organisation word means it is an organisation.
    const nextTok = tokens[j + 1];
    if (nextTok?.cap && ORG_WORDS.has(nextTok.low) && gapIsPlain(text, tokens[j]!, nextTok)) {
      i = j + 2;
      continue;
    }
    const rank = matchPhraseBefore(tokens, i, RANKS_BY_LAST_WORD);
    const title = rank ? null : matchPhraseBefore(tokens, i, TITLES_BY_LAST_WORD);
    const titleBeforeRank = rank ? matchPhraseBefore(tokens, rank.from, TITLES_BY_LAST_WORD) : null;
    const after = tokens[j + 1];
    const speaks = after !== undefined && (after.kinds & SPEECH_VERB) !== 0;
    const runLength = j - i + 1;
    const sentenceInitialSingle = i === 0 && runLength === 1;
    // "Milley, the chairman of ..." : a role appositive also marks a single word as a person.
    const hasRole = findRole(text, tokens[j]!.end) !== null;
    const isPerson =
      (rank !== null || title !== null || runLength >= 2 || speaks || hasRole) &&
      !(sentenceInitialSingle && !speaks && !rank && !hasRole);
    if (!isPerson) {
      i = j + 1;
      continue;
    }
    let surnameIndex = j;
    while (surnameIndex > i && /^(?:III|II|IV|Jr|Sr|[A-Z]\.?)$/.test(tokens[surnameIndex]!.raw))
      surnameIndex--;
    const surname = tokens[surnameIndex]!.low.replace(/['\u2019]s$/, '');
    // Branch: a service named just before the rank, with no punctuation between.
    let branch: string | null = null;
    const scanFrom = rank ? rank.from : title ? title.from : i;
    for (let k = scanFrom - 1; k >= Math.max(0, scanFrom - 4); k--) {
      if (!gapIsPlain(text, tokens[k]!, tokens[k + 1]!)) break;
      const one = tokens[k]!.low;
      const two = `${one} ${tokens[k + 1]?.low ?? ''}`;
      const hit = BRANCHES.get(two) ?? BRANCHES.get(one);
      if (hit !== undefined) {
        branch = hit;
        break;
      }
    }
    const role = findRole(text, tokens[j]!.end) ?? (title?.canonical || titleBeforeRank?.canonical || null);
    out.push({
      name: text.slice(tokens[rank ? rank.from : i]!.start, tokens[j]!.end),
      key: variantKey(surname),
      rank: rank?.canonical ?? null,
      branch,
      role: role || null,
      startToken: rank ? rank.from : i,
      endToken: j,
    });
    i = j + 1;
  }
  return out;
}

function gapIsPlainName(text: string, a: Token, b: Token): boolean {
  const gap = text.slice(a.end, b.start);
  return gap === ' ' || gap === '. ';
}

const ROLE_RE =
  /^['\u2019]?s?,?\s+(?:the\s+)?((?:deputy |assistant |acting |former |top )?(?:commanding general|commander|chairman|head|chief|director|secretary|spokesman|spokesperson|leader|minister|president|officer|adviser|advisor)\b(?:\s+of\s+[^,.;:\u201C\u201D"()]{2,80})?)/i;

/** The characters ROLE_RE can start with. */
const ROLE_START = /['\u2019s,\s]/i;

function findRole(text: string, from: number): string | null {
  if (!ROLE_START.test(text.charAt(from))) return null;
  const m = ROLE_RE.exec(text.slice(from, from + 140));
  if (!m) return null;
  return m[1]!
    .replace(/\s+(?:that|who|which|and was|and is|said|told|says|starts|reads|read|wrote|stated)\b.*$/i, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** One mention per person key, merging what the spans of the same person say. */
export function collectPeople(spans: PersonSpan[]): PersonMention[] {
  return spans.length === 0 ? [] : dedupePeople(spans.map(toPersonMention));
}

function toPersonMention(span: PersonSpan): PersonMention {
  return { name: span.name, key: span.key, rank: span.rank, branch: span.branch, role: span.role };
}

function dedupePeople(people: PersonMention[]): PersonMention[] {
  const byKey = new Map<string, PersonMention>();
  for (const p of people) {
    const prev = byKey.get(p.key);
    if (!prev) byKey.set(p.key, p);
    else
      byKey.set(p.key, {
        name: prev.name.length >= p.name.length ? prev.name : p.name,
        key: p.key,
        rank: prev.rank ?? p.rank,
        branch: prev.branch ?? p.branch,
        role: prev.role ?? p.role,
      });
  }
  return [...byKey.values()];
}
