import { describe, expect, it } from 'vitest';
import { decideVerdict, isSupportingStance } from '../../src/engine/decide-verdict.ts';

describe('decideVerdict', () => {
  it('is corroborated when every source agrees', () => {
    expect(decideVerdict(['agrees', 'agrees'])).toBe('corroborated');
  });
  it('counts a differently worded quote as not conflicting', () => {
    expect(decideVerdict(['agrees', 'worded-differently'])).toBe('corroborated');
    expect(decideVerdict(['worded-differently'])).toBe('corroborated');
    expect(isSupportingStance('worded-differently')).toBe(true);
  });
  it('is conflicting when every source conflicts', () => {
    expect(decideVerdict(['conflicts', 'conflicts'])).toBe('conflicting');
  });
  it('is mixed when some agree and some conflict', () => {
    expect(decideVerdict(['agrees', 'conflicts', 'agrees'])).toBe('mixed');
    expect(decideVerdict(['worded-differently', 'conflicts'])).toBe('mixed');
  });
  it('has no verdict without sources', () => {
    expect(decideVerdict([])).toBeNull();
  });
});
