import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/engine/split-sentences.ts';

const texts = (input: string) => splitSentences(input).map((s) => s.text);

describe('splitSentences', () => {
  it('keeps military ranks, initials and dotted initialisms whole', () => {
    expect(
      texts('The letter came from Brig. Gen. William H. Seely III in Baghdad. It was unsigned.'),
    ).toEqual(['The letter came from Brig. Gen. William H. Seely III in Baghdad.', 'It was unsigned.']);
    expect(texts('U.S. troops stay. Mr. Esper said so. Gen. Jonathan Vance agreed.')).toEqual([
      'U.S. troops stay.',
      'Mr. Esper said so.',
      'Gen. Jonathan Vance agreed.',
    ]);
  });

  it('ends a sentence after "U.S." when a typical opener follows, and not otherwise', () => {
    expect(texts('He flew to the U.S. The talks began.')).toEqual([
      'He flew to the U.S.',
      'The talks began.',
    ]);
    expect(texts('He flew to the U.S. Capitol today.')).toEqual(['He flew to the U.S. Capitol today.']);
  });

  it('keeps decimals, ellipses and numbers with abbreviations inside one sentence', () => {
    expect(texts('It rose 3.5 per cent. See No. 10 for more … And then it fell.')).toEqual([
      'It rose 3.5 per cent.',
      'See No. 10 for more … And then it fell.',
    ]);
  });

  it('keeps closing quotes with their sentence and splits after them', () => {
    expect(texts('He said: “We respect your decision.” Then he left.')).toEqual([
      'He said: “We respect your decision.”',
      'Then he left.',
    ]);
  });

  it('keeps a short quotation closed by a comma and its attribution as one sentence', () => {
    expect(
      texts('“Poorly worded, implies withdrawal. That’s not what’s happening,” Milley said. Next.'),
    ).toEqual(['“Poorly worded, implies withdrawal. That’s not what’s happening,” Milley said.', 'Next.']);
  });

  it('does not split before a lower-case word (a quotation continuing, "period.")', () => {
    expect(texts('But there’s been no decision made to leave Iraq. period.”')).toEqual([
      'But there’s been no decision made to leave Iraq. period.”',
    ]);
  });

  it('treats blank lines and line breaks before a capital as breaks, soft wraps as spaces', () => {
    expect(texts('Headline without stop\nFirst sentence here.\n\nsecond paragraph.')).toEqual([
      'Headline without stop',
      'First sentence here.',
      'second paragraph.',
    ]);
    expect(texts('a sentence that wraps\nonto the next line.')).toEqual([
      'a sentence that wraps\nonto the next line.',
    ]);
  });

  it('returns offsets into the input for every sentence, trimmed', () => {
    const input = '  First one.  Second one!\u2028 Third?  ';
    const spans = splitSentences(input);
    expect(spans.map((s) => s.text)).toEqual(['First one.', 'Second one!', 'Third?']);
    for (const s of spans) expect(input.slice(s.start, s.end)).toBe(s.text);
  });

  it('returns nothing for empty or blank input', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\t ')).toEqual([]);
  });
});
