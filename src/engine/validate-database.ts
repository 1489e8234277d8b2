/**
 * Checks that an unknown value (parsed JSON) is a claim database this code understands, before
 * anything trusts it: the schema version, every field's type, and the invariants the rest of the
 * engine relies on (unique ids, claim text equals its article slice, facts and relations only
 * reference existing claims). Errors name the JSON path that is wrong, e.g. `$.claims[3].start`.
 */

import { type ClaimDatabase, DB_SCHEMA_VERSION, QUANTITY_SCOPES } from './types.ts';

export class DatabaseValidationError extends Error {
  readonly path: string;

  constructor(path: string, message: string) {
    super(`${path}: ${message}`);
    this.name = 'DatabaseValidationError';
    this.path = path;
  }
}

type Obj = Record<string, unknown>;

function fail(path: string, message: string): never {
  throw new DatabaseValidationError(path, message);
}

function obj(value: unknown, path: string): Obj {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(path, 'expected an object');
  return value as Obj;
}

function arr(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) fail(path, 'expected an array');
  return value;
}

function str(value: unknown, path: string): string {
  if (typeof value !== 'string') fail(path, 'expected a string');
  return value;
}

function strOrNull(value: unknown, path: string): string | null {
  if (value !== null && typeof value !== 'string') fail(path, 'expected a string or null');
  return value;
}

function int(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
    fail(path, 'expected a non-negative integer');
  return value;
}

function num(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(path, 'expected a finite number');
  return value;
}

function bool(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') fail(path, 'expected a boolean');
  return value;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    fail(path, `expected one of ${allowed.join(', ')}`);
  }
  return value as T;
}

function strings(value: unknown, path: string): void {
  arr(value, path).forEach((v, i) => {
    str(v, `${path}[${i}]`);
  });
}

const QUALIFIERS = ['exact', 'about', 'more-than', 'at-least', 'less-than', 'at-most', 'nearly'] as const;
const STANCES = ['agrees', 'conflicts', 'worded-differently'] as const;
const DETAIL_KINDS = ['number', 'date', 'person', 'attribute', 'polarity', 'wording', 'other'] as const;
const DROP_REASONS = [
  'headline',
  'question',
  'caption',
  'navigation',
  'furniture',
  'too-short',
  'no-claim',
  'duplicate',
] as const;

function checkFeatures(value: unknown, path: string): void {
  const f = obj(value, path);
  arr(f.quantities, `${path}.quantities`).forEach((q, i) => {
    const p = `${path}.quantities[${i}]`;
    const o = obj(q, p);
    num(o.value, `${p}.value`);
    str(o.unit, `${p}.unit`);
    oneOf(o.qualifier, QUALIFIERS, `${p}.qualifier`);
    str(o.text, `${p}.text`);
    if (o.modifiers !== undefined) strings(o.modifiers, `${p}.modifiers`);
    if (o.scope !== undefined) oneOf(o.scope, QUANTITY_SCOPES, `${p}.scope`);
  });
  strings(f.days, `${path}.days`);
  strings(f.dates, `${path}.dates`);
  arr(f.people, `${path}.people`).forEach((pv, i) => {
    const p = `${path}.people[${i}]`;
    const o = obj(pv, p);
    str(o.name, `${p}.name`);
    str(o.key, `${p}.key`);
    strOrNull(o.rank, `${p}.rank`);
    strOrNull(o.branch, `${p}.branch`);
    strOrNull(o.role, `${p}.role`);
  });
  strings(f.organisations, `${path}.organisations`);
  strings(f.places, `${path}.places`);
  bool(f.negated, `${path}.negated`);
  arr(f.quotes, `${path}.quotes`).forEach((qv, i) => {
    const p = `${path}.quotes[${i}]`;
    const o = obj(qv, p);
    str(o.text, `${p}.text`);
    strOrNull(o.speaker, `${p}.speaker`);
  });
  if (f.dayMentions !== undefined) {
    arr(f.dayMentions, `${path}.dayMentions`).forEach((dv, i) => {
      const o = obj(dv, `${path}.dayMentions[${i}]`);
      str(o.day, `${path}.dayMentions[${i}].day`);
      strOrNull(o.event, `${path}.dayMentions[${i}].event`);
    });
  }
  if (f.expansions !== undefined) {
    arr(f.expansions, `${path}.expansions`).forEach((ev, i) => {
      const o = obj(ev, `${path}.expansions[${i}]`);
      str(o.acronym, `${path}.expansions[${i}].acronym`);
      str(o.expansion, `${path}.expansions[${i}].expansion`);
    });
  }
  if (f.assertions !== undefined) {
    arr(f.assertions, `${path}.assertions`).forEach((av, i) => {
      const p = `${path}.assertions[${i}]`;
      const o = obj(av, p);
      str(o.predicate, `${p}.predicate`);
      bool(o.negated, `${p}.negated`);
      str(o.text, `${p}.text`);
    });
  }
}

