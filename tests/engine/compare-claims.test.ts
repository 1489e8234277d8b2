import { describe, expect, it } from 'vitest';
import {
  areQuantitiesCompatible,
  compareClaims,
  countsOtherThings,
  doRolesConflict,
  formatQuantity,
} from '../../src/engine/compare-claims.ts';
import { extractFeatures } from '../../src/engine/extract-features.ts';
import type { Quantity } from '../../src/engine/types.ts';

const claim = (text: string, speaker: string | null = null) => ({
  text,
  features: extractFeatures(text, { speaker }),
  speaker,
});
const compare = (a: string, b: string) => compareClaims(claim(a), claim(b));

describe('compareClaims: numbers', () => {
  it('"about 5,000" and "5,200" US troops conflict, with both numbers and the subject', () => {
    const r = compare(
      'The United States has about 5,000 US troops in Iraq.',
      'Around 400 British Army soldiers are training Iraqi troops as well as around 5,200 US troops in the country.',
    );
    expect(r.stance).toBe('conflicts');
    expect(r.details).toEqual([{ kind: 'number', a: '5,000', b: '5,200', subject: 'US troops in Iraq' }]);
  });

  it('"more than 5,000" agrees with "5,200" and with "about 5,000"', () => {
    expect(
      compare('There are more than 5,000 US troops in Iraq.', 'There are around 5,200 US troops in Iraq.')
        .stance,
    ).toBe('agrees');
    expect(
      compare('There are more than 5,000 US troops in Iraq.', 'The US has about 5,000 troops in Iraq.')
        .stance,
    ).toBe('agrees');
  });

  it('never compares counts of different things or of different countries', () => {
    expect(
      compare('There are 5,000 US troops in Iraq.', 'There are 400 British soldiers in Iraq.').stance,
    ).toBe('agrees');
    expect(compare('There are 5,000 US troops in Iraq.', 'The US has 12 helicopters in Iraq.').stance).toBe(
      'agrees',
    );
  });

  it('never compares a count of casualties or of one base with a count of all the troops', () => {
    const all = 'The United States has about 5,000 US troops in Iraq.';
    expect(compare('About 25 US troops were hurt at Iraqi sites.', all).details).toEqual([]);
    expect(compare('About 1,500 US troops are stationed at Al Asad air base in Iraq.', all).details).toEqual(
      [],
    );
    // The same scope on both sides still compares.
    expect(
      compare(
        'Eleven US troops were treated for concussion.',
        '34 US troops were treated for brain injuries.',
      ).details,
    ).toEqual([{ kind: 'number', a: '11', b: '34', subject: 'US troops' }]);
  });

  it('reads qualifiers as bounds', () => {
    const q = (value: number, qualifier: Quantity['qualifier']): Quantity => ({
      value,
      unit: 'troops',
      qualifier,
      text: '',
    });
    expect(areQuantitiesCompatible(q(5000, 'more-than'), q(5200, 'exact'))).toBe(true);
    expect(areQuantitiesCompatible(q(5000, 'more-than'), q(4000, 'exact'))).toBe(false);
    expect(areQuantitiesCompatible(q(5000, 'about'), q(5200, 'exact'))).toBe(false);
    expect(areQuantitiesCompatible(q(5000, 'nearly'), q(4800, 'exact'))).toBe(true);
    expect(areQuantitiesCompatible(q(5000, 'nearly'), q(5100, 'exact'))).toBe(false);
    expect(areQuantitiesCompatible(q(5000, 'at-most'), q(6000, 'at-least'))).toBe(false);
    expect(areQuantitiesCompatible(q(5000, 'more-than'), q(6000, 'less-than'))).toBe(true);
  });
});

