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

describe('extractQuantities: whose the counted things are', () => {
  const ownersOf = (text: string) =>
    extractQuantities(text, tokenizeWithOffsets(text)).map((q) => [q.value, q.modifiers]);

  it.each([
    ['Germany said it would withdraw 35 of its 120 soldiers from Iraq.', 120, ['germany']],
    ["Germany's 120 soldiers will leave Iraq.", 120, ['germany']],
    ['The United States has about 5000 troops in Iraq.', 5000, ['us']],
    ['Canada has some 500 soldiers in Iraq.', 500, ['canada']],
    ['Around 400 British Army soldiers are in Iraq.', 400, ['army', 'uk']],
  ])('reads the owner of: %s', (text, value, owners) => {
    expect(ownersOf(text)).toEqual([[value, owners]]);
  });

  it.each([
    'In Iraq 5,000 troops remain.',
    'There are about 5,000 troops in Iraq.',
    'Their 5,000 troops remain, officials said.',
  ])('names no owner where the text gives none: %s', (text) => {
    expect(ownersOf(text)).toEqual([[5000, []]]);
  });
});
