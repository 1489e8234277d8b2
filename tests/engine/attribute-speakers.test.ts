import { describe, expect, it } from 'vitest';
import { attributeSpeakers } from '../../src/engine/attribute-speakers.ts';
import { splitSentences } from '../../src/engine/split-sentences.ts';

function speakersOf(text: string): Array<[string, string | null, boolean]> {
  const sentences = splitSentences(text);
  return attributeSpeakers(sentences, text).map((a, i) => [sentences[i]!.text, a.speaker, a.insideQuote]);
}

describe('attributeSpeakers', () => {
  it('carries a quotation left open into the next paragraph that reopens it', () => {
    const text =
      'Esper said: “There is no decision to leave.\n\n“I don’t know what that letter is. But there is no plan.”\n';
    expect(speakersOf(text)).toEqual([
      ['Esper said: “There is no decision to leave.', 'espr', false],
      ['“I don’t know what that letter is.', 'espr', true],
      ['But there is no plan.”', 'espr', true],
    ]);
  });

  it('gives a paragraph that is only a quotation the previous quotation’s speaker', () => {
    const text = '“No decision,” Esper told reporters.\n\n“We are trying to find out where it comes from.”\n';
    expect(speakersOf(text).map(([, s]) => s)).toEqual(['espr', 'espr']);
  });

  it('resolves "he said" only to a speaker of this or the previous paragraph', () => {
    const near = 'Abutorabi warned the country could respond.\n\nHe said: “We can attack.”\n';
    expect(speakersOf(near).map(([, s]) => s)).toEqual(['abtrb', 'abtrb']);
    const far =
      'Abutorabi warned the country could respond.\n\nThe weather was cold.\n\nMarkets fell.\n\nHe said: “We can attack.”\n';
    expect(speakersOf(far).at(-1)?.[1]).toBeNull();
  });

  it('never attributes narration that names no speaker', () => {
    const text = 'Esper said there was no decision.\n\nThe letter was addressed to the ministry.\n';
    expect(speakersOf(text).map(([, s]) => s)).toEqual(['espr', null]);
  });
});
