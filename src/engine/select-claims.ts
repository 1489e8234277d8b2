/**
 * Decides which sentences state a checkable claim, and records why every other one is dropped.
 * A claim must be a complete declarative sentence with enough content to be checked; headlines,
 * questions, captions, navigation and fragments are not claims. Every dropped sentence gets a
 * DropReason so a person can audit what the database left out.
 */

import { contentWords, foldText, tokenize } from './normalize.ts';
import type { DropReason } from './types.ts';

/** Fewer words than this is a fragment ("Period.", "He said."), not a claim. */
export const MIN_CLAIM_WORDS = 5;
/** Fewer content words than this carries too little to check. */
export const MIN_CONTENT_WORDS = 3;
/** A line without sentence punctuation and at most this many words reads as a headline. */
export const MAX_HEADLINE_WORDS = 16;

const NAVIGATION =
  /^(?:read more|read also|don['\u2019]t miss|see also|watch|related|you may (?:also )?like|you might (?:also )?like|also read|share|advertisement|sign up|subscribe|click here)\b/i;
const CAPTION =
  /\((?:Image|Picture|Photo|Pic)s?:[^)]*\)\s*$|(?:^|\s)(?:Photo|Picture|Image|Credit)s?:\s*\S+\s*$/i;

/** Why `text` is not a claim, or null when it is one. */
export function classifySentence(text: string): DropReason | null {
  const trimmed = text.trim();
  if (NAVIGATION.test(trimmed)) return 'navigation';
  if (CAPTION.test(trimmed)) return 'caption';
  if (/\?\s*["'\u201D\u2019)\]]*\s*$/.test(trimmed)) return 'question';
  const words = tokenize(trimmed);
  if (words.length < MIN_CLAIM_WORDS || contentWords(trimmed).length < MIN_CONTENT_WORDS) return 'too-short';
  if (!/[.!"'\u201D\u2019)\u2026]$/.test(trimmed) && words.length <= MAX_HEADLINE_WORDS) return 'headline';
  return null;
}

/** Key under which two sentences of one article count as the same sentence. */
export function computeSentenceKey(text: string): string {
  return foldText(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
