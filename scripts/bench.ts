/**
 * `npm run bench [-- --json]`: how fast the matcher checks a ~3,000-word article against the seed
 * database and against generated databases of 10,000 and 100,000 claims, next to the naive peer
 * baseline (Fuse.js over every claim, stopped after a time bound and extrapolated), and how fast it
 * checks real related prose (each seed article against the other four). Each scenario
 * runs in its own child process so its peak memory (max RSS) is its own. The matcher's figure is the
 * median after warm-up (`warmUp`: steady state, as in a service worker that checks page after
 * page); the first, cold run (JIT compiling, caches empty) is reported beside it. Figures are measured on
 * this machine at run time; nothing here is a constant result. Missed timing targets are printed;
 * with `--enforce-targets` they also make the exit code non-zero.
 */

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import Fuse from 'fuse.js';
import { createClaimEngine } from '../src/background/claim-engine.ts';
import { buildDatabase } from '../src/engine/build-database.ts';
import { createMatcher } from '../src/engine/create-matcher.ts';
import { extractFeatures } from '../src/engine/extract-features.ts';
import type { Claim, ClaimDatabase, Fact, Matcher, SourceArticle } from '../src/engine/types.ts';
import { runDbBenchmark } from './bench-db.ts';
import { createRandom } from './create-random.ts';
import { FIXED_BUILT_AT, holdOutEach, readArticles } from './seed-articles.ts';

/** Targets from issue 4, on the 2-core reference machine. */
export const TARGETS = { seedsMs: 5, claims100kMs: 100, build100kMs: 3000 };
/** The naive baseline stops after this long per scenario and extrapolates from what it did. */
const NAIVE_TIME_BOUND_MS = 20_000;
const ARTICLE_WORDS = 3000;
/**
 * Warm-up before the timed runs: at least MIN_WARMUP_RUNS untimed runs after the cold one, then
 * more until V8's background compiler has gone quiet, that is until the process's CPU time (every
 * thread) over the last WARMUP_WINDOW runs is within WARMUP_CPU_RATIO of their wall time; at most
 * MAX_WARMUP_MS. Measured on the related article against the seeds (windows of 25 runs, four
 * processes): CPU time ran 15 to 60 % above wall time until run 75 to 100 while optimised code was
 * still being compiled, and per-run wall time fell from 7 to 10 ms to about 6.5 ms once it had
 * stopped; in steady state the two stay within 10 %. A fixed 20 runs timed that transition; a
 * window of ten runs was once fooled by a quiet spell at run 37 (the timed runs then took 10.2 ms of
 * CPU in 7.2 ms), twenty have not been in the runs since.
 */
export const MIN_WARMUP_RUNS = 20;
const WARMUP_WINDOW = 20;
const WARMUP_CPU_RATIO = 1.1;
const MAX_WARMUP_MS = 10_000;
/** Rounds the real articles' timed runs are spread over (benchRealArticles). */
const REAL_ROUNDS = 5;

/** Wall and CPU clocks, in ms; `warmUp` takes others in its tests. */
export interface BenchClock {
  wallMs(): number;
  cpuMs(): number;
}
const REAL_CLOCK: BenchClock = { wallMs: () => performance.now(), cpuMs };

/** Runs `run` until it is warm (see MIN_WARMUP_RUNS) and returns how many runs that took. */
export function warmUp(
  run: () => void,
  minRuns = MIN_WARMUP_RUNS,
  maxMs = MAX_WARMUP_MS,
  clock: BenchClock = REAL_CLOCK,
): number {
  const started = clock.wallMs();
  const wall: number[] = [];
  const cpu: number[] = [];
  const sumOfLastWindow = (xs: number[]) => xs.slice(-WARMUP_WINDOW).reduce((a, b) => a + b, 0);
  for (;;) {
    const t = clock.wallMs();
    const c = clock.cpuMs();
    run();
    wall.push(clock.wallMs() - t);
    cpu.push(clock.cpuMs() - c);
    if (wall.length < Math.max(minRuns, WARMUP_WINDOW)) continue;
    if (sumOfLastWindow(cpu) <= sumOfLastWindow(wall) * WARMUP_CPU_RATIO) return wall.length;
    if (clock.wallMs() - started > maxMs) return wall.length;
  }
}

