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

function predicateAt(tokens: Token[], k: number): string | null {
  const t = tokens[k]!;
  const predicate = PREDICATES.get(t.low);
  if (predicate !== undefined) return predicate;
  if (PHRASAL_LEAVE.has(t.low) && tokens[k + 1]?.low === 'out') return 'leave';
  return null;
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
    let predicate = predicateAt(tokens, k);
    if (t.low === 'unsigned') predicate = 'sign';
    if (t.low === 'inaccurate') predicate = 'accurate';
    if (!predicate) continue;
    const cue = negatedAt.get(k);
    const endTok = PHRASAL_LEAVE.has(t.low) ? tokens[k + 1]! : t;
    assertions.push({
      predicate,
      negated: cue !== undefined,
      text: text.slice(tokens[cue ?? k]!.start, endTok.end),
    });
  }
  return { assertions, negated: anyNegation };
}
