/**
 * Guards the matcher's measured accuracy (npm run eval) against regression. The floors are a
 * little under the figures measured when they were set (see the comments), so that unrelated
 * database-pipeline changes do not break the build, but any real loss of precision does.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { LabelledResult, LooResult } from '../../scripts/eval.ts';
import {
  buildLooFolds,
  evaluateLabelled,
  evaluateLoo,
  precisionOf,
  readAddedAfterCalibration,
  readFollowUpBatches,
  readHoldout,
  readLabelled,
  readSameFactPairs,
  recallOf,
} from '../../scripts/eval.ts';
import { createMatcher } from '../../src/engine/create-matcher.ts';

let labelled: LabelledResult;
let loo: LooResult;
let looRaw: LooResult;
let holdout: LabelledResult;
let added: LabelledResult;
/** Each follow-up batch's result, by its file name. */
const followUps = new Map<string, LabelledResult>();

beforeAll(() => {
  const { full, folds } = buildLooFolds();
  labelled = evaluateLabelled(createMatcher(full), readLabelled());
  holdout = evaluateLabelled(createMatcher(full), readHoldout());
  added = evaluateLabelled(createMatcher(full), readAddedAfterCalibration());
  for (const batch of readFollowUpBatches())
    followUps.set(batch.file, evaluateLabelled(createMatcher(full), batch.sentences));
  loo = evaluateLoo(folds, readSameFactPairs());
  looRaw = evaluateLoo(folds);
}, 60_000);

describe('labelled set (tests/fixtures/labelled)', () => {
  it('has at least 150 labelled sentences of every kind', () => {
    const entries = readLabelled();
    expect(entries.length).toBeGreaterThanOrEqual(150);
    for (const category of ['paraphrase', 'altered', 'unrelated', 'near-miss', 'generic']) {
      expect(entries.filter((e) => e.category === category).length).toBeGreaterThanOrEqual(10);
    }
  });

  it('keeps precision and recall (measured 100% / 98.9%)', () => {
    expect(precisionOf(labelled.counts)).toBeGreaterThanOrEqual(0.95);
    expect(recallOf(labelled.counts)).toBeGreaterThanOrEqual(0.95);
  });

  it('matches no unrelated news or generic sentence, and at most one near miss (measured 0, 0, 0)', () => {
    expect(labelled.byCategory.unrelated?.fp).toBe(0);
    expect(labelled.byCategory.generic?.fp).toBe(0);
    expect(labelled.byCategory['near-miss']?.fp ?? 0).toBeLessThanOrEqual(1);
  });

  it('keeps verdicts and conflicting details right (measured 13/14 verdicts, 23/23 details)', () => {
    // The miss: "The Iraqi parliament voted on Saturday …" reads mixed, not conflicting: besides the
    // four outlets that say Sunday it lists Daily US Times's "It was sent after Iraqi MPs passed a
    // resolution …", which gives no day and so agrees (README, "What it does not do (yet)").
    expect(labelled.verdict.total).toBeGreaterThanOrEqual(10);
    expect(labelled.verdict.correct / labelled.verdict.total).toBeGreaterThanOrEqual(0.85);
    expect(labelled.conflictDetail.total).toBeGreaterThanOrEqual(20);
    expect(labelled.conflictDetail.found / labelled.conflictDetail.total).toBeGreaterThanOrEqual(0.9);
  });
});

describe('held-out sentences, never used for calibration', () => {
  it('keeps precision and recall (measured 100% / 100%, 8/8 conflict details)', () => {
    expect(precisionOf(holdout.counts)).toBeGreaterThanOrEqual(0.95);
    expect(recallOf(holdout.counts)).toBeGreaterThanOrEqual(0.9);
    expect(holdout.conflictDetail.found).toBeGreaterThanOrEqual(holdout.conflictDetail.total - 1);
  });
});

describe('sentences added after calibration (topical near misses, name-only captions, Esper paraphrases)', () => {
  it('matches at most one topical near miss and keeps recall (measured 0/9 near misses, recall 100%)', () => {
    expect(added.byCategory['near-miss']?.tn ?? 0).toBeGreaterThanOrEqual(8);
    expect(added.byCategory['near-miss']?.fp ?? 0).toBeLessThanOrEqual(1);
    expect(recallOf(added.counts)).toBeGreaterThanOrEqual(0.8);
  });

  it('matches at most one name-only caption or byline (measured 0/10; 7/10 without MIN_FACT_TERMS)', () => {
    expect(added.byCategory.generic?.tn ?? 0).toBeGreaterThanOrEqual(9);
    expect(precisionOf(added.counts)).toBeGreaterThanOrEqual(0.8);
  });
});