const LABELLED = fileURLToPath(new URL('../tests/fixtures/labelled/sentences.json', import.meta.url));

export type BenchArticle = 'related' | 'unrelated';

/**
 * The benchmark articles, ~3,000 words each, made of the labelled sentences cycled:
 * - related: all of them (paraphrases and altered details of the seed facts, unrelated news, near
 *   misses), so about 60 % of its sentences match: the worst case, since every matched sentence
 *   pays for feature extraction and a stance per source;
 * - unrelated: only the unrelated, near-miss and generic sentences, so nothing should match: the
 *   cost of a page the database knows nothing about.
 */
export function buildBenchArticle(kind: BenchArticle = 'related'): string[] {
  const entries = JSON.parse(readFileSync(LABELLED, 'utf8')) as { text: string; match: boolean }[];
  const labelled = entries.filter((e) => kind === 'related' || !e.match).map((e) => e.text);
  const out: string[] = [];
  let words = 0;
  for (let i = 0; words < ARTICLE_WORDS; i++) {
    const sentence = labelled[i % labelled.length]!;
    out.push(sentence);
    words += sentence.split(/\s+/).length;
  }
  return out;
}

const SYLLABLES =
  'ba be bi bo ka ke ki ko la le li lo ma me mi mo na ne ni no ra re ri ro sa se si so ta te ti to va ve vi vo za ze zi zo dan del mar ter vin sol'.split(
    ' ',
  );
const FILLER =
  'the a of to in on and said that was for with by as at from has have will its their after over'.split(' ');

/**
 * A database of `count` generated claims plus the seed claims. Words mix the seeds' own
 * vocabulary (so "troops", "Iraq", "decision" have long postings, as in a real news database)
 * with a Zipf-distributed vocabulary of 50,000 generated words; claims come in facts of 1–4.
 */
export function generateDatabase(seedDb: ClaimDatabase, count: number, seed = 42): ClaimDatabase {
  const random = createRandom(seed);
  const newsWords = seedDb.claims.flatMap((c) => c.text.split(/\s+/)).filter((w) => /^[A-Za-z]{3,}$/.test(w));
  const vocabulary = Array.from({ length: 50_000 }, (_, i) => {
    let word = '';
    for (let n = 2 + (i % 3); n > 0; n--) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)]!;
    return word;
  });
  const zipf = () =>
    vocabulary[
      Math.min(vocabulary.length - 1, Math.floor(Math.exp(random() * Math.log(vocabulary.length))))
    ]!;
  const articles: SourceArticle[] = [...seedDb.articles];
  const claims: Claim[] = [...seedDb.claims];
  const facts: Fact[] = [...seedDb.facts];
  const perArticle = 40;
  let fact: Fact | null = null;
  for (let i = 0; i < count; i++) {
    if (i % perArticle === 0) {
      articles.push({
        id: `gen-${i / perArticle}`,
        outlet: `outlet-${(i / perArticle) % 200}.example`,
        title: null,
        published: null,
        url: null,
        language: 'en',
        body: '',
      });
    }
    const length = 12 + Math.floor(random() * 18);
    const words: string[] = [];
    for (let w = 0; w < length; w++) {
      const r = random();
      if (r < 0.35) words.push(FILLER[Math.floor(random() * FILLER.length)]!);
      else if (r < 0.6) words.push(newsWords[Math.floor(random() * newsWords.length)]!);
      else if (r < 0.65) words.push(String(Math.floor(random() * 10_000)));
      else words.push(zipf());
    }
    const text = `${words.join(' ')}.`;
    const id = `gen-c${i}`;
    claims.push({
      id,
      articleId: `gen-${Math.floor(i / perArticle)}`,
      text,
      start: 0,
      end: text.length,
      speaker: null,
      features: extractFeatures(text),
    });
    if (!fact || random() < 0.4) {
      fact = { id: `gen-f${i}`, claimIds: [], relations: [] };
      facts.push(fact);
    }
    fact.claimIds.push(id);
  }
  return { ...seedDb, articles, claims, facts };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface ScenarioResult {
  scenario: string;
  method: 'crosscheck' | 'naive-fuse';
  article: BenchArticle;
  claims: number;
  sentences: number;
  words: number;
  /** Median wall time to match the whole article after warm-up, ms. Naive baseline: see `extrapolated`. */
  msPerArticle: number;
  /**
   * Median CPU time (user + system) of the same runs, ms: less sensitive than wall time to other
   * processes competing for the machine's two cores. For the naive baseline, like msPerArticle.
   */
  cpuMsPerArticle: number;
  runs: number;
  /** Untimed runs before the timed ones (`warmUp`); 0 for the naive baseline. */
  warmupRuns: number;
  /** True when the baseline hit its time bound and the per-article figure is extrapolated. */
  extrapolated: boolean;
  /** Wall and CPU ms of the first run (cold: nothing compiled yet); equal to the above for the naive baseline. */
  coldMsPerArticle: number;
  coldCpuMsPerArticle: number;
  /** Time to build the matcher (candidate index) or the Fuse index, ms. */
  indexBuildMs: number;
  /** CPU time of the same build, ms. */
  indexBuildCpuMs: number;
  /** Sentences that matched at least one claim. */
  matched: number;
  /** Peak resident set size of the scenario's process, MB. */
  peakRssMb: number;
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Wall and CPU ms of each timed match of an article, and how many of its sentences matched. */
interface MatchTimes {
  wall: number[];
  cpu: number[];
  matched: number;
}

function recordMatches(matcher: Matcher, sentences: readonly string[], runs: number, into: MatchTimes): void {
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    const c = cpuMs();
    into.matched = matcher.match(sentences).length;
    into.wall.push(performance.now() - t);
    into.cpu.push(cpuMs() - c);
  }
}