describe('countsOtherThings', () => {
  const quantities = (text: string) => extractFeatures(text).quantities;
  const all = quantities('The United States has about 5,000 US troops in Iraq.');

  it("is true when every count of the claim's noun has another scope", () => {
    expect(countsOtherThings(quantities('About 25 US troops were hurt at Iraqi sites.'), all)).toBe(true);
    expect(
      countsOtherThings(quantities('About 1,500 US troops are stationed at Al Asad air base.'), all),
    ).toBe(true);
  });

  it("is true when the sentence's count of the noun is another country's", () => {
    const aap = quantities('The United States has about 5000 troops in Iraq.');
    expect(countsOtherThings(quantities('Germany said it would withdraw 35 of its 120 soldiers.'), aap)).toBe(
      true,
    );
    expect(countsOtherThings(quantities('Some 5,200 American troops are in Iraq.'), aap)).toBe(false);
  });

  it('is false when one count of the sentence counts what the claim counts, whatever its value', () => {
    expect(countsOtherThings(quantities('Around 5,200 US troops are in Iraq.'), all)).toBe(false);
    expect(
      countsOtherThings(quantities('Around 5,200 US troops are in Iraq, and 11 soldiers were hurt.'), all),
    ).toBe(false);
  });

  it('leaves counts of other nouns and sentences without counts to the alignment', () => {
    expect(countsOtherThings(quantities('Iran fired 15 ballistic missiles.'), all)).toBe(false);
    expect(countsOtherThings([], all)).toBe(false);
  });

  it('is true for a count in words against a claim that counts nothing, durations aside', () => {
    expect(countsOtherThings(quantities('Two US soldiers were killed in a rocket attack.'), [])).toBe(true);
    expect(countsOtherThings(quantities('Two days after the strike, parliament voted.'), [])).toBe(false);
    expect(countsOtherThings(quantities('80 American soldiers were killed.'), [])).toBe(false);
  });
});

describe('formatQuantity', () => {
  it('groups whole numbers as en-US does and writes fractions as JavaScript does', () => {
    const q = (value: number): Quantity => ({ value, unit: 'troops', qualifier: 'exact', text: '' });
    const values = [0, -0, 7, 999, 1000, 5200, -5200, 1234567, 2 ** 53 - 1, -(2 ** 53), 1e21, 0.5, 1234.5];
    for (const v of values) {
      expect(formatQuantity(q(v))).toBe(Number.isInteger(v) ? v.toLocaleString('en-US') : String(v));
    }
    expect(formatQuantity({ ...q(5000), qualifier: 'more-than' })).toBe('more than 5,000');
  });
});

describe('compareClaims: days', () => {
  it('Friday and Thursday for the same killing conflict', () => {
    const r = compare(
      'He was killed by an American drone at Baghdad airport on Friday.',
      'The parliament voted on Sunday in response to the assassination of Gen. Qasem Soleimani Thursday in a drone strike.',
    );
    expect(r.stance).toBe('conflicts');
    expect(r.details).toEqual([{ kind: 'date', a: 'Friday', b: 'Thursday', subject: 'day of the killing' }]);
  });

  it('statement days conflict only for the same speaker, full dates only for the same kind of event', () => {
    expect(
      compare(
        'Esper said on Tuesday there was no plan to withdraw.',
        'Esper said on Monday the US had no plans to pull out.',
      ).stance,
    ).toBe('conflicts');
    expect(
      compare(
        'The Pentagon said on Tuesday it had no plans to withdraw.',
        'Esper said on Monday the US had no plans to pull out.',
      ).stance,
    ).toBe('agrees');
    expect(
      compare(
        'The embassy was attacked on January 1, 2020.',
        'The parliament passed the resolution on January 5, 2020.',
      ).stance,
    ).toBe('agrees');
    expect(
      compare('The parliament voted on January 4, 2020.', 'The parliament voted on January 5, 2020.').details,
    ).toEqual([{ kind: 'date', a: '2020-01-04', b: '2020-01-05', subject: 'date of the vote' }]);
  });

  it('days of different events do not conflict', () => {
    expect(
      compare(
        'The parliament voted on Sunday to expel US troops.',
        'Soleimani was killed in a drone strike on Friday.',
      ).stance,
    ).toBe('agrees');
  });
});

