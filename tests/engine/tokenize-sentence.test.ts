// tokenizeWithOffsets reads typographic text (TYPOGRAPHIC_TEXT) char by char on a fast path; every
// token it gives there must be the one the general path gives, whatever its `joined` flag.
import { describe, expect, it } from 'vitest';
import { readArticles } from '../../scripts/seed-articles.ts';
import { splitSentences } from '../../src/engine/split-sentences.ts';
import { type Token, TYPOGRAPHIC_TEXT, tokenizeWithOffsets } from '../../src/engine/tokenize-sentence.ts';

const EDGE_CASES = [
  'Iraq,US talks resumed as U.S. troops left Iraq’s bases.',
  'Marine Corps Lt Col Smith’s unit & the Navy don’t stay in the Green Zone.',
  'They’re “not leaving”, the U.S.-led coalition’s spokesman said – 5,000 troops remain…',
  'Al-Asad’s 1,234.5 tonnes; O’Brien’s men—and the Army’s.',
];

/** Every field but `joined`, which only the fast path sets to false. */
function withoutJoined(tokens: Token[]): Omit<Token, 'joined'>[] {
  return tokens.map(({ joined: _, ...rest }) => rest);
}

describe('tokenizeWithOffsets fast path', () => {
  const texts = [...EDGE_CASES, ...readArticles().flatMap((a) => splitSentences(a.body).map((s) => s.text))];

  it('gives the general path’s tokens for typographic text, curly apostrophes folded alike', () => {
    for (const text of texts) {
      expect(TYPOGRAPHIC_TEXT.test(text)).toBe(true);
      expect(withoutJoined(tokenizeWithOffsets(text, true))).toEqual(
        withoutJoined(tokenizeWithOffsets(text, false)),
      );
    }
    const lows = tokenizeWithOffsets(EDGE_CASES[1]!, true).map((t) => t.low);
    expect(lows).toContain("don't");
  });
});