/** Median wall and CPU ms of `runs` timed matches of `sentences` (call after warming up), and how many matched. */
function timeMatches(
  matcher: Matcher,
  sentences: readonly string[],
  runs: number,
): { ms: number; cpuMs: number; matched: number } {
  const times: MatchTimes = { wall: [], cpu: [], matched: 0 };
  recordMatches(matcher, sentences, runs, times);
  return { ms: median(times.wall), cpuMs: median(times.cpu), matched: times.matched };
}

function runScenario(name: string): ScenarioResult {
  const seedDb = buildDatabase(readArticles(), { builtAt: FIXED_BUILT_AT });
  const [size, method, kind] = name.split(':') as [string, 'crosscheck' | 'naive-fuse', BenchArticle];
  const db = size === 'seeds' ? seedDb : generateDatabase(seedDb, Number(size));
  const article = buildBenchArticle(kind);
  const words = article.join(' ').split(/\s+/).length;
  const base = {
    scenario: size,
    method,
    article: kind,
    claims: db.claims.length,
    sentences: article.length,
    words,
  };
  if (method === 'crosscheck') {
    const t0 = performance.now();
    const c0 = cpuMs();
    const matcher = createMatcher(db);
    const indexBuildMs = performance.now() - t0;
    const indexBuildCpuMs = cpuMs() - c0;
    const coldStart = performance.now();
    const coldCpuStart = cpuMs();
    let matched = matcher.match(article).length;
    const coldMsPerArticle = performance.now() - coldStart;
    const coldCpuMsPerArticle = cpuMs() - coldCpuStart;
    const warmupRuns = warmUp(() => matcher.match(article));
    const runs = size === 'seeds' ? 31 : 11;
    const timed = timeMatches(matcher, article, runs);
    matched = timed.matched;
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    return {
      ...base,
      msPerArticle: timed.ms,
      cpuMsPerArticle: timed.cpuMs,
      coldMsPerArticle,
      coldCpuMsPerArticle,
      runs,
      warmupRuns,
      extrapolated: false,
      indexBuildMs,
      indexBuildCpuMs,
      matched,
      peakRssMb,
    };
  }
  const t0 = performance.now();
  const c0 = cpuMs();
  const fuse = new Fuse(
    db.claims.map((c) => c.text),
    { includeScore: true, ignoreLocation: true, threshold: 0.6 },
  );
  const indexBuildMs = performance.now() - t0;
  const indexBuildCpuMs = cpuMs() - c0;
  const started = performance.now();
  const cpuStarted = cpuMs();
  let done = 0;
  let matched = 0;
  for (const sentence of article) {
    if (fuse.search(sentence, { limit: 5 }).some((r) => (r.score ?? 1) < 0.4)) matched++;
    done++;
    if (performance.now() - started > NAIVE_TIME_BOUND_MS) break;
  }
  const elapsed = performance.now() - started;
  const cpuElapsed = cpuMs() - cpuStarted;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  return {
    ...base,
    msPerArticle: (elapsed / done) * article.length,
    cpuMsPerArticle: (cpuElapsed / done) * article.length,
    coldMsPerArticle: (elapsed / done) * article.length,
    coldCpuMsPerArticle: (cpuElapsed / done) * article.length,
    runs: done === article.length ? 1 : 0,
    warmupRuns: 0,
    extrapolated: done < article.length,
    indexBuildMs,
    indexBuildCpuMs,
    matched,
    peakRssMb,
  };
}