describe('compareClaims: people', () => {
  it('Marine Corps against Navy for the same general conflicts as an attribute', () => {
    const r = compare(
      'The letter was sent from US Marine Corps Brigadier General William H Seely III.',
      'It was signed by the US Navy’s Brigadier General William William Seely III.',
    );
    expect(r.stance).toBe('conflicts');
    expect(r.details).toContainEqual({
      kind: 'attribute',
      a: 'Marine Corps',
      b: 'Navy',
      subject: "Seely's service branch",
    });
  });

  it('"Joint Chiefs" against "Army Chiefs" of Staff conflicts', () => {
    const r = compare(
      'US Army General Mark Milley, chairman of the military’s Joint Chiefs of Staff, said it.',
      'US Army General Mark Milley, chairman of the Army Chiefs of Staff, said it.',
    );
    expect(r.stance).toBe('conflicts');
    expect(r.details[0]?.kind).toBe('attribute');
    expect(r.details[0]?.subject).toBe("Milley's role");
  });

  it('reads a role given after a bare surname at the start of a sentence', () => {
    const r = compare(
      'Milley, the chairman of the Joint Chiefs, called it a poorly worded draft.',
      'US Army General Mark Milley, chairman of the Army Chiefs of Staff, said so.',
    );
    expect(r.stance).toBe('conflicts');
  });

  it('fuller or shorter descriptions of the same role do not conflict', () => {
    expect(
      doRolesConflict(
        'deputy director of Combined Joint Operations',
        'deputy director of Combined Joint Operations Baghdad',
      ),
    ).toBe(false);
    expect(
      doRolesConflict(
        'commanding general of Task Force Iraq',
        'head of the US military’s task force in Iraq',
      ),
    ).toBe(false);
    expect(
      doRolesConflict('chairman of the Joint Chiefs of Staff', 'chairman of the Army Chiefs of Staff'),
    ).toBe(true);
    expect(
      doRolesConflict(
        'head of the elite Quds force',
        'head of the Islamic Revolutionary Guards Corps’ Quds Force foreign operations arm',
      ),
    ).toBe(false);
  });

  it('"Brigadier General" and "General" for the same person do not conflict', () => {
    expect(compare('Brig. Gen. William Seely wrote it.', 'Gen. William Seely wrote it.').stance).toBe(
      'agrees',
    );
  });
});

describe('compareClaims: polarity', () => {
  it('signed against wasn’t signed conflicts', () => {
    const r = compare(
      'Milley said the draft was poorly worded and wasn’t signed.',
      'It was signed by a US general.',
    );
    expect(r.stance).toBe('conflicts');
    expect(r.details).toEqual([{ kind: 'polarity', a: 'wasn’t signed', b: 'signed', subject: 'signed' }]);
  });

  it('the same sentence with a negation added conflicts on the negated word, for any predicate', () => {
    const r = compare(
      'Esper said the United States was no longer committed to countering ISIS in Iraq.',
      'Esper added the United States was still committed to countering ISIS in Iraq, alongside its allies.',
    );
    expect(r.stance).toBe('conflicts');
    expect(r.details).toEqual([
      { kind: 'polarity', a: 'no longer committed', b: 'still committed', subject: 'committed' },
    ]);
    expect(
      compare(
        'It was not immediately clear if this was related.',
        'It was immediately clear this was related.',
      ).details,
    ).toEqual([{ kind: 'polarity', a: 'not immediately clear', b: 'immediately clear', subject: 'clear' }]);
    expect(
      compare('There is no decision to leave Iraq.', 'There has been no decision whatsoever to leave Iraq.')
        .stance,
    ).toBe('agrees');
  });

  it('reads a negation in capitals or with a typographic apostrophe (the quick pre-check must not miss it)', () => {
    const committed = 'Esper said the United States is committed to countering ISIS in Iraq.';
    expect(compare(committed.replace('is committed', 'is NOT committed'), committed).details).toEqual([
      { kind: 'polarity', a: 'not committed', b: 'committed', subject: 'committed' },
    ]);
    expect(compare(committed.replace('is committed', 'isn’t committed'), committed).details).toEqual([
      { kind: 'polarity', a: "isn't committed", b: 'is committed', subject: 'committed' },
    ]);
    expect(compare(committed.replace('is committed', 'is now committed'), committed).stance).toBe('agrees');
  });

  it('"no decision to leave" against "preparing to leave" conflicts; two denials agree', () => {
    expect(
      compare('There has been no decision to leave Iraq.', 'The US is preparing to leave Iraq.').stance,
    ).toBe('conflicts');
    expect(
      compare('There is no decision to leave Iraq.', 'The US has no plans to withdraw troops from Iraq.')
        .stance,
    ).toBe('agrees');
  });
});

describe('compareClaims: acronyms', () => {
  it('the same acronym said to stand for different words conflicts as "other"', () => {
    const r = compare(
      'CJTF-OIR stands for Joint Combined Task Force – Resolve Inherent Operation.',
      'It said CJTF-OIR (Combined Joint Task Force – Operation Inherent Resolve) will reposition forces.',
    );
    expect(r.stance).toBe('conflicts');
    expect(r.details).toEqual([
      {
        kind: 'other',
        a: 'Joint Combined Task Force – Resolve Inherent Operation',
        b: 'Combined Joint Task Force – Operation Inherent Resolve',
        subject: 'what CJTF-OIR stands for',
      },
    ]);
    expect(
      compare(
        'NATO stands for North Atlantic Treaty Organization.',
        'NATO (North Atlantic Treaty Organization) met.',
      ).stance,
    ).toBe('agrees');
  });
});

