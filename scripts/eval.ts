/**
 * `npm run eval [-- --json]`: measures the matcher honestly and shows the calibration behind its
 * thresholds.
 * - Leave one article out over the seeds: the database is built from four articles and the fifth
 *   article's claims are checked against it. Ground truth is the full five-article database: a held-out
 *   claim should match exactly the other articles' claims in its fact group, and the stance the matcher
 *   computes should equal the stance the full database records between the two claims.
 * - The labelled set in tests/fixtures/labelled/sentences.json (see its README).
 * - A calibration sweep over threshold and Fuse.js weight on both, printing F0.5 (precision weighted
 *   over recall) and flagging if the constants in the code are not the sweep's best.
 * The functions are exported for tests/engine/accuracy.test.ts.
 */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Slot } from '../src/engine/build-candidate-index.ts';
import { buildDatabase } from '../src/engine/build-database.ts';
import { createMatcher } from '../src/engine/create-matcher.ts';
import type { ClaimFinder, MatchTuning } from '../src/engine/find-matching-claims.ts';
import { createClaimFinder, DEFAULT_TUNING } from '../src/engine/find-matching-claims.ts';
import type { Claim, ClaimDatabase, Matcher, SentenceMatch, Stance } from '../src/engine/types.ts';
import { FIXED_BUILT_AT, readArticles } from './seed-articles.ts';

export interface LabelledSentence {
  category: 'paraphrase' | 'altered' | 'unrelated' | 'near-miss' | 'generic';
  text: string;
  match: boolean;
  about?: string;
  notAbout?: string;
  verdict?: SentenceMatch['verdict'];
  conflict?: { kind: string; page: string };
  /** Why the sentence is in the set (free text, not read by the harness). */
  note?: string;
}

const PAIRS_PATH = fileURLToPath(new URL('../tests/fixtures/labelled/same-fact-pairs.json', import.meta.url));

/**
 * Claim pairs from different seed articles that a reader judges to state the same fact although
 * the database's grouping keeps them apart. Each side is a prefix of the claim text. Used for the
 * "reader-judged" leave-one-out figures, printed next to the raw ones.
 */
export interface SameFactPair {
  a: string;
  b: string;
  why: string;
}

export function readSameFactPairs(): SameFactPair[] {
  return JSON.parse(readFileSync(PAIRS_PATH, 'utf8')) as SameFactPair[];
}

function judgedSame(pairs: readonly SameFactPair[], x: string, y: string): boolean {
  return pairs.some(
    (p) => (x.startsWith(p.a) && y.startsWith(p.b)) || (x.startsWith(p.b) && y.startsWith(p.a)),
  );
}

