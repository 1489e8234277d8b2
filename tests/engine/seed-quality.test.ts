/**
 * Measures the database built from the seeds against our hand labels
 * (tests/fixtures/seed-expectations.json) and prints the figures. The floors are what the
 * pipeline reaches today; the headline disagreements must each be found with their values.
 */
import { describe, expect, it } from 'vitest';
import { buildDatabase } from '../../src/engine/build-database.ts';
import { loadSeedArticles } from './seed-articles.ts';
import { evaluateSeedQuality, formatScore, loadSeedExpectations } from './seed-expectations.ts';

const db = buildDatabase(loadSeedArticles());
const quality = evaluateSeedQuality(db, loadSeedExpectations());

describe('seed quality against hand labels', () => {
  it('reports the figures', () => {
    console.log(
      [
        formatScore('grouping (claim pairs)', quality.grouping),
        formatScore('conflicts (claim pairs)', quality.conflicts),
        formatScore('worded differently (claim pairs)', quality.worded),
      ].join('\n'),
    );
    if (quality.grouping.falsePositives.length)
      console.log('grouped but not labelled:', quality.grouping.falsePositives);
    if (quality.conflicts.falsePositives.length)
      console.log('unexpected conflicts:', quality.conflicts.falsePositives);
    expect(quality.grouping.expected).toBeGreaterThan(50);
  });

  it('groups claims precisely and with good recall', () => {
    expect(quality.grouping.precision).toBeGreaterThanOrEqual(0.95);
    expect(quality.grouping.recall).toBeGreaterThanOrEqual(0.93);
  });

  it('reports no conflict a careful reader would reject, and nearly every labelled one', () => {
    if (quality.conflicts.missed.length)
      console.log('labelled conflicts not found:', quality.conflicts.missed);
    expect(quality.conflicts.falsePositives).toEqual([]);
    expect(quality.conflicts.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('finds each headline disagreement of the issue', () => {
    const conflicts = db.facts.flatMap((f) => f.relations).filter((r) => r.stance === 'conflicts');
    const shows = (a: string, b: string) =>
      conflicts.some((r) =>
        r.details.some((d) => (d.a.includes(a) && d.b.includes(b)) || (d.a.includes(b) && d.b.includes(a))),
      );
    expect(shows('5,200', '5,000')).toBe(true);
    expect(shows('Friday', 'Thursday')).toBe(true);
    expect(shows('Marine Corps', 'Navy')).toBe(true);
    expect(shows("wasn't signed", 'signed')).toBe(true);
    expect(shows('Joint Chiefs', 'Army Chiefs')).toBe(true);
  });

  it('shows the differing values of every labelled conflict and wording variant', () => {
    expect(quality.wrongValues).toEqual([]);
  });

  it('labels the quotation variants worded-differently, and nothing else that is not acceptable', () => {
    expect(quality.worded.missed).toEqual([]);
    expect(quality.worded.falsePositives).toEqual([]);
  });

  it('never labels the same two claims differently in two facts', () => {
    const seen = new Map<string, string>();
    for (const f of db.facts) {
      for (const r of f.relations) {
        const key = `${r.a} ${r.b}`;
        const label = JSON.stringify([r.stance, r.details]);
        if (seen.has(key)) expect(label).toBe(seen.get(key));
        seen.set(key, label);
      }
    }
  });
});