describe('compareClaims: wording', () => {
  it('"sovereign" / "sovereignty" decision is worded differently, not a conflict', () => {
    const r = compareClaims(
      claim('“We respect your sovereign decision to order our departure,” the letter reads.'),
      claim('The letter said, "We respect your sovereignty decision to order our departure".'),
    );
    expect(r.stance).toBe('worded-differently');
    expect(r.details).toEqual([
      {
        kind: 'wording',
        a: 'sovereign decision',
        b: 'sovereignty decision',
        subject: 'quotation',
        altersMeaning: false,
      },
    ]);
  });

  it('"in deference to" / "in defense of" is worded differently and flagged as altering the meaning', () => {
    const r = compareClaims(
      claim(
        '“Sir, in deference to the sovereignty of the Republic of Iraq, CJTF-OIR will be repositioning forces,” it read.',
        'letter',
      ),
      claim(
        '“Sir, in defense of the sovereignty of the Republic of Iraq, the CJTF-OIR will reposition forces,” the letter stated.',
      ),
    );
    expect(r.stance).toBe('worded-differently');
    expect(r.details).toContainEqual({
      kind: 'wording',
      a: 'in deference to',
      b: 'in defense of',
      subject: 'quotation',
      altersMeaning: true,
    });
  });

  it('"poorly worded" / "poorly written" in the same speaker’s reported speech is worded differently', () => {
    const r = compareClaims(
      claim(
        'The letter was a poorly written draft document, the top US military officer told reporters.',
        'official',
      ),
      claim(
        'The letter was a poorly worded draft document, the top US military officer told reporters.',
        'official',
      ),
    );
    expect(r.stance).toBe('worded-differently');
    expect(r.details[0]).toMatchObject({ a: 'poorly written', b: 'poorly worded', altersMeaning: false });
  });

  it('a partial quotation, or one with an extra intensifier, agrees', () => {
    expect(
      compare(
        '“in due deference to the sovereignty of Iraq,” it read.',
        '“Sir, in deference to the sovereignty of Iraq, we will go,” it read.',
      ).stance,
    ).toBe('agrees');
    expect(
      compare(
        '“There’s been no decision whatsoever to leave Iraq,” Esper said.',
        '“There’s been no decision to leave Iraq,” Esper said.',
      ).stance,
    ).toBe('agrees');
  });

  it('different speakers’ different quotations are not compared for wording', () => {
    expect(
      compareClaims(
        claim('“We will respond strongly,” Trump said.'),
        claim('“We will respond firmly,” Johnson said.'),
      ).stance,
    ).toBe('agrees');
  });
});

describe('compareClaims: symmetry', () => {
  it('swapping a and b keeps the stance and mirrors the details', () => {
    const pairs: Array<[string, string]> = [
      ['There are about 5,000 US troops in Iraq.', 'Some 5,200 US troops are in Iraq.'],
      ['It was signed by Brig. Gen. William Seely.', 'Milley said the draft wasn’t signed.'],
      [
        '“Sir, in deference to the sovereignty of Iraq, we go,” it read.',
        '“Sir, in defense of the sovereignty of Iraq, we go,” it read.',
      ],
    ];
    for (const [x, y] of pairs) {
      const ab = compare(x, y);
      const ba = compare(y, x);
      expect(ba.stance).toBe(ab.stance);
      expect(ba.details).toEqual(ab.details.map((d) => ({ ...d, a: d.b, b: d.a })));
    }
  });

  it('a claim agrees with itself', () => {
    const c = claim(
      'Around 400 British Army soldiers and around 5,200 US troops are in the country, Esper said on Monday.',
    );
    expect(compareClaims(c, c)).toEqual({ stance: 'agrees', details: [] });
  });

  it('compares frozen claims as it compares the same claims unfrozen', () => {
    const x = 'There are about 5,000 US troops in Iraq, Esper said on Monday.';
    const y = 'Some 5,200 US troops are in Iraq, Esper said on Tuesday.';
    const frozen = compareClaims(Object.freeze(claim(x)), Object.freeze(claim(y)));
    expect(frozen.stance).toBe('conflicts');
    expect(frozen).toEqual(compare(x, y));
  });
});
