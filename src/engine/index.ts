/**
 * The engine as one module, for code outside this repository that uses it as a library (in Node,
 * a worker or another extension): every engine module re-exported, pure TypeScript, no browser
 * API. Callers inside the repository import the module they need instead, so that an import names
 * the stage it relies on. Must keep true: every module of `src/engine/` is listed here (its test
 * checks).
 */

export * from './align-words.ts';
export * from './attribute-speakers.ts';
export * from './build-candidate-index.ts';
export * from './build-database.ts';
export * from './clean-furniture.ts';
export * from './cluster-claims.ts';
export * from './compare-claims.ts';
export * from './create-matcher.ts';
export * from './decide-verdict.ts';
export * from './digest.ts';
export * from './exclude-articles.ts';
export * from './extract-assertions.ts';
export * from './extract-dates.ts';
export * from './extract-features.ts';
export * from './extract-organisations-and-places.ts';
export * from './extract-people.ts';
export * from './extract-quantities.ts';
export * from './find-matching-claims.ts';
export * from './find-own-articles.ts';
export * from './find-quotes.ts';
export * from './measure-bitap-similarity.ts';
export * from './normalize.ts';
export * from './parse-article-file.ts';
export * from './score-match.ts';
export * from './select-claims.ts';
export * from './serialize-database.ts';
export * from './split-clauses.ts';
export * from './split-sentences.ts';
export * from './tokenize-sentence.ts';
export * from './types.ts';
export * from './validate-database.ts';
export * from './word-kinds.ts';
