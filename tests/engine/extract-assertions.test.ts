import { describe, expect, it } from 'vitest';
import { extractAssertions } from '../../src/engine/extract-assertions.ts';
import { tokenizeWithOffsets } from '../../src/engine/tokenize-sentence.ts';

const assertionsOf = (text: string) => extractAssertions(text, tokenizeWithOffsets(text)).assertions;

describe('extractAssertions: a phrasal "leave" with its object inside', () => {
  it.each([
    [
      'Esper said the United States had decided to pull its troops out of Iraq.',
      false,
      'pull its troops out',
    ],
    ['The Pentagon will not move US forces out of Iraq.', true, 'not move US forces out'],
    ['Esper said the US would not pull out of Iraq.', true, 'not pull out'],
  ])('%s', (text, negated, written) => {
    expect(assertionsOf(text)).toEqual([{ predicate: 'leave', negated, text: written }]);
  });

  it('reads no leaving where the "out" is in another clause or too far', () => {
    expect(assertionsOf('Trump said they would move the embassy, out of caution.')).toEqual([]);
    expect(assertionsOf('They pulled the last of the heavy equipment out of the base.')).toEqual([]);
  });
});
