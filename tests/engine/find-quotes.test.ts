import { describe, expect, it } from 'vitest';
import { findQuotes, findSpeaker } from '../../src/engine/find-quotes.ts';

describe('findSpeaker', () => {
  it('finds the speaker before or after the speech verb', () => {
    expect(findSpeaker('“We respect your sovereign decision,” the letter reads.')).toBe('letter');
    expect(
      findSpeaker('There has been no decision to leave Iraq, says US Secretary of Defence, Mark Esper.'),
    ).toBe('espr');
    expect(
      findSpeaker(
        '“Poorly worded,” US Army General Mark Milley, chairman of the Joint Chiefs of Staff, said.',
      ),
    ).toBe('ml');
  });
});

describe('findQuotes', () => {
  it('marks quotes opened before the sentence or left open', () => {
    const q = findQuotes('But there’s been no decision made to leave Iraq. period.”');
    expect(q).toHaveLength(1);
    expect(q[0]?.continued).toBe(true);
    expect(findQuotes('He said: “We can attack the White House.')[0]?.open).toBe(true);
  });

  it('ignores apostrophes and one-word scare quotes in single quotes', () => {
    expect(findQuotes('It’s the coalition’s ‘respect’ that matters.')).toEqual([]);
    expect(findQuotes('A top adviser said retaliation would be against ‘US military sites’.')[0]?.text).toBe(
      'US military sites',
    );
  });
});
