import { describe, expect, it } from 'vitest';
import { clusterClaims, extractTerms, stripRoleAppositives } from '../../src/engine/cluster-claims.ts';
import { extractFeatures } from '../../src/engine/extract-features.ts';

const input = (id: string, articleId: string, text: string) => ({
  id,
  articleId,
  text,
  features: extractFeatures(text),
});

describe('extractTerms', () => {
  it('maps spelling variants and transliterations to the same term', () => {
    const a = extractTerms('Qassem Soleimani was killed in Baghdad.');
    const b = extractTerms('Qasem Solemaini was killed in Baghdad.');
    expect(a).toEqual(b);
  });
});

describe('stripRoleAppositives', () => {
  it('strips a role appositive that describes a person', () => {
    expect(
      stripRoleAppositives('It was signed by Gen. Seely, commanding general of the coalition against ISIS.'),
    ).toBe('It was signed by Gen. Seely .');
  });
});

describe('clusterClaims', () => {
  it('groups the same fact across articles, keeps different facts apart, and covers every claim', () => {
    const claims = [
      input('a1', 'a', 'The United States has about 5,000 US troops in Iraq.'),
      input('a2', 'a', 'Helicopters were heard over Baghdad on Monday night.'),
      input('b1', 'b', 'There are more than 5,000 US troops currently staying in Iraq.'),
      input('b2', 'b', 'The football club won the cup final on Saturday.'),
      input('c1', 'c', 'Reporters could hear helicopters flying low over Baghdad on Monday night.'),
    ];
    const groups = clusterClaims(claims).map((g) => g.map((i) => claims[i]!.id));
    expect(groups).toContainEqual(['a1', 'b1']);
    expect(groups).toContainEqual(['a2', 'c1']);
    expect(groups).toContainEqual(['b2']);
    expect(new Set(groups.flat())).toEqual(new Set(claims.map((c) => c.id)));
  });

  it('never groups two claims of one article on their own', () => {
    const claims = [
      input('a1', 'a', 'The United States has about 5,000 US troops in Iraq.'),
      input('a2', 'a', 'The United States has about 5,000 US troops in Iraq today.'),
    ];
    expect(clusterClaims(claims)).toEqual([[0], [1]]);
  });
});
