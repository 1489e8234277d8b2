import { describe, expect, it } from 'vitest';
import { analyzeText, buildCandidateIndex, slotOf } from '../../src/engine/build-candidate-index.ts';

const CLAIMS = [
  'The United States has about 5,000 US troops in Iraq.',
  'Iranian General Qassem Soleimani was killed following a US drone strike at Baghdad airport on Friday.',
  'The letter was sent by Brigadier General William H Seely III, the commanding general of Task Force Iraq.',
  'Esper told reporters in Washington: "There\'s been no decision to leave Iraq".',
  'Around 400 British Army soldiers are training Iraqi troops.',
  'The Iraqi parliament passed a non-binding resolution on Sunday.',
];

describe('analyzeText', () => {
  it('reduces rewordings of the same fact to shared terms', () => {
    const a = analyzeText('Esper said no decision had been made to pull out of Iraq');
    const b = analyzeText('There has been no decision to leave Iraq, Esper said');
    for (const term of ['esper', 'decision', 'leave', 'iraq']) {
      expect(a.terms).toContain(term);
      expect(b.terms).toContain(term);
    }
  });

  it('maps "service members" and "soldiers" to troops and drops hedges', () => {
    expect(analyzeText('Roughly 5,000 American service members remain').terms).toEqual([
      '5000',
      'us',
      'troop',
      'stay',
    ]);
  });

  it('reads a number word before a multiplier as the number in digits, and leaves one alone', () => {
    expect(analyzeText('Five thousand US troops remain').terms).toEqual(['5000', 'us', 'troop', 'stay']);
    expect(analyzeText('It spent Two Trillion Dollars').terms).toContain('2000000000000');
    expect(analyzeText('It spent $2 trillion').terms).toContain('2000000000000');
    expect(analyzeText('5.2 million people').terms).toContain('5200000');
    expect(analyzeText('The two countries must act').slots).not.toContain('number');
  });

  it('reads the names of the Islamic State group, and urging and asking, as one', () => {
    for (const text of ['the Islamic State group', 'terror group ISIS', 'Daesh']) {
      expect(analyzeText(text).terms).toContain('isis');
    }
    expect(analyzeText('urging Iraq to allow').terms).toEqual(analyzeText('asked Iraq to let').terms);
  });

  it('drops contractions of stop words', () => {
    expect(analyzeText("That's not what's happening").terms).toEqual(['happen']);
  });

  it('knows which terms are slots', () => {
    expect(slotOf('5200')).toBe('number');
    expect(slotOf('thursday')).toBe('weekday');
    expect(slotOf('navy')).toBe('branch');
    expect(slotOf('letter')).toBeNull();
  });

  it('reads numbers, ordinals and decades as numbers, and a code that starts with digits as a word', () => {
    for (const n of ['5200', '2.5', '3rd', '21st', '1990s']) expect(slotOf(n)).toBe('number');
    // A tweet's link ("pic.twitter.com/52DDhSIIQ2") is not the number 52.
    expect(slotOf('52ddhsiiq2')).toBeNull();
    expect(analyzeText('pic.twitter.com/52DDhSIIQ2').slots).not.toContain('number');
  });
});

describe('analyzeText: each term once', () => {
  it('lists a term once however many tokens become it, with its set', () => {
    const a = analyzeText('Troops, troop and TROOPS: the troops left Iraq; Iraq said the troops left.');
    expect(a.terms).toEqual(['troop', 'leave', 'iraq']);
    expect(a.keys).toHaveLength(a.terms.length);
    expect(a.slots).toHaveLength(a.terms.length);
    expect([...a.set]).toEqual(a.terms);
  });

  it('lists each term once across the clearing of its token memo for size', () => {
    const sentence = 'US troops left Iraq, and the troops said Iraq had asked US troops to leave.';
    const before = analyzeText(sentence).terms;
    // More distinct tokens than the memo keeps (TOKEN_CACHE_LIMIT, 200,000) between two mentions
    // of the same term: the memo must not be cleared while a text is being analysed.
    const words = Array.from({ length: 210_000 }, (_, i) => `w${i.toString(36)}`).join(' ');
    const flood = analyzeText(`Troops ${words} troops.`).terms;
    expect(flood.length).toBeGreaterThan(200_000);
    expect(flood.filter((term) => term === 'troop')).toEqual(['troop']);
    expect(analyzeText(sentence).terms).toEqual(before);
  });
});

