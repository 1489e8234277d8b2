import { describe, expect, it } from 'vitest';
import { classifySentence, computeSentenceKey } from '../../src/engine/select-claims.ts';

describe('classifySentence', () => {
  it('keeps declarative claims', () => {
    expect(classifySentence('The United States has about 5,000 troops in Iraq.')).toBeNull();
    expect(
      classifySentence('“There’s been no decision whatsoever to leave Iraq,” Mr Esper said.'),
    ).toBeNull();
  });

  it('drops questions, headlines, captions, navigation and fragments with a reason', () => {
    expect(classifySentence('What was the letter about?')).toBe('question');
    expect(classifySentence('Does Iran have nukes?”')).toBe('question');
    expect(classifySentence('US denies Iraq pullout amid letter confusion')).toBe('headline');
    expect(classifySentence('Funeral held for Qassem Soleimani in Iran (Image: GETTY)')).toBe('caption');
    expect(classifySentence('READ MORE: World War 3: Trump makes vow')).toBe('navigation');
    expect(classifySentence('Period.”')).toBe('too-short');
    expect(classifySentence('It did not give a timeline.')).toBe('too-short');
  });
});

describe('computeSentenceKey', () => {
  it('equates sentences differing only in case, punctuation and spacing', () => {
    expect(computeSentenceKey('Confusion over U.S. troops')).toBe(
      computeSentenceKey('confusion  over U.S. Troops!'),
    );
    expect(computeSentenceKey('5,000 troops')).not.toBe(computeSentenceKey('5,200 troops'));
  });
});
