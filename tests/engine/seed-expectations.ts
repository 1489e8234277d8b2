/**
 * Scores a claim database against the hand-labelled seed expectations
 * (tests/fixtures/seed-expectations.json): pairwise precision and recall of grouping, of conflicts
 * and of worded-differently labels. Shared by the seed-quality test and by tuning runs, so the
 * figures reported are the figures tested.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClaimDatabase, Relation } from '../../src/engine/types.ts';

export interface SeedExpectations {
  groups: Array<{ fact: string; core: string[]; also?: string[] }>;
  conflicts: Array<{ a: string; b: string; kind: string; values: [string, string] }>;
  worded: Array<{ a: string; b: string; values: [string, string]; altersMeaning?: boolean }>;
  wordedAcceptable: Array<[string, string]>;
}

export function loadSeedExpectations(): SeedExpectations {
  const path = join(import.meta.dirname, '../fixtures/seed-expectations.json');
  return JSON.parse(readFileSync(path, 'utf8')) as SeedExpectations;
}

export interface Score {
  precision: number;
  recall: number;
  truePositives: number;
  predicted: number;
  expected: number;
  falsePositives: string[];
  missed: string[];
}

export interface SeedQuality {
  grouping: Score;
  conflicts: Score;
  worded: Score;
  /** Expected conflicts that were found but whose details do not show the labelled values. */
  wrongValues: string[];
}

/** Resolves "000|some words" to the one claim of article 000... containing those words. */
export function resolveClaim(db: ClaimDatabase, selector: string): string {
  const bar = selector.indexOf('|');
  const prefix = selector.slice(0, bar);
  const words = selector.slice(bar + 1);
  const hits = db.claims.filter((c) => c.articleId.startsWith(prefix) && c.text.includes(words));
  if (hits.length !== 1) throw new Error(`selector "${selector}" matches ${hits.length} claims`);
  return hits[0]!.id;
}

const pairKey = (a: string, b: string): string => (a < b ? `${a} ~ ${b}` : `${b} ~ ${a}`);

function score(predicted: Set<string>, expected: Set<string>, ignored: Set<string>): Score {
  const counted = [...predicted].filter((p) => !ignored.has(p) || expected.has(p));
  const tp = counted.filter((p) => expected.has(p)).length;
  return {
    precision: counted.length === 0 ? 1 : tp / counted.length,
    recall: expected.size === 0 ? 1 : tp / expected.size,
    truePositives: tp,
    predicted: counted.length,
    expected: expected.size,
    falsePositives: counted.filter((p) => !expected.has(p)).sort(),
    missed: [...expected].filter((p) => !predicted.has(p)).sort(),
  };
}

export function evaluateSeedQuality(db: ClaimDatabase, exp: SeedExpectations): SeedQuality {
  const articleOf = new Map(db.claims.map((c) => [c.id, c.articleId]));
  const cross = (a: string, b: string) => a !== b && articleOf.get(a) !== articleOf.get(b);

  const predictedGroups = new Set<string>();
  const relations = new Map<string, Relation>();
  for (const f of db.facts) {
    for (let i = 0; i < f.claimIds.length; i++) {
      for (let j = i + 1; j < f.claimIds.length; j++) {
        const a = f.claimIds[i]!;
        const b = f.claimIds[j]!;
        if (cross(a, b)) predictedGroups.add(pairKey(a, b));
      }
    }
    for (const r of f.relations) relations.set(pairKey(r.a, r.b), r);
  }

  const expectedGroups = new Set<string>();
  const ignoredGroups = new Set<string>();
  for (const g of exp.groups) {
    const core = g.core.map((s) => resolveClaim(db, s));
    const also = (g.also ?? []).map((s) => resolveClaim(db, s));
    for (const a of core) for (const b of core) if (cross(a, b)) expectedGroups.add(pairKey(a, b));
    for (const a of also)
      for (const b of [...core, ...also]) if (cross(a, b)) ignoredGroups.add(pairKey(a, b));
  }

  const stanceOf = (key: string) => relations.get(key)?.stance;
  const predictedConflicts = new Set([...relations.keys()].filter((k) => stanceOf(k) === 'conflicts'));
  const expectedConflicts = new Set<string>();
  const wrongValues: string[] = [];
  for (const c of exp.conflicts) {
    const key = pairKey(resolveClaim(db, c.a), resolveClaim(db, c.b));
    expectedConflicts.add(key);
    const r = relations.get(key);
    if (r?.stance !== 'conflicts') continue;
    const shows = r.details.some((d) => {
      const sides = [d.a.toLowerCase(), d.b.toLowerCase()];
      const [x, y] = c.values.map((v) => v.toLowerCase());
      return (
        (sides[0]!.includes(x!) && sides[1]!.includes(y!)) ||
        (sides[0]!.includes(y!) && sides[1]!.includes(x!))
      );
    });
    if (!shows) wrongValues.push(`${key}: expected ${c.values.join(' vs ')}`);
  }

  const predictedWorded = new Set([...relations.keys()].filter((k) => stanceOf(k) === 'worded-differently'));
  const expectedWorded = new Set<string>();
  for (const w of exp.worded) {
    const key = pairKey(resolveClaim(db, w.a), resolveClaim(db, w.b));
    expectedWorded.add(key);
    const r = relations.get(key);
    if (r?.stance !== 'worded-differently') continue;
    const shows = r.details.some(
      (d) =>
        d.kind === 'wording' &&
        w.values.every((v) => d.a.includes(v.toLowerCase()) || d.b.includes(v.toLowerCase())) &&
        (w.altersMeaning === undefined || d.altersMeaning === w.altersMeaning),
    );
    if (!shows) wrongValues.push(`${key}: expected wording ${w.values.join(' / ')}`);
  }
  const acceptableWorded = new Set(
    exp.wordedAcceptable.map(([a, b]) => pairKey(resolveClaim(db, a), resolveClaim(db, b))),
  );

  return {
    grouping: score(predictedGroups, expectedGroups, ignoredGroups),
    conflicts: score(predictedConflicts, expectedConflicts, new Set()),
    worded: score(predictedWorded, expectedWorded, acceptableWorded),
    wrongValues,
  };
}

export function formatScore(name: string, s: Score): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return `${name}: precision ${pct(s.precision)} (${s.truePositives}/${s.predicted}), recall ${pct(s.recall)} (${s.truePositives}/${s.expected})`;
}