export interface RealArticleResult {
  articleId: string;
  outlet: string | null;
  sentences: number;
  words: number;
  matched: number;
  /** Median wall and CPU ms to match the article against the other four seed articles' database. */
  msPerArticle: number;
  cpuMsPerArticle: number;
  /** msPerArticle scaled linearly to the 3,000 words of the synthetic articles (an extrapolation). */
  msPer3000Words: number;
  /** Untimed runs before the timed ones (`warmUp`). */
  warmupRuns: number;
}

/**
 * Real news prose about the event: each seed article checked against a database built from the
 * other four (as in the leave-one-out evaluation). This is what the extension meets on a related
 * page, unlike the synthetic articles: long sentences, and more of them land in the grey zone where
 * Fuse.js's similarity decides. The seed articles are 400 to 1,050 words, so each one's figure per
 * 3,000 words is scaled; `summarizeRealProse` adds them up into one measured body of prose.
 */
export function benchRealArticles(
  runs = 105,
  minWarmupRuns = MIN_WARMUP_RUNS * 5,
  maxWarmupMs = MAX_WARMUP_MS,
): RealArticleResult[] {
  const jobs = holdOutEach(readArticles()).map(({ article, matcher, sentences }) => {
    // Seed articles are a seventh to a third of the synthetic article, so the default gives them
    // more warm-up runs for the same steady state.
    const warmupRuns = warmUp(() => matcher.match(sentences), minWarmupRuns, maxWarmupMs);
    const times: MatchTimes = { wall: [], cpu: [], matched: 0 };
    return { article, matcher, sentences, warmupRuns, times };
  });
  // Timed in rounds, a share of each article's runs per round: a slow spell of the machine (here
  // they last from a tenth of a second to seconds) then lands on a few runs of every article, which
  // the median drops, rather than on every run of one article a millisecond long.
  const perRound = Math.ceil(runs / REAL_ROUNDS);
  for (let done = 0; done < runs; done += perRound)
    for (const job of jobs)
      recordMatches(job.matcher, job.sentences, Math.min(perRound, runs - done), job.times);
  return jobs.map(({ article, sentences, warmupRuns, times }) => {
    const words = article.body.split(/\s+/).filter(Boolean).length;
    const msPerArticle = median(times.wall);
    return {
      articleId: article.id,
      outlet: article.outlet,
      sentences: sentences.length,
      words,
      matched: times.matched,
      msPerArticle,
      cpuMsPerArticle: median(times.cpu),
      msPer3000Words: (msPerArticle / words) * ARTICLE_WORDS,
      warmupRuns,
    };
  });
}

