/**
 * Polarity per predicate ("no decision to leave" negates leave) and whether a sentence negates
 * anything at all.
 *
 * A negation cue scopes over at most NEGATION_SCOPE following words and stops at punctuation or
 * "but", so a negation in one clause does not flip a predicate in the next.
 */

import type { Token } from './tokenize-sentence.ts';
import type { Assertion } from './types.ts';
import { ASSERTION_WORD, NEGATION_WORD, PHRASAL_LEAVE, PREDICATES } from './word-kinds.ts';

const NEGATION_SCOPE = 8;

const LOWER_T = 116;

function isNegationCue(t: Token): boolean {
  if ((t.kinds & NEGATION_WORD) !== 0) return true;
  const low = t.low;
  return low.charCodeAt(low.length - 1) === LOWER_T && (low.endsWith("n't") || low.endsWith('n\u2019t'));
}

/**
 * Words a phrasal "leave" verb can hold between itself and its "out": "pull its troops out",
 * "move US forces out". Three covers a possessive or article, a country and the noun.
 */
const PHRASAL_OBJECT_WORDS = 3;

/**
 * The position of the "out" that makes the phrasal verb at `k` mean leaving ("pull out", "pull its
 * troops out"), within its clause; -1 when there is none.
 */
function findParticle(text: string, tokens: Token[], k: number): number {
  for (let j = k + 1; j < tokens.length && j <= k + 1 + PHRASAL_OBJECT_WORDS; j++) {
    if (/[,;:.!?\u201C\u201D"]/.test(text.slice(tokens[j - 1]!.end, tokens[j]!.start))) return -1;
    if (tokens[j]!.low === 'out') return j;
  }
  return -1;
}

/** The predicate at token `k` and the token that ends it; null when `k` starts none. */
function predicateAt(text: string, tokens: Token[], k: number): { predicate: string; end: number } | null {
  const t = tokens[k]!;
  const predicate = PREDICATES.get(t.low);
  if (predicate !== undefined) return { predicate, end: k };
  if (!PHRASAL_LEAVE.has(t.low)) return null;
  const particle = findParticle(text, tokens, k);
  return particle < 0 ? null : { predicate: 'leave', end: particle };
}

export function extractAssertions(
  text: string,
  tokens: Token[],
): { assertions: Assertion[]; negated: boolean } {
  const negatedAt = new Map<number, number>();
  let anyNegation = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!isNegationCue(t)) continue;
    anyNegation = true;
    if (t.low === 'unsigned' || t.low === 'inaccurate') {
      negatedAt.set(i, i);
      continue;
    }
    for (let k = i + 1; k < tokens.length && k <= i + NEGATION_SCOPE; k++) {
      if (/[,;:.!?\u201C\u201D"]/.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start))) break;
      if (tokens[k]!.low === 'but') break;
      if (!negatedAt.has(k)) negatedAt.set(k, i);
    }
  }
  const assertions: Assertion[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if ((t.kinds & ASSERTION_WORD) === 0) continue;
    const found =
      t.low === 'unsigned'
        ? { predicate: 'sign', end: k }
        : t.low === 'inaccurate'
          ? { predicate: 'accurate', end: k }
          : predicateAt(text, tokens, k);
    if (!found) continue;
    const cue = negatedAt.get(k);
    assertions.push({
      predicate: found.predicate,
      negated: cue !== undefined,
      text: text.slice(tokens[cue ?? k]!.start, tokens[found.end]!.end),
    });
  }
  return { assertions, negated: anyNegation };
}