describe('follow-up reporting (later coverage of the same week, never swept)', () => {
  const batch = (file: string): LabelledResult => followUps.get(file)!;

  it('reads every batch the eval lists', () => {
    expect([...followUps.keys()]).toEqual([
      'follow-up.json',
      'follow-up-2.json',
      'follow-up-3.json',
      'follow-up-4.json',
      'follow-up-5.json',
      'follow-up-6.json',
      'follow-up-7.json',
    ]);
  });

  it('batch 1: matches no count of something else (measured 0/9; 3/9 without QUANTITY_SCOPE), finds 3/3', () => {
    expect(batch('follow-up.json').counts.fp).toBe(0);
    expect(batch('follow-up.json').byCategory.paraphrase?.tp ?? 0).toBe(3);
  });

  it('batch 2, written before QUANTITY_SCOPE (measured 0/8 false, 6/6 found; 2/8 and 5/6 before)', () => {
    expect(batch('follow-up-2.json').counts.fp).toBeLessThanOrEqual(1);
    expect(batch('follow-up-2.json').byCategory.paraphrase?.tp ?? 0).toBeGreaterThanOrEqual(5);
  });

  it('batch 3 (measured 0/6 false, 8/8 found; 1/6 false before owners were read)', () => {
    expect(batch('follow-up-3.json').counts.fp).toBe(0);
    expect(batch('follow-up-3.json').byCategory.paraphrase?.tp ?? 0).toBeGreaterThanOrEqual(7);
  });

  it('batch 4 (measured 8/8 right facts, 7 before the ISIS and ask/urge equivalences; no negative matched; altered details 4/4, 3/4 before the phrasal leave)', () => {
    expect(batch('follow-up-4.json').counts.tp).toBeGreaterThanOrEqual(7);
    expect(batch('follow-up-4.json').counts.fp).toBe(0);
    const { found, total } = batch('follow-up-4.json').conflictDetail;
    expect(found).toBe(total);
  });

  it("batch 5 (measured 7/8 found, the Milley paraphrase missed; 1/8 false, the protesters' demand)", () => {
    expect(batch('follow-up-5.json').counts.tp).toBeGreaterThanOrEqual(7);
    expect(batch('follow-up-5.json').counts.fp).toBeLessThanOrEqual(1);
  });

  it('batch 6, run once with nothing changed for it (measured 7/8 found, the vote tally missed; 0/8 false)', () => {
    expect(batch('follow-up-6.json').counts.tp).toBeGreaterThanOrEqual(7);
    expect(batch('follow-up-6.json').counts.fp).toBe(0);
  });

  it('batch 7 (measured 7/8 found, 6 before digits before a multiplier were read; 1/8 false, the militias)', () => {
    expect(batch('follow-up-7.json').counts.tp).toBeGreaterThanOrEqual(7);
    expect(batch('follow-up-7.json').counts.fp).toBeLessThanOrEqual(1);
  });
});

describe('leave one article out over the seeds', () => {
  it('keeps precision and recall against reader-judged truth (measured 98.5% / 97.1%)', () => {
    expect(precisionOf(loo.counts)).toBeGreaterThanOrEqual(0.92);
    // 85.3% before clause matching (split-clauses.ts), 91.2% before the fact-term rule let the
    // Fuse.js rescue bar come down; the floor keeps most of those gains.
    expect(recallOf(loo.counts)).toBeGreaterThanOrEqual(0.92);
  });

  it('keeps precision against the database grouping alone (measured 95.6%)', () => {
    expect(precisionOf(looRaw.counts)).toBeGreaterThanOrEqual(0.85);
  });

  it('lists sources of the same fact (measured 91.3% precision, 79.6% recall)', () => {
    // 89.3% before OTHER_FACT_SHARE kept the letter's "decision to order our departure" out of
    // "no decision made to leave Iraq"; 77.9% recall while only a claim's last fact was expanded.
    expect(loo.sources.right / loo.sources.predicted).toBeGreaterThanOrEqual(0.9);
    expect(loo.sources.right / loo.sources.expected).toBeGreaterThanOrEqual(0.77);
  });

  it("agrees with the database's own stance between the claims (measured 98.2%, 216/220)", () => {
    expect(loo.stance.total).toBeGreaterThanOrEqual(50);
    expect(loo.stance.correct / loo.stance.total).toBeGreaterThanOrEqual(0.9);
  });
});