/** Validates `value` and returns it typed; throws DatabaseValidationError naming the bad path. */
export function validateDatabase(value: unknown): ClaimDatabase {
  const db = obj(value, '$');
  if (db.schemaVersion !== DB_SCHEMA_VERSION) {
    fail(
      '$.schemaVersion',
      `unsupported schema version ${JSON.stringify(db.schemaVersion)}, expected ${DB_SCHEMA_VERSION}`,
    );
  }
  strOrNull(db.builtAt, '$.builtAt');
  if (typeof db.builtAt === 'string' && Number.isNaN(Date.parse(db.builtAt)))
    fail('$.builtAt', 'expected an ISO timestamp');
  if (!/^[0-9a-f]{64}$/.test(str(db.digest, '$.digest'))) fail('$.digest', 'expected a hex SHA-256 digest');

  const bodies = new Map<string, string>();
  arr(db.articles, '$.articles').forEach((av, i) => {
    const p = `$.articles[${i}]`;
    const a = obj(av, p);
    const id = str(a.id, `${p}.id`);
    if (bodies.has(id)) fail(`${p}.id`, `duplicate article id "${id}"`);
    for (const k of ['outlet', 'title', 'published', 'url', 'language']) strOrNull(a[k], `${p}.${k}`);
    if (typeof a.published === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(a.published)) {
      fail(`${p}.published`, 'expected YYYY-MM-DD');
    }
    bodies.set(id, str(a.body, `${p}.body`));
  });

  const claimIds = new Set<string>();
  const claimArticle = new Map<string, string>();
  arr(db.claims, '$.claims').forEach((cv, i) => {
    const p = `$.claims[${i}]`;
    const c = obj(cv, p);
    const id = str(c.id, `${p}.id`);
    if (claimIds.has(id)) fail(`${p}.id`, `duplicate claim id "${id}"`);
    claimIds.add(id);
    const articleId = str(c.articleId, `${p}.articleId`);
    const body = bodies.get(articleId);
    if (body === undefined) fail(`${p}.articleId`, `unknown article "${articleId}"`);
    claimArticle.set(id, articleId);
    const text = str(c.text, `${p}.text`);
    const start = int(c.start, `${p}.start`);
    const end = int(c.end, `${p}.end`);
    if (end <= start || end > body.length)
      fail(`${p}.end`, `offsets ${start}..${end} outside the article body`);
    if (body.slice(start, end) !== text) fail(`${p}.text`, 'does not equal the article body at its offsets');
    strOrNull(c.speaker, `${p}.speaker`);
    checkFeatures(c.features, `${p}.features`);
  });

  const inFact = new Set<string>();
  const factIds = new Set<string>();
  arr(db.facts, '$.facts').forEach((fv, i) => {
    const p = `$.facts[${i}]`;
    const f = obj(fv, p);
    const id = str(f.id, `${p}.id`);
    if (factIds.has(id)) fail(`${p}.id`, `duplicate fact id "${id}"`);
    factIds.add(id);
    const members = new Set<string>();
    arr(f.claimIds, `${p}.claimIds`).forEach((cv, j) => {
      const cid = str(cv, `${p}.claimIds[${j}]`);
      if (!claimIds.has(cid)) fail(`${p}.claimIds[${j}]`, `unknown claim "${cid}"`);
      members.add(cid);
      inFact.add(cid);
    });
    if (members.size === 0) fail(`${p}.claimIds`, 'a fact needs at least one claim');
    arr(f.relations, `${p}.relations`).forEach((rv, j) => {
      const rp = `${p}.relations[${j}]`;
      const r = obj(rv, rp);
      const a = str(r.a, `${rp}.a`);
      const b = str(r.b, `${rp}.b`);
      if (!members.has(a)) fail(`${rp}.a`, `claim "${a}" is not in this fact`);
      if (!members.has(b)) fail(`${rp}.b`, `claim "${b}" is not in this fact`);
      if (claimArticle.get(a) === claimArticle.get(b)) fail(rp, 'relates two claims of the same article');
      const stance = oneOf(r.stance, STANCES, `${rp}.stance`);
      const details = arr(r.details, `${rp}.details`);
      details.forEach((dv, k) => {
        const dp = `${rp}.details[${k}]`;
        const d = obj(dv, dp);
        oneOf(d.kind, DETAIL_KINDS, `${dp}.kind`);
        str(d.a, `${dp}.a`);
        str(d.b, `${dp}.b`);
        strOrNull(d.subject, `${dp}.subject`);
        if (d.altersMeaning !== undefined) bool(d.altersMeaning, `${dp}.altersMeaning`);
      });
      if (stance !== 'agrees' && details.length === 0)
        fail(`${rp}.details`, `a "${stance}" relation needs details`);
    });
  });
  for (const id of claimIds) if (!inFact.has(id)) fail('$.facts', `claim "${id}" belongs to no fact`);

  arr(db.dropped, '$.dropped').forEach((dv, i) => {
    const p = `$.dropped[${i}]`;
    const d = obj(dv, p);
    const articleId = str(d.articleId, `${p}.articleId`);
    const body = bodies.get(articleId);
    if (body === undefined) fail(`${p}.articleId`, `unknown article "${articleId}"`);
    const start = int(d.start, `${p}.start`);
    const end = int(d.end, `${p}.end`);
    if (body.slice(start, end) !== str(d.text, `${p}.text`))
      fail(`${p}.text`, 'does not equal the article body at its offsets');
    oneOf(d.reason, DROP_REASONS, `${p}.reason`);
  });
  return value as ClaimDatabase;
}
