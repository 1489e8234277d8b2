import { describe, expect, it } from 'vitest';
import { createWorkMeter } from '../../src/content/work-meter.ts';

/** Spins for `ms`, then returns `value`. */
function busy<T>(ms: number, value: () => T): T {
  const until = performance.now() + ms;
  while (performance.now() < until);
  return value();
}

describe('createWorkMeter', () => {
  it('adds up measured stretches by label on the global, including ones that throw', () => {
    const global: Record<symbol, unknown> = {};
    const meter = createWorkMeter(global);
    expect(meter.measure('collect', () => busy(3, () => 7))).toBe(7);
    expect(() => meter.measure('draw', () => busy(2, () => JSON.parse('{')))).toThrow();
    meter.add('collect', 1);
    const totals = global[Symbol.for('crosscheck.work')] as typeof meter.totals;
    expect(totals).toBe(meter.totals);
    expect(totals.runs).toBe(3);
    expect(totals.byLabel.collect).toBeGreaterThanOrEqual(4);
    expect(totals.byLabel.draw).toBeGreaterThanOrEqual(2);
    expect(totals.totalMs).toBeCloseTo(totals.byLabel.collect! + totals.byLabel.draw!, 6);
    expect(totals.longestMs).toBeGreaterThanOrEqual(3);
    expect(totals.longestMs).toBeLessThan(totals.totalMs);
  });

  it('counts a stretch measured inside another only once, towards the outer label', () => {
    const meter = createWorkMeter({});
    meter.measure('mutations', () => meter.measure('report', () => busy(2, () => 0)));
    expect(meter.totals.runs).toBe(1);
    expect(meter.totals.byLabel.report).toBeUndefined();
    expect(meter.totals.byLabel.mutations).toBeGreaterThanOrEqual(2);
  });

  it('starts from zero for a new content script instance', () => {
    const global: Record<symbol, unknown> = {};
    createWorkMeter(global).add('scan', 5);
    const fresh = createWorkMeter(global);
    expect(global[Symbol.for('crosscheck.work')]).toBe(fresh.totals);
    expect(fresh.totals.totalMs).toBe(0);
  });
});