/** One labelled sentence set of tests/fixtures/labelled/. */
function readSentenceSet(file: string): LabelledSentence[] {
  const path = fileURLToPath(new URL(`../tests/fixtures/labelled/${file}`, import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8')) as LabelledSentence[];
}

export function readLabelled(): LabelledSentence[] {
  return readSentenceSet('sentences.json');
}

/** Sentences written after the thresholds were calibrated and never used to tune them. */
export function readHoldout(): LabelledSentence[] {
  return readSentenceSet('holdout.json');
}

/**
 * Sentences added after the demo page showed a topic-word false positive (issue 4, "Precise"):
 * near misses that share subject words but not a claim's checkable core, and paraphrases of
 * Esper's denial. Reported on their own and never swept, so the calibrated figures stay honest.
 */
export function readAddedAfterCalibration(): LabelledSentence[] {
  return readSentenceSet('added-after-calibration.json');
}

/**
 * One batch of follow-up reporting: sentences in the style of later coverage of the same week, each
 * batch written after the last and never swept. `history` says what it found and what changed
 * because of it, since a sentence that led to a change no longer tests that change unseen (the
 * sentences' own notes say which).
 */
export interface FollowUpBatch {
  file: string;
  history: string;
  sentences: LabelledSentence[];
}

const FOLLOW_UP_BATCHES: ReadonlyArray<Omit<FollowUpBatch, 'sentences'>> = [
  {
    // Counts that share "US troops" and "Iraq" with the seeds' troop figures but count something
    // else, and three restatements. The 80-soldiers sentence was found here and PAGE_CORE_MISSED
    // written for it; the base and casualty counts led to QUANTITY_SCOPE.
    file: 'follow-up.json',
    history: 'written after the core-rescue sweep; led to PAGE_CORE_MISSED and QUANTITY_SCOPE',
  },
  {
    // Casualties, one base's troops, counts in words, six restatements; its figures without
    // QUANTITY_SCOPE were taken before the rule was built.
    file: 'follow-up-2.json',
    history: 'written before QUANTITY_SCOPE',
  },
  {
    // Other countries' troops, the funeral, sanctions, NATO, oil. Germany's 120 soldiers led to
    // reading whose a count is (extract-quantities.ts).
    file: 'follow-up-3.json',
    history: 'written after QUANTITY_SCOPE, one false match since fixed',
  },
  {
    // Altered days, branch and polarity, Esper and Milley restated, near misses. "pull its troops
    // out" led to the phrasal leave (extract-assertions.ts), the UK's request to the Islamic
    // State/ISIS, urge/ask and let/allow equivalences (build-candidate-index.ts).
    file: 'follow-up-4.json',
    history: 'a polarity miss and a wrong fact since fixed',
  },
  {
    // Headlines, quotations, resolutions, a changed figure and a changed title, near misses about
    // war powers and the airliner. "…, mostly in an advisory role" led to the trailing qualifiers
    // of split-clauses.ts.
    file: 'follow-up-5.json',
    history: 'a missed count since fixed',
  },
  {
    // The Pentagon's and Esper's denials, Seely's command, the vote's tally, Trump's airbase, the
    // funeral; near misses about war, seats, rockets, Seely's retirement. Nothing changed for it.
    file: 'follow-up-6.json',
    history: 'run once, nothing changed since',
  },
  {
    // The Iranian MP's White House threat, Johnson, the embassies, the $2 trillion, the militia
    // leader, Abdul Mahdi, the helicopters, a changed count of targets; near misses. "$2 trillion"
    // led to reading digits before a multiplier as the whole number (build-candidate-index.ts).
    file: 'follow-up-7.json',
    history: 'a missed figure since fixed',
  },
];

/** The follow-up batches of tests/fixtures/labelled/, oldest first. */
export function readFollowUpBatches(): FollowUpBatch[] {
  return FOLLOW_UP_BATCHES.map((batch) => ({ ...batch, sentences: readSentenceSet(batch.file) }));
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export const precisionOf = (c: Counts) => (c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp));
export const recallOf = (c: Counts) => (c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn));
/** F-beta with beta 0.5: precision counts twice as much as recall (a false alarm costs more than a miss). */
export const f05Of = (c: Counts) => {
  const p = precisionOf(c);
  const r = recallOf(c);
  return p + r === 0 ? 0 : (1.25 * p * r) / (0.25 * p + r);
};

const claimKey = (c: Pick<Claim, 'articleId' | 'start'>) => `${c.articleId}@${c.start}`;

// ---- labelled set -------------------------------------------------------------------------------

export interface LabelledResult {
  counts: Counts;
  byCategory: Record<string, Counts>;
  /** Matched sources that belong to the labelled fact, over all matched sources of correct sentences. */
  sourcePrecision: number;
  verdict: { correct: number; total: number };
  conflictDetail: { found: number; total: number };
  failures: string[];
}

/** Whether the sources returned for a labelled sentence are the right fact. */
function isRightFact(entry: LabelledSentence, texts: readonly string[]): boolean {
  if (!entry.about) return false;
  const about = new RegExp(entry.about, 'i');
  const notAbout = entry.notAbout ? new RegExp(entry.notAbout, 'i') : null;
  return texts.some((t) => about.test(t)) && !texts.some((t) => notAbout?.test(t));
}

function emptyCounts(): Counts {
  return { tp: 0, fp: 0, fn: 0, tn: 0 };
}

function tally(counts: Counts, expected: boolean, predicted: boolean, right: boolean): void {
  if (predicted && expected && right) counts.tp++;
  else if (predicted) counts.fp++;
  else if (expected) counts.fn++;
  else counts.tn++;
}

const normalizeValue = (v: string) => v.toLowerCase().replace(/,/g, '');

export function evaluateLabelled(matcher: Matcher, labelled: readonly LabelledSentence[]): LabelledResult {
  const results = new Map(matcher.match(labelled.map((e) => e.text)).map((m) => [m.index, m]));
  const counts = emptyCounts();
  const byCategory: Record<string, Counts> = {};
  let sourcesRight = 0;
  let sourcesAll = 0;
  const verdict = { correct: 0, total: 0 };
  const conflictDetail = { found: 0, total: 0 };
  const failures: string[] = [];
  labelled.forEach((entry, i) => {
    const m = results.get(i);
    const texts = m?.sources.map((s) => s.claim) ?? [];
    const right = isRightFact(entry, texts);
    tally(counts, entry.match, m !== undefined, right);
    byCategory[entry.category] ??= emptyCounts();
    tally(byCategory[entry.category]!, entry.match, m !== undefined, right);
    if (m && !entry.match) failures.push(`false match [${entry.category}] "${entry.text}" -> "${texts[0]}"`);
    else if (m && !right) failures.push(`wrong fact "${entry.text}" -> "${texts[0]}"`);
    else if (!m && entry.match) failures.push(`missed "${entry.text}"`);
    if (m && right && entry.about) {
      const about = new RegExp(entry.about, 'i');
      const goodFacts = new Set(m.sources.filter((s) => about.test(s.claim)).map((s) => s.factId));
      sourcesAll += m.sources.length;
      sourcesRight += m.sources.filter((s) => goodFacts.has(s.factId)).length;
    }
    if (entry.verdict && m && right) {
      verdict.total++;
      if (m.verdict === entry.verdict) verdict.correct++;
      else failures.push(`verdict ${m.verdict} != ${entry.verdict}: "${entry.text}"`);
    }
    if (entry.conflict && m && right) {
      conflictDetail.total++;
      const want = entry.conflict;
      const found = m.sources.some(
        (s) =>
          s.stance === 'conflicts' &&
          s.details.some(
            (d) => d.kind === want.kind && normalizeValue(d.page).includes(normalizeValue(want.page)),
          ),
      );
      if (found) conflictDetail.found++;
      else
        failures.push(
          `no ${want.kind} conflict "${want.page}" for "${entry.text}" (got ${JSON.stringify(
            m.sources.map((s) => [s.stance, s.details.map((d) => `${d.kind}:${d.page}/${d.source}`)]),
          )})`,
        );
    }
  });
  return {
    counts,
    byCategory,
    sourcePrecision: sourcesAll === 0 ? 1 : sourcesRight / sourcesAll,
    verdict,
    conflictDetail,
    failures,
  };
}

// ---- leave one article out ----------------------------------------------------------------------

export interface LooFold {
  heldOut: string;
  db: ClaimDatabase;
  /** The held-out article's claims, with the keys of the claims they should match. */
  cases: { claim: Claim; expected: Set<string>; stances: Map<string, Stance> }[];
}

/** Builds the five folds: for each article, a database of the other four and the held-out claims. */
export function buildLooFolds(): { full: ClaimDatabase; folds: LooFold[] } {
  const articles = readArticles();
  const full = buildDatabase(articles, { builtAt: FIXED_BUILT_AT });
  const byId = new Map(full.claims.map((c) => [c.id, c]));
  const folds = articles.map((held) => {
    const db = buildDatabase(
      articles.filter((a) => a.id !== held.id),
      { builtAt: FIXED_BUILT_AT },
    );
    const cases = full.claims
      .filter((c) => c.articleId === held.id)
      .map((claim) => {
        const fact = full.facts.find((f) => f.claimIds.includes(claim.id));
        const expected = new Set<string>();
        const stances = new Map<string, Stance>();
        for (const id of fact?.claimIds ?? []) {
          const other = byId.get(id);
          if (!other || other.articleId === held.id) continue;
          expected.add(claimKey(other));
        }
        for (const r of fact?.relations ?? []) {
          const otherId = r.a === claim.id ? r.b : r.b === claim.id ? r.a : null;
          const other = otherId ? byId.get(otherId) : undefined;
          if (other && other.articleId !== held.id) stances.set(claimKey(other), r.stance);
        }
        return { claim, expected, stances };
      });
    return { heldOut: held.id, db, cases };
  });
  return { full, folds };
}

/** A held-out claim should match when its fact has other articles' claims, or a judged pair does. */
function expectsMatch(fold: LooFold, c: LooFold['cases'][number], pairs: readonly SameFactPair[]): boolean {
  return (
    c.expected.size > 0 ||
    (pairs.length > 0 && fold.db.claims.some((o) => judgedSame(pairs, c.claim.text, o.text)))
  );
}

export interface LooResult {
  counts: Counts;
  sources: { predicted: number; right: number; expected: number };
  stance: { correct: number; total: number; confusion: Record<string, number> };
  failures: string[];
}

export function evaluateLoo(
  folds: readonly LooFold[],
  pairs: readonly SameFactPair[] = [],
  tuning: Partial<MatchTuning> = {},
): LooResult {
  const counts = emptyCounts();
  const sources = { predicted: 0, right: 0, expected: 0 };
  const stance = { correct: 0, total: 0, confusion: {} as Record<string, number> };
  const failures: string[] = [];
  for (const fold of folds) {
    const matcher = createMatcher(fold.db, { tuning });
    const results = new Map(matcher.match(fold.cases.map((c) => c.claim.text)).map((m) => [m.index, m]));
    fold.cases.forEach((c, i) => {
      const m = results.get(i);
      const predicted = m?.sources.map((s) => keyOfSource(fold.db, s.claimId)) ?? [];
      const isRight = (p: Claim) => c.expected.has(claimKey(p)) || judgedSame(pairs, c.claim.text, p.text);
      const predictedKeys = predicted.map(claimKey);
      const right = predicted.some(isRight);
      tally(counts, expectsMatch(fold, c, pairs), m !== undefined, right);
      sources.expected += c.expected.size;
      sources.predicted += predictedKeys.length;
      sources.right += predicted.filter(isRight).length;
      if (m && !right)
        failures.push(`[${fold.heldOut}] false match "${c.claim.text}" -> "${m.sources[0]?.claim}"`);
      if (!m && expectsMatch(fold, c, pairs)) failures.push(`[${fold.heldOut}] missed "${c.claim.text}"`);
      for (const s of m?.sources ?? []) {
        const want = c.stances.get(claimKey(keyOfSource(fold.db, s.claimId)));
        if (!want) continue;
        stance.total++;
        const cell = `${want}->${s.stance}`;
        stance.confusion[cell] = (stance.confusion[cell] ?? 0) + 1;
        if (want === s.stance) stance.correct++;
      }
    });
  }
  return { counts, sources, stance, failures };
}

const claimIndexCache = new WeakMap<ClaimDatabase, Map<string, Claim>>();
function keyOfSource(db: ClaimDatabase, claimId: string): Claim {
  let map = claimIndexCache.get(db);
  if (!map) {
    map = new Map(db.claims.map((c) => [c.id, c]));
    claimIndexCache.set(db, map);
  }
  return map.get(claimId)!;
}

// ---- calibration sweep --------------------------------------------------------------------------

export interface SweepRow {
  threshold: number;
  greyZoneFloor: number;
  fuseRescue: number;
  labelled: Counts;
  loo: Counts;
  f05: number;
}

/** Sentence-level match counts for one tuning, without stance (fast enough to sweep). */
function countMatches(
  finder: ClaimFinder,
  labelled: readonly LabelledSentence[],
  looFinders: { finder: ClaimFinder; fold: LooFold }[],
  pairs: readonly SameFactPair[],
  tuning: Partial<MatchTuning>,
): { labelled: Counts; loo: Counts } {
  const lab = emptyCounts();
  for (const entry of labelled) {
    const hits = finder.find(entry.text, tuning);
    tally(
      lab,
      entry.match,
      hits.length > 0,
      isRightFact(
        entry,
        hits.map((h) => h.claim.text),
      ),
    );
  }
  const loo = emptyCounts();
  for (const { finder: f, fold } of looFinders) {
    for (const c of fold.cases) {
      const hits = f.find(c.claim.text, tuning);
      tally(
        loo,
        expectsMatch(fold, c, pairs),
        hits.length > 0,
        hits.some((h) => c.expected.has(claimKey(h.claim)) || judgedSame(pairs, c.claim.text, h.claim.text)),
      );
    }
  }
  return { labelled: lab, loo };
}

export const SWEEP = {
  threshold: [0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75],
  /** 1 means "no grey zone": Fuse.js never consulted, alignment alone decides. */
  greyZoneFloor: [0.3, 0.35, 0.4, 0.45, 0.5, 1],
  fuseRescue: [0.1, 0.125, 0.15, 0.175, 0.2, 0.225],
};

export function sweep(
  full: ClaimDatabase,
  labelled: readonly LabelledSentence[],
  folds: readonly LooFold[],
  pairs: readonly SameFactPair[],
): SweepRow[] {
  const finder = createClaimFinder(full);
  const looFinders = folds.map((fold) => ({ finder: createClaimFinder(fold.db), fold }));
  const rows: SweepRow[] = [];
  for (const threshold of SWEEP.threshold) {
    for (const greyZoneFloor of SWEEP.greyZoneFloor) {
      if (greyZoneFloor > threshold && greyZoneFloor !== 1) continue;
      for (const fuseRescue of greyZoneFloor === 1 ? [1] : SWEEP.fuseRescue) {
        const tuning: Partial<MatchTuning> = { threshold, greyZoneFloor, fuseRescue };
        const { labelled: lab, loo } = countMatches(finder, labelled, looFinders, pairs, tuning);
        const pooled = { tp: lab.tp + loo.tp, fp: lab.fp + loo.fp, fn: lab.fn + loo.fn, tn: lab.tn + loo.tn };
        rows.push({ threshold, greyZoneFloor, fuseRescue, labelled: lab, loo, f05: f05Of(pooled) });
      }
    }
  }
  return rows;
}

/**
 * F0.5 differences below this are ties. On the pooled counts (about 290 sentences) one sentence
 * changes F0.5 by 0.0014 (one more true match) to 0.005 (one more false match), so a smaller
 * difference is a different mix of the same few sentences, not a better tuning.
 */
export const F05_TIE_MARGIN = 0.001;

/**
 * The sweep's best row by F0.5. Exact ties go to the row that consults Fuse.js least (higher
 * floor), then to the higher threshold and rescue bar.
 */
export function pickSweepBest(rows: readonly SweepRow[]): SweepRow {
  return [...rows].sort(
    (a, b) =>
      b.f05 - a.f05 ||
      b.greyZoneFloor - a.greyZoneFloor ||
      b.threshold - a.threshold ||
      b.fuseRescue - a.fuseRescue,
  )[0]!;
}

/** Whether `row` ties the sweep's best within F05_TIE_MARGIN. */
export function tiesSweepBest(row: SweepRow, rows: readonly SweepRow[]): boolean {
  return row.f05 >= pickSweepBest(rows).f05 - F05_TIE_MARGIN;
}

// ---- report ------------------------------------------------------------------------------------

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const prf = (c: Counts) =>
  `precision ${pct(precisionOf(c))}  recall ${pct(recallOf(c))}  (tp ${c.tp} fp ${c.fp} fn ${c.fn} tn ${c.tn})`;

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const verbose = process.argv.includes('--verbose');
  const labelled = readLabelled();
  const { full, folds } = buildLooFolds();
  const lab = evaluateLabelled(createMatcher(full), labelled);
  const holdout = evaluateLabelled(createMatcher(full), readHoldout());
  const added = evaluateLabelled(createMatcher(full), readAddedAfterCalibration());
  const batches = readFollowUpBatches();
  const followUps = batches.map((batch) => evaluateLabelled(createMatcher(full), batch.sentences));
  const pairs = readSameFactPairs();
  const looRaw = evaluateLoo(folds);
  const loo = evaluateLoo(folds, pairs);
  const rows = sweep(full, labelled, folds, pairs);
  const best = pickSweepBest(rows);
  const current = rows.find(
    (r) =>
      r.threshold === DEFAULT_TUNING.threshold &&
      r.greyZoneFloor === DEFAULT_TUNING.greyZoneFloor &&
      r.fuseRescue === DEFAULT_TUNING.fuseRescue,
  );
  if (json) {
    console.log(
      JSON.stringify(
        {
          labelled: lab,
          holdout,
          added,
          followUps: batches.map((batch, i) => ({ file: batch.file, ...followUps[i]! })),
          looRaw,
          loo,
          sweep: rows,
          best,
          current,
        },
        null,
        2,
      ),
    );
    return;
  }
  console.log(`Labelled set (${labelled.length} sentences, tests/fixtures/labelled/sentences.json)`);
  console.log(`  match: ${prf(lab.counts)}`);
  for (const [category, c] of Object.entries(lab.byCategory))
    console.log(`    ${category.padEnd(11)} ${prf(c)}`);
  console.log(`  sources of correct matches from the right fact: ${pct(lab.sourcePrecision)}`);
  console.log(
    `  verdict accuracy: ${lab.verdict.correct}/${lab.verdict.total} (${pct(lab.verdict.correct / Math.max(1, lab.verdict.total))})`,
  );
  console.log(
    `  expected conflict detail found: ${lab.conflictDetail.found}/${lab.conflictDetail.total} (${pct(
      lab.conflictDetail.found / Math.max(1, lab.conflictDetail.total),
    )})`,
  );
  console.log(
    `\nHeld-out set (${readHoldout().length} sentences written after calibration, never swept; tests/fixtures/labelled/holdout.json)`,
  );
  console.log(`  match: ${prf(holdout.counts)}`);
  console.log(
    `  expected conflict detail found: ${holdout.conflictDetail.found}/${holdout.conflictDetail.total}`,
  );
  console.log(
    `\nAdded after calibration (${readAddedAfterCalibration().length} sentences, never swept; tests/fixtures/labelled/added-after-calibration.json)`,
  );
  console.log(`  match: ${prf(added.counts)}`);
  for (const [category, c] of Object.entries(added.byCategory))
    console.log(`    ${category.padEnd(11)} ${prf(c)}`);
  batches.forEach((batch, i) => {
    const result = followUps[i]!;
    console.log(
      `\nFollow-up reporting, batch ${i + 1} (${batch.sentences.length} sentences, ${batch.history}, never swept; tests/fixtures/labelled/${batch.file})`,
    );
    console.log(`  match: ${prf(result.counts)}`);
    for (const [category, c] of Object.entries(result.byCategory))
      console.log(`    ${category.padEnd(11)} ${prf(c)}`);
    if (result.conflictDetail.total > 0)
      console.log(
        `  expected conflict detail found: ${result.conflictDetail.found}/${result.conflictDetail.total}`,
      );
  });
  const cases = folds.reduce((n, f) => n + f.cases.length, 0);
  console.log(
    `\nLeave one article out (${folds.length} folds, ${cases} held-out claims; truth = full database's fact groups)`,
  );
  console.log(`  match, truth = database grouping only:            ${prf(looRaw.counts)}`);
  console.log(`  match, + ${pairs.length} reader-judged same-fact pairs: ${prf(loo.counts)}`);
  console.log(
    `  sources (reader-judged): precision ${pct(loo.sources.right / Math.max(1, loo.sources.predicted))}  recall ${pct(
      loo.sources.right / Math.max(1, loo.sources.expected),
    )}  (${loo.sources.right} right of ${loo.sources.predicted} predicted, ${loo.sources.expected} expected)`,
  );
  console.log(
    `  stance accuracy vs the database's relations: ${loo.stance.correct}/${loo.stance.total} (${pct(
      loo.stance.correct / Math.max(1, loo.stance.total),
    )})  ${JSON.stringify(loo.stance.confusion)}`,
  );
  console.log(
    '\nCalibration sweep (sentence-level F0.5 pooled over labelled + reader-judged leave-one-out; no stance).',
  );
  console.log(
    '  Rows: alignment threshold / grey-zone floor ("none" = Fuse.js never consulted); columns: Fuse.js rescue similarity.',
  );
  console.log(
    `  ${'threshold floor'.padEnd(18)}${SWEEP.fuseRescue.map((r) => String(r).padEnd(8)).join('')}`,
  );
  for (const threshold of SWEEP.threshold) {
    for (const floor of SWEEP.greyZoneFloor) {
      const cells = rows.filter((r) => r.threshold === threshold && r.greyZoneFloor === floor);
      if (cells.length === 0) continue;
      const label = `${threshold.toFixed(2)} ${floor === 1 ? 'none' : floor.toFixed(2)}`;
      console.log(`  ${label.padEnd(18)}${cells.map((r) => r.f05.toFixed(3).padEnd(8)).join('')}`);
    }
  }
  const describe = (r: SweepRow) =>
    `threshold ${r.threshold} floor ${r.greyZoneFloor === 1 ? 'none' : r.greyZoneFloor} rescue ${r.fuseRescue} F0.5 ${r.f05.toFixed(3)}`;
  console.log(`  best: ${describe(best)}\n    labelled ${prf(best.labelled)}\n    loo      ${prf(best.loo)}`);
  console.log(
    '  Containment (claim read from its own side when contained in a longer sentence), at the code tuning:',
  );
  const looFinders = folds.map((fold) => ({ finder: createClaimFinder(fold.db), fold }));
  const fullFinder = createClaimFinder(full);
  for (const containmentMinShared of [Number.POSITIVE_INFINITY, 4, 3, 2]) {
    const tuning: Partial<MatchTuning> = { weights: { ...DEFAULT_TUNING.weights, containmentMinShared } };
    const { labelled: l, loo: o } = countMatches(fullFinder, labelled, looFinders, pairs, tuning);
    const pooled = { tp: l.tp + o.tp, fp: l.fp + o.fp, fn: l.fn + o.fn, tn: l.tn + o.tn };
    const mark = containmentMinShared === DEFAULT_TUNING.weights.containmentMinShared ? '  <- in code' : '';
    console.log(
      `    min shared ${String(containmentMinShared).padEnd(8)} F0.5 ${f05Of(pooled).toFixed(3)}  loo ${prf(o)}${mark}`,
    );
  }
  console.log(
    '  Core missed (claim has a number/day/month/branch the sentence lacks) threshold, at the code tuning;',
  );
  console.log('  chosen on F0.5 of labelled + loo; holdout and added-after-calibration shown, not swept on:');
  const addedSet = readAddedAfterCalibration();
  const holdoutSet = readHoldout();
  const coreSlotChoices: [string, ReadonlySet<Slot>][] = [
    ['number', new Set<Slot>(['number'])],
    ['all', new Set<Slot>(['number', 'weekday', 'month', 'branch'])],
  ];
  for (const [slotsName, coreSlots] of coreSlotChoices)
    for (const coreMissedThreshold of [0, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8]) {
      if (slotsName !== 'number' && coreMissedThreshold === 0) continue;
      const tuning: Partial<MatchTuning> = {
        coreMissedThreshold,
        weights: { ...DEFAULT_TUNING.weights, coreSlots },
      };
      const { labelled: l, loo: o } = countMatches(fullFinder, labelled, looFinders, pairs, tuning);
      const { labelled: h } = countMatches(fullFinder, holdoutSet, [], pairs, tuning);
      const { labelled: a } = countMatches(fullFinder, addedSet, [], pairs, tuning);
      const pooled = { tp: l.tp + o.tp, fp: l.fp + o.fp, fn: l.fn + o.fn, tn: l.tn + o.tn };
      const inCode =
        coreMissedThreshold === DEFAULT_TUNING.coreMissedThreshold &&
        [...coreSlots].join() === [...DEFAULT_TUNING.weights.coreSlots].join();
      const mark = inCode ? '  <- in code' : '';
      console.log(
        `    slots ${slotsName.padEnd(6)} core ${coreMissedThreshold.toFixed(2)} F0.5 ${f05Of(pooled).toFixed(3)}  labelled ${prf(l)}  loo ${prf(o)}  holdout ${prf(h)}  added ${prf(a)}${mark}`,
      );
    }
  const followUpSet = batches.flatMap((batch) => batch.sentences);
  /**
   * One row per value of a single tuning field, at the code tuning otherwise, on every set (the
   * follow-up batches pooled).
   */
  const sweepField = <K extends keyof MatchTuning>(field: K, values: MatchTuning[K][], label: string) => {
    for (const value of values) {
      const tuning: Partial<MatchTuning> = { [field]: value };
      const { labelled: l, loo: o } = countMatches(fullFinder, labelled, looFinders, pairs, tuning);
      const h = countMatches(fullFinder, holdoutSet, [], pairs, tuning).labelled;
      const a = countMatches(fullFinder, addedSet, [], pairs, tuning).labelled;
      const f = countMatches(fullFinder, followUpSet, [], pairs, tuning).labelled;
      const pooled = { tp: l.tp + o.tp, fp: l.fp + o.fp, fn: l.fn + o.fn, tn: l.tn + o.tn };
      const mark = value === DEFAULT_TUNING[field] ? '  <- in code' : '';
      const name =
        value === Number.POSITIVE_INFINITY || value === 0 || value === false
          ? 'off'
          : value === true
            ? 'on'
            : String(value);
      console.log(
        `    ${label} ${name.padEnd(4)} F0.5 ${f05Of(pooled).toFixed(3)}  labelled ${prf(l)}  loo ${prf(o)}  holdout ${prf(h)}  added ${prf(a)}  follow-up ${prf(f)}${mark}`,
      );
    }
  };
  console.log(
    '  Clauses (a sentence that matches nothing whole is tried clause by clause; min content terms per clause), at the code tuning:',
  );
  sweepField('clauseMinTerms', [Number.POSITIVE_INFINITY, 2, 3, 4, 5, 6], 'min terms');
  console.log(
    "  Fact terms (terms a match shares beyond the claim's names; name-only captions are in the added set), at the code tuning:",
  );
  sweepField('minFactTerms', [0, 1, 2, 3], 'fact terms');
  console.log('  Grey-zone candidates Fuse.js scores per sentence or clause, at the code tuning:');
  sweepField('maxFuseCandidates', [1, 2, 3, 4, 6, 12], 'fuse max');
  console.log(
    '  Core rescue (a grey-zone candidate whose number the sentence restates matches without Fuse.js at this page coverage), at the code tuning:',
  );
  sweepField(
    'coreRescueCoverage',
    [Number.POSITIVE_INFINITY, 0.4, 0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.9],
    'coverage',
  );
  console.log(
    '  Page core missed (a sentence stating a number the claim lacks needs the core-missed bar), at the code tuning:',
  );
  sweepField('pageCoreMissed', [false, true], 'page core');
  console.log(
    '  Quantity scope (a sentence counting other things than the claim, such as casualties or one base, needs the core-missed bar), at the code tuning:',
  );
  sweepField('quantityScope', [false, true], 'scope');
  console.log('  Candidate share (index gate) and top K, at the code tuning:');
  for (const [candidateMinShare, topK] of [
    [0.1, 12],
    [0.15, 12],
    [0.2, 12],
    [0.25, 12],
    [0.3, 12],
    [0.35, 12],
    [0.4, 12],
    [0.45, 12],
    [0.5, 12],
    [0.2, 6],
    [0.2, 8],
    [0.2, 16],
  ] as const) {
    const tuning: Partial<MatchTuning> = { candidateMinShare, topK };
    const { labelled: l, loo: o } = countMatches(fullFinder, labelled, looFinders, pairs, tuning);
    const pooled = { tp: l.tp + o.tp, fp: l.fp + o.fp, fn: l.fn + o.fn, tn: l.tn + o.tn };
    const mark =
      candidateMinShare === DEFAULT_TUNING.candidateMinShare && topK === DEFAULT_TUNING.topK
        ? '  <- in code'
        : '';
    console.log(
      `    share ${candidateMinShare.toFixed(2)} top ${String(topK).padEnd(3)} F0.5 ${f05Of(pooled).toFixed(3)}  labelled ${prf(l)}  loo ${prf(o)}${mark}`,
    );
  }
  console.log(
    "  Other-fact share (a match outside the best match's fact needs this share of its score), on the sources listed:",
  );
  for (const otherFactShare of [0, 0.4, 0.5, 0.55, 0.6, 0.7, 0.75, 0.8]) {
    const tuning: Partial<MatchTuning> = { otherFactShare };
    const o = evaluateLoo(folds, pairs, tuning);
    const l = evaluateLabelled(createMatcher(full, { tuning }), labelled);
    const mark = otherFactShare === DEFAULT_TUNING.otherFactShare ? '  <- in code' : '';
    console.log(
      `    share ${(otherFactShare === 0 ? 'off' : otherFactShare.toFixed(2)).padEnd(4)}  loo sources precision ${pct(
        o.sources.right / Math.max(1, o.sources.predicted),
      )}  recall ${pct(o.sources.right / Math.max(1, o.sources.expected))} (${o.sources.right} of ${o.sources.predicted})  labelled right fact ${pct(
        l.sourcePrecision,
      )}  verdicts ${l.verdict.correct}/${l.verdict.total}  loo ${prf(o.counts)}${mark}`,
    );
  }
  const noFuse = [...rows].filter((r) => r.greyZoneFloor === 1).sort((a, b) => b.f05 - a.f05)[0];
  if (noFuse) console.log(`  best without Fuse.js: ${describe(noFuse)}`);
  if (current) {
    console.log(
      `  in code: ${describe(current)}${
        current === best
          ? '  (= sweep best)'
          : tiesSweepBest(current, rows)
            ? `  (ties the sweep best: within ${F05_TIE_MARGIN} F0.5, less than one sentence can change)`
            : '  <- NOT the sweep best: recalibrate'
      }`,
    );
  }
  if (verbose) {
    console.log('\nLabelled failures:');
    for (const f of lab.failures) console.log(`  ${f}`);
    console.log('\nHeld-out failures:');
    for (const f of holdout.failures) console.log(`  ${f}`);
    console.log('\nAdded-after-calibration failures:');
    for (const f of added.failures) console.log(`  ${f}`);
    console.log('\nFollow-up reporting failures:');
    for (const result of followUps) for (const f of result.failures) console.log(`  ${f}`);
    console.log('\nLeave-one-out failures:');
    for (const f of loo.failures) console.log(`  ${f}`);
    console.log('\nLeave-one-out false matches that only the database grouping counts as wrong:');
    for (const f of looRaw.failures) if (!loo.failures.includes(f)) console.log(`  ${f}`);
  } else {
    console.log(
      `\n${lab.failures.length + holdout.failures.length + added.failures.length + followUps.reduce((n, r) => n + r.failures.length, 0) + loo.failures.length} individual failures: run with --verbose to list them.`,
    );
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
