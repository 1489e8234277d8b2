import { describe, expect, it } from 'vitest';
import { extractFeatures } from '../../src/engine/extract-features.ts';

describe('extractFeatures: quantities', () => {
  it('finds what is counted, whose it is, and the qualifier', () => {
    const f = extractFeatures(
      'Around 400 British Army soldiers are training Iraqi troops as well as around 5,200 US troops in the country.',
    );
    expect(f.quantities.map((q) => [q.value, q.unit, q.qualifier, q.modifiers])).toEqual([
      [400, 'troops', 'about', ['army', 'uk']],
      [5200, 'troops', 'about', ['us']],
    ]);
  });

  it.each([
    ['There are more than 5,000 US troops in Iraq.', 5000, 'more-than'],
    ['The United States has about 5000 troops in Iraq.', 5000, 'about'],
    ['At least 12 soldiers were hurt.', 12, 'at-least'],
    ['Nearly 300 marines landed.', 300, 'nearly'],
    ['Currently 5,000 US troops are in Iraq.', 5000, 'exact'],
    ['Some 2 million people marched.', 2_000_000, 'about'],
  ])('%s', (sentence, value, qualifier) => {
    const [q] = extractFeatures(sentence).quantities;
    expect(q?.value).toBe(value);
    expect(q?.qualifier).toBe(qualifier);
  });

  it('does not read years, dates or ages as counts', () => {
    expect(extractFeatures('On January 6, 2020 the letter was sent.').quantities).toEqual([]);
    expect(extractFeatures('The 62-year-old was killed.').quantities).toEqual([]);
  });
});

describe('extractFeatures: days and dates', () => {
  it('ties each weekday to the event it dates', () => {
    const f = extractFeatures(
      'The Iraqi parliament on Sunday voted to expel American troops in response to the assassination of Gen. Qasem Soleimani Thursday in a drone strike.',
    );
    expect(f.days).toEqual(['sunday', 'thursday']);
    expect(f.dayMentions).toEqual([
      { day: 'sunday', event: 'vote' },
      { day: 'thursday', event: 'killing' },
    ]);
  });

  it('reads full and partial dates', () => {
    expect(extractFeatures('It happened on January 6, 2020, and again on 7 Jan.').dates).toEqual([
      '--01-07',
      '2020-01-06',
    ]);
  });
});

describe('extractFeatures: people', () => {
  it('reads rank, service branch and role', () => {
    const f = extractFeatures(
      'The letter was sent from the United States Marine Corps Brigadier General William H Seely III, the commanding general of Task Force Iraq.',
    );
    expect(f.people).toEqual([
      {
        name: 'Brigadier General William H Seely III',
        key: 'sl',
        rank: 'brigadier general',
        branch: 'Marine Corps',
        role: 'commanding general of Task Force Iraq',
      },
    ]);
  });

  it('reads a possessive branch and an abbreviated rank, with the same key for the same surname', () => {
    const navy = extractFeatures(
      'It was signed by the US Navy’s Brigadier General William William Seely III.',
    ).people[0];
    const brig = extractFeatures('The letter was sent by Brig Gen William H Seely.').people[0];
    expect(navy?.branch).toBe('Navy');
    expect(brig?.rank).toBe('brigadier general');
    expect(navy?.key).toBe(brig?.key);
  });

  it('gives transliterations and misspellings one key', () => {
    const keys = [
      'Qassem Soleimani was killed.',
      'Qasem Soleimani was killed.',
      'The strike killed Gen. Solemaini.',
    ].map((s) => extractFeatures(s).people[0]?.key);
    expect(new Set(keys).size).toBe(1);
  });

  it('does not mistake places, organisations or months for people', () => {
    const f = extractFeatures('The United States told the Iraqi Parliament in Baghdad in January.');
    expect(f.people).toEqual([]);
    expect(f.places).toEqual(['baghdad', 'us']);
  });
});

describe('extractFeatures: organisations and places', () => {
  it('finds named bodies and known places', () => {
    const f = extractFeatures(
      'US Army General Mark Milley, chairman of the Joint Chiefs of Staff, spoke in Baghdad about ISIS.',
    );
    expect(f.organisations).toContain('joint chiefs of staff');
    expect(f.organisations).toContain('isis');
    expect(f.places).toContain('baghdad');
  });
});

describe('extractFeatures: polarity', () => {
  it.each([
    ['Milley said the draft was poorly worded and wasn’t signed.', 'sign', true],
    ['It was signed by the US Navy’s Brigadier General William Seely.', 'sign', false],
    ['There has been no decision to leave Iraq.', 'leave', true],
    ['Pentagon officials have denied US troops are moving out of Iraq.', 'leave', true],
    ['The US is preparing to leave Iraq.', 'leave', false],
  ])('%s', (sentence, predicate, negated) => {
    const f = extractFeatures(sentence);
    const a = f.assertions?.find((x) => x.predicate === predicate);
    expect(a?.negated).toBe(negated);
  });

  it('sets negated when the sentence negates anything', () => {
    expect(extractFeatures('There is no decision to leave Iraq.').negated).toBe(true);
    expect(extractFeatures('The letter was sent on Monday.').negated).toBe(false);
  });
});

describe('quotations and speakers', () => {
  it('gives quotes their speaker, before or after the quote', () => {
    expect(
      extractFeatures('“There’s been no decision whatsoever to leave Iraq,” Mr Esper said.').quotes,
    ).toEqual([{ text: 'There’s been no decision whatsoever to leave Iraq', speaker: 'espr' }]);
    expect(
      extractFeatures('Esper told reporters in Washington: "There\'s been no decision to leave Iraq".')
        .quotes[0]?.speaker,
    ).toBe('espr');
  });

  it('uses the context speaker when the sentence names none', () => {
    const f = extractFeatures('“I don’t know what that letter is.”', { speaker: 'espr' });
    expect(f.quotes).toEqual([{ text: 'I don’t know what that letter is', speaker: 'espr' }]);
  });
});
