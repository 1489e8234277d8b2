import { describe, expect, it } from 'vitest';
import { extractQuantities } from '../../src/engine/extract-quantities.ts';
import { tokenizeWithOffsets } from '../../src/engine/tokenize-sentence.ts';

const scopesOf = (text: string) =>
  extractQuantities(text, tokenizeWithOffsets(text)).map((q) => [q.value, q.unit, q.scope ?? null]);

describe('extractQuantities: what a count is narrowed to', () => {
  it.each([
    ['About 25 US troops were hurt at Iraqi sites, officials said.', 25],
    ['The Pentagon said 34 US service members suffered traumatic brain injuries.', 34],
    ['More than 100 US troops were diagnosed with brain injuries after the strikes.', 100],
    ['Two US soldiers were killed in a rocket attack on a base in Iraq.', 2],
    ['Three wounded soldiers were flown to Germany.', 3],
  ])('reads casualties: %s', (text, value) => {
    expect(scopesOf(text)).toEqual([[value, 'troops', 'casualties']]);
  });

  it.each([
    ['About 1,500 US troops are stationed at Al Asad air base in Iraq.', 1500],
    ['Some 2,500 US troops will stay at a base in Kuwait, officials said.', 2500],
    ['About 1,000 US troops are based at Ain al-Asad airbase.', 1000],
  ])('reads one site: %s', (text, value) => {
    expect(scopesOf(text)).toEqual([[value, 'troops', 'site']]);
  });

  it.each([
    'The United States has about 5,000 US troops in Iraq.',
    'The US keeps around 5,000 troops at bases across Iraq.',
    'About 5,000 US troops are in Iraq, where Soleimani was killed.',
    'The US has 5,000 troops in Iraq and the region after the general was killed.',
    'Around 5,200 US troops are on the ground in the country.',
  ])('leaves the whole count unscoped: %s', (text) => {
    expect(scopesOf(text)).toEqual([[5000 + (text.includes('5,200') ? 200 : 0), 'troops', null]]);
  });
});