/** The seed articles taken together: real related prose about as long as the benchmark article. */
export interface RealProseSummary {
  articles: number;
  words: number;
  sentences: number;
  matched: number;
  /** Sum of the articles' median ms: the whole body checked, each article against the other four. */
  ms: number;
  /** Sum of the articles' median CPU ms. */
  cpuMs: number;
  /** `ms` per 3,000 words of that body (the seeds total 2,956 words, so this barely scales). */
  msPer3000Words: number;
  /** The article with the most ms per word, and its figure scaled alone to 3,000 words. */
  densest: { articleId: string; words: number; matched: number; sentences: number; msPer3000Words: number };
}

/**
 * Adds the seed articles up into one body of real prose. A single article's scaled figure assumes
 * its density of restated claims (70 % of the sentences of the 409-word wire story 004) holds for
 * 3,000 words; the whole body measures what 3,000 words of real related prose cost without that
 * assumption. The targets are checked on both.
 */
export function summarizeRealProse(real: readonly RealArticleResult[]): RealProseSummary {
  let words = 0;
  let sentences = 0;
  let matched = 0;
  let ms = 0;
  let cpuMs = 0;
  for (const r of real) {
    words += r.words;
    sentences += r.sentences;
    matched += r.matched;
    ms += r.msPerArticle;
    cpuMs += r.cpuMsPerArticle;
  }
  const densest = real.reduce((a, b) => (b.msPer3000Words > a.msPer3000Words ? b : a));
  return {
    articles: real.length,
    words,
    sentences,
    matched,
    ms,
    cpuMs,
    msPer3000Words: (ms / words) * ARTICLE_WORDS,
    densest: {
      articleId: densest.articleId,
      words: densest.words,
      matched: densest.matched,
      sentences: densest.sentences,
      msPer3000Words: densest.msPer3000Words,
    },
  };
}

export interface SearchResultRow {
  claims: number;
  queryLength: number;
  /** Median wall ms of the popup's database search (ClaimEngine.search over every claim). */
  ms: number;
  /** Results the search returned (at most SEARCH_LIMIT), so a timing of an empty search shows. */
  hits: number;
}

/** Queries typed into the popup's search: a name, two words, a phrase, and the most words it reads. */
export const SEARCH_QUERIES = [
  'Soleimani',
  'Esper decision',
  'no decision to leave Iraq',
  'letter repositioning forces over the coming days and weeks',
];
/** As in popup.ts: the results the popup asks for. */
const SEARCH_LIMIT = 8;

/**
 * The popup's "search the sources" box: Fuse.js token search over every claim of the database, in
 * the service worker. Timed on the seeds and on generated databases the size of a reader's own
 * sources grown large (2,000 and 10,000 claims), median of `runs` after one untimed query.
 */
export function benchSearch(sizes: readonly number[] = [0, 2_000, 10_000], runs = 3): SearchResultRow[] {
  const seedDb = buildDatabase(readArticles(), { builtAt: FIXED_BUILT_AT });
  const rows: SearchResultRow[] = [];
  for (const size of sizes) {
    const db = size === 0 ? seedDb : generateDatabase(seedDb, size);
    const engine = createClaimEngine({
      bundled: db,
      userArticles: [],
      userArticlesError: null,
      threshold: undefined,
    });
    for (const query of SEARCH_QUERIES) {
      const hits = engine.search(query, SEARCH_LIMIT).length;
      const times: number[] = [];
      for (let r = 0; r < runs; r++) {
        const t = performance.now();
        engine.search(query, SEARCH_LIMIT);
        times.push(performance.now() - t);
      }
      rows.push({ claims: db.claims.length, queryLength: query.length, ms: median(times), hits });
    }
  }
  return rows;
}

const SCENARIOS = [
  'seeds:crosscheck:related',
  'seeds:crosscheck:unrelated',
  'seeds:naive-fuse:related',
  '10000:crosscheck:related',
  '10000:crosscheck:unrelated',
  '10000:naive-fuse:related',
  '100000:crosscheck:related',
  '100000:crosscheck:unrelated',
  '100000:naive-fuse:related',
];

/** Runs one scenario in a child process of its own and returns what it printed as JSON. */
function runChild<T>(name: string): T {
  const self = fileURLToPath(import.meta.url);
  const child = spawnSync(process.execPath, [...process.execArgv, self, '--scenario', name], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`bench scenario ${name} failed:\n${child.stderr}`);
  const line = child.stdout.trim().split('\n').pop()!;
  return JSON.parse(line) as T;
}