describe('buildCandidateIndex', () => {
  const index = buildCandidateIndex(CLAIMS);

  it('ranks the claim sharing rare terms first', () => {
    const top = index.candidates(
      analyzeText('Esper told journalists no decision had been taken to pull out of Iraq'),
    );
    expect(top[0]?.claim).toBe(3);
  });

  it('meets transliterations and misspellings through variant keys', () => {
    expect(index.candidates(analyzeText('Qasem Solemaini died in a drone strike'))[0]?.claim).toBe(1);
    expect(index.candidates(analyzeText('General Seeley sent the letter to the task force'))[0]?.claim).toBe(
      2,
    );
  });

  it('finds a claim whose number differs, through the number slot', () => {
    const claims = index
      .candidates(analyzeText('The United States has about 5,200 troops in Iraq.'))
      .map((c) => c.claim);
    expect(claims[0]).toBe(0);
  });

  it('returns nothing for a sentence with no terms in common', () => {
    expect(index.candidates(analyzeText('Manchester United beat Chelsea at Old Trafford.'))).toEqual([]);
    expect(index.candidates(analyzeText('Read more.'))).toEqual([]);
  });

  it('weighs rare terms above common ones', () => {
    expect(index.termWeight('seely')).toBeGreaterThan(index.termWeight('iraq'));
    expect(index.termDf('iraq')).toBe(5); // "Iraqi" folds to iraq
    expect(index.termDf('football')).toBe(0);
  });

  it('caps the number of candidates', () => {
    const many = buildCandidateIndex(
      Array.from({ length: 50 }, (_, i) => `US troops in Iraq number ${i} alpha`),
    );
    expect(many.candidates(analyzeText('US troops in Iraq alpha'), 5)).toHaveLength(5);
  });

  it('stays bounded on a large database with common words', () => {
    const texts = Array.from({ length: 20_000 }, (_, i) => `troops iraq base w${i % 997} x${i}`);
    texts.push('Esper said there was no decision to leave Iraq');
    const big = buildCandidateIndex(texts);
    const top = big.candidates(analyzeText('Esper: no decision to leave Iraq and troops'));
    expect(top[0]?.claim).toBe(20_000);
  });
});

describe('analyzeText on hostile words', () => {
  it('treats words naming Object.prototype members as plain words', () => {
    const a = analyzeText('The constructor said toString and hasOwnProperty were valueOf __proto__');
    for (const term of a.terms) expect(typeof term).toBe('string');
    expect(a.terms).toContain('constructor');
    const index = buildCandidateIndex(['The constructor of the bridge said the toString works']);
    expect(index.candidates(analyzeText('constructor toString bridge'))[0]?.claim).toBe(0);
  });
});

describe('buildCandidateIndex: per-term lookups', () => {
  it('reads the same numbers off a term as by its string, across indexes and plain texts', () => {
    const first = buildCandidateIndex(CLAIMS);
    const second = buildCandidateIndex(CLAIMS.slice(2));
    const page = analyzeText('Esper said 5,200 US troops would leave Iraq, Qasem pomegranate');
    // A plain object, not made by analyzeText, is looked up by its strings.
    const plain = { terms: [...page.terms], keys: [...page.keys], slots: [...page.slots], set: page.set };
    // Alternate the indexes so that each finds the terms last looked up by the other.
    for (const index of [first, second, first, second]) {
      for (const text of [page, plain]) {
        for (let i = 0; i < text.terms.length; i++) {
          expect(index.termStatsAt(text, i)).toBe(index.termStats(text.terms[i]!));
          expect(index.keyIdAt(text, i)).toBe(index.keyId(text.keys[i]!));
        }
      }
    }
    expect(page.terms.some((_, i) => first.termStatsAt(page, i) === undefined)).toBe(true);
    expect(first.unseenTermWeight).toBe(first.termWeight('pomegranate'));
  });
});
