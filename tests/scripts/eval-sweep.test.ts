/**
 * The calibration sweep (scripts/eval.ts): how it picks its best row, and that the tuning in the
 * code still ties that best, so a change to the engine that moves the optimum fails here instead
 * of leaving stale constants behind.
 */
import { describe, expect, it } from 'vitest';
import type { SweepRow } from '../../scripts/eval.ts';
import {
  buildLooFolds,
  F05_TIE_MARGIN,
  pickSweepBest,
  readLabelled,
  readSameFactPairs,
  sweep,
  tiesSweepBest,
} from '../../scripts/eval.ts';
import { DEFAULT_TUNING } from '../../src/engine/find-matching-claims.ts';

function row(f05: number, greyZoneFloor = 0.4, threshold = 0.5): SweepRow {
  const counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  return { threshold, greyZoneFloor, fuseRescue: 0.175, labelled: counts, loo: counts, f05 };
}

describe('pickSweepBest and tiesSweepBest', () => {
  it('picks the highest F0.5, and on an exact tie the row that consults Fuse.js least', () => {
    const rows = [row(0.95), row(0.97), row(0.96)];
    expect(pickSweepBest(rows)).toBe(rows[1]);
    const higherFloor = row(0.97, 0.45);
    expect(pickSweepBest([row(0.97, 0.4), higherFloor])).toBe(higherFloor);
  });

  it('counts a row within the margin as a tie, and one further away as not', () => {
    const rows = [row(0.97), row(0.97 - F05_TIE_MARGIN / 2), row(0.97 - 2 * F05_TIE_MARGIN)];
    expect(tiesSweepBest(rows[1]!, rows)).toBe(true);
    expect(tiesSweepBest(rows[2]!, rows)).toBe(false);
  });
});

describe('calibration', () => {
  it('the thresholds in the code tie the sweep best', () => {
    const { full, folds } = buildLooFolds();
    const rows = sweep(full, readLabelled(), folds, readSameFactPairs());
    const current = rows.find(
      (r) =>
        r.threshold === DEFAULT_TUNING.threshold &&
        r.greyZoneFloor === DEFAULT_TUNING.greyZoneFloor &&
        r.fuseRescue === DEFAULT_TUNING.fuseRescue,
    );
    expect(current).toBeDefined();
    const best = pickSweepBest(rows);
    expect(current!.f05).toBeGreaterThanOrEqual(best.f05 - F05_TIE_MARGIN);
    expect(tiesSweepBest(current!, rows)).toBe(true);
  }, 120_000);
});