function runAll(): ScenarioResult[] {
  return SCENARIOS.map((name) => runChild<ScenarioResult>(name));
}

function formatSearchTable(rows: readonly SearchResultRow[]): string {
  const lines = [
    'claims  query characters  ms      results (at most 8)',
    '------  ----------------  ------  -------------------',
  ];
  for (const row of rows)
    lines.push(
      `${String(row.claims).padEnd(6)}  ${String(row.queryLength).padEnd(16)}  ${row.ms.toFixed(1).padEnd(6)}  ${row.hits}`,
    );
  return lines.join('\n');
}

function formatRealTable(results: RealArticleResult[], all: RealProseSummary): string {
  const header = [
    'seed article',
    'outlet',
    'words',
    'sentences',
    'matched',
    'ms/article',
    'cpu ms',
    'ms per 3,000 words',
    'warm-up runs',
  ];
  const rows = results.map((r) => [
    r.articleId.slice(0, 3),
    r.outlet ?? '(none)',
    String(r.words),
    String(r.sentences),
    String(r.matched),
    r.msPerArticle.toFixed(2),
    r.cpuMsPerArticle.toFixed(2),
    `${r.msPer3000Words.toFixed(1)} (scaled)`,
    String(r.warmupRuns),
  ]);
  rows.push([
    'all five',
    '',
    String(all.words),
    String(all.sentences),
    String(all.matched),
    all.ms.toFixed(2),
    all.cpuMs.toFixed(2),
    all.msPer3000Words.toFixed(1),
    '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function formatTable(results: ScenarioResult[]): string {
  const naive = new Map(results.filter((r) => r.method === 'naive-fuse').map((r) => [r.scenario, r]));
  const header = [
    'database',
    'claims',
    'method',
    'article',
    'ms/article',
    'cpu ms',
    'cold ms (cpu)',
    'warm-up runs',
    'vs naive',
    'index build ms (cpu)',
    'matched',
    'peak RSS MB',
  ];
  const rows = results.map((r) => {
    const baseline = naive.get(r.scenario);
    const ratio =
      r.method === 'crosscheck' && baseline
        ? `${(baseline.msPerArticle / r.msPerArticle).toFixed(0)}x faster`
        : '';
    return [
      r.scenario,
      String(r.claims),
      r.method,
      r.article,
      `${r.msPerArticle.toFixed(r.msPerArticle < 10 ? 2 : 0)}${r.extrapolated ? ' (extrapolated)' : ''}`,
      r.cpuMsPerArticle.toFixed(r.cpuMsPerArticle < 10 ? 2 : 0),
      r.method === 'crosscheck'
        ? `${r.coldMsPerArticle.toFixed(0)} (${r.coldCpuMsPerArticle.toFixed(0)})`
        : '',
      r.method === 'crosscheck' ? String(r.warmupRuns) : '',
      ratio,
      `${r.indexBuildMs.toFixed(0)} (${r.indexBuildCpuMs.toFixed(0)})`,
      `${r.matched}/${r.sentences}`,
      r.peakRssMb.toFixed(0),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export interface TargetCheck {
  target: string;
  /** Which article the target was checked on; 'real' is the seed articles, leave-one-out. */
  article: BenchArticle | 'real' | null;
  measured: string;
  met: boolean;
}

/** Each target of issue 4, checked on both articles (the related one is the worst case). */
function checkTargets(results: ScenarioResult[], prose: RealProseSummary): TargetCheck[] {
  const find = (s: string, article: BenchArticle) =>
    results.find((r) => r.scenario === s && r.method === 'crosscheck' && r.article === article)!;
  const checks: TargetCheck[] = [];
  for (const article of ['related', 'unrelated'] as const) {
    const seeds = find('seeds', article).msPerArticle;
    checks.push({
      target: `< ${TARGETS.seedsMs} ms/article vs seeds`,
      article,
      measured: `${seeds.toFixed(2)} ms`,
      met: seeds < TARGETS.seedsMs,
    });
    const big = find('100000', article).msPerArticle;
    checks.push({
      target: `< ${TARGETS.claims100kMs} ms/article vs 100k claims`,
      article,
      measured: `${big.toFixed(1)} ms`,
      met: big < TARGETS.claims100kMs,
    });
  }
  // Real prose is checked two ways: the seed articles as one measured body, and the densest alone,
  // scaled (the stricter reading: it assumes that article's density of restated claims for 3,000
  // words).
  checks.push({
    target: `< ${TARGETS.seedsMs} ms/article vs seeds`,
    article: 'real',
    measured: `${prose.msPer3000Words.toFixed(2)} ms per 3,000 words: the ${prose.articles} seed articles together (${prose.words.toLocaleString('en')} words, ${prose.sentences} sentences, ${prose.matched} matched) in ${prose.ms.toFixed(2)} ms, each against the other ${prose.articles - 1}`,
    met: prose.msPer3000Words < TARGETS.seedsMs,
  });
  const { densest } = prose;
  checks.push({
    target: `< ${TARGETS.seedsMs} ms/article vs seeds`,
    article: 'real',
    measured: `${densest.msPer3000Words.toFixed(1)} ms per 3,000 words: the densest seed article, ${densest.articleId.slice(0, 3)} (${densest.words} words, ${densest.matched} of ${densest.sentences} sentences matched), scaled alone`,
    met: densest.msPer3000Words < TARGETS.seedsMs,
  });
  const build = Math.max(find('100000', 'related').indexBuildMs, find('100000', 'unrelated').indexBuildMs);
  checks.push({
    target: `100k index build < ${TARGETS.build100kMs} ms`,
    article: null,
    measured: `${build.toFixed(0)} ms (slower of two runs)`,
    met: build < TARGETS.build100kMs,
  });
  return checks;
}

function main(): void {
  const argv = process.argv.slice(2);
  const at = argv.indexOf('--scenario');
  if (at >= 0) {
    const name = argv[at + 1]!;
    const result =
      name === 'real' ? benchRealArticles() : name === 'search' ? benchSearch() : runScenario(name);
    console.log(JSON.stringify(result));
    return;
  }
  const json = argv.includes('--json');
  if (!json) {
    for (const kind of ['related', 'unrelated'] as const) {
      const article = buildBenchArticle(kind);
      console.log(
        `${kind} article: ${article.length} sentences / ${article.join(' ').split(/\s+/).length} words ` +
          '(tests/fixtures/labelled, cycled)',
      );
    }
    console.log(
      `${process.platform} ${process.arch}, node ${process.version}, load average ${os.loadavg()[0]!.toFixed(2)}`,
    );
  }
  const results = runAll();
  const real = runChild<RealArticleResult[]>('real');
  const search = runChild<SearchResultRow[]>('search');
  const prose = summarizeRealProse(real);
  const targets = checkTargets(results, prose);
  if (!json) {
    console.log(formatTable(results));
    console.log('\nReal related articles: each seed article against a database of the other four:');
    console.log(formatRealTable(real, prose));
    console.log('\nTargets (issue 4):');
    for (const t of targets) {
      console.log(
        `  ${t.met ? 'met   ' : 'MISSED'} ${t.target}${t.article === 'real' ? ' (real related prose)' : t.article ? ` (${t.article} article)` : ''}: ${t.measured}`,
      );
    }
    console.log(
      "\nThe popup's database search (Fuse.js token search over every claim, in the service worker; median of 3):",
    );
    console.log(formatSearchTable(search));
    console.log('\nDatabase build (scripts/bench-db.ts):');
  }
  const db = runDbBenchmark({ json });
  if (json)
    console.log(
      JSON.stringify(
        {
          matcher: results,
          realArticles: real,
          realProse: prose,
          search,
          targets,
          database: db,
        },
        null,
        2,
      ),
    );
  // Timing targets depend on the machine and its load, so they fail the run only when asked.
  if (argv.includes('--enforce-targets') && (targets.some((t) => !t.met) || !db.targetMet))
    process.exitCode = 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
