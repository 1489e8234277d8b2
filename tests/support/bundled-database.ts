/**
 * The seed database as the service worker gets it: built from data/articles, serialised to JSON
 * and validated by loadBundledDatabase, for tests of the background glue.
 */

import { readArticles } from '../../scripts/seed-articles.ts';
import {
  type ClaimEngine,
  createClaimEngine,
  loadBundledDatabase,
} from '../../src/background/claim-engine.ts';
import { buildDatabase } from '../../src/engine/build-database.ts';
import type { ClaimDatabase } from '../../src/engine/types.ts';

export function loadSeedBundle(): ClaimDatabase {
  return loadBundledDatabase(JSON.parse(JSON.stringify(buildDatabase(readArticles(), { builtAt: null }))));
}

/** The engine on the bundled database alone, as a fresh install runs it. */
export function createBundledEngine(bundled: ClaimDatabase): ClaimEngine {
  return createClaimEngine({ bundled, userArticles: [], userArticlesError: null, threshold: undefined });
}
