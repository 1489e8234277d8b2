import { describe, expect, it } from 'vitest';
import type { SentenceMatch } from '../../src/engine/types.ts';
import { createEmptyReport, packReport, type TabReport, unpackReport } from '../../src/shared/tab-report.ts';

const makeMatch = (text: string): SentenceMatch => ({ index: 0, text, verdict: 'corroborated', sources: [] });

describe('packReport / unpackReport', () => {
  it('sends a match repeated on the page once, and restores every entry', () => {
    const repeated = makeMatch('The United States has about 5,000 troops in Iraq.');
    const other = makeMatch('Esper said there was no decision to leave Iraq.');
    const report: TabReport = {
      ...createEmptyReport('checked', 'https://a.test/'),
      checked: 3,
      entries: [
        { key: 'a.0', match: repeated },
        { key: 'b.0', match: other },
        { key: 'a.1', match: repeated },
      ],
    };
    const wire = packReport(report);
    expect(wire.matches).toHaveLength(2);
    expect(wire.entries.map((e) => e.match)).toEqual([0, 1, 0]);
    // What crosses the message boundary is JSON; the round trip must give the same report back.
    expect(unpackReport(JSON.parse(JSON.stringify(wire)))).toEqual(report);
  });

  it('packs 5,000 entries of one match into one match', () => {
    const match: SentenceMatch = {
      ...makeMatch('The United States has about 5,000 troops in Iraq.'),
      sources: Array.from({ length: 4 }, (_, i) => ({
        claimId: `00${i}:1`,
        factId: 'f1',
        articleId: `00${i}`,
        outlet: 'An outlet',
        published: null,
        claim: 'The United States has about 5,000 US troops in Iraq, officials said on Monday.',
        score: 0.9,
        stance: 'agrees' as const,
        details: [],
      })),
    };
    const entries = Array.from({ length: 5_000 }, (_, i) => ({ key: `k.${i}`, match }));
    const wire = packReport({ ...createEmptyReport('checked'), entries });
    expect(wire.matches).toHaveLength(1);
    expect(JSON.stringify(wire).length).toBeLessThan(JSON.stringify(entries).length / 5);
  });
});
