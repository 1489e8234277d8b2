/**
 * The options page's access to extension storage. Reads go through the shared parsers, so corrupt
 * data becomes a message instead of an exception. Before the page overwrites stored sources that
 * it could not fully read, it copies the raw value to a backup key, so nothing is destroyed.
 */
import type { Storage } from 'webextension-polyfill';
import { type ParsedSettings, parseSettings, SETTINGS_KEY, type Settings } from '../shared/settings.ts';
import {
  type ParsedUserArticles,
  parseUserArticles,
  toStoredUserArticles,
  USER_ARTICLES_BACKUP_KEY,
  USER_ARTICLES_KEY,
  type UserArticle,
} from '../shared/user-articles.ts';

export interface LoadedState {
  settings: ParsedSettings;
  articles: ParsedUserArticles;
  /** Storage itself failed (not the data in it): the browser's message, else null. */
  readError: string | null;
}

export function createOptionsStore(area: Storage.StorageArea) {
  /** Raw value of the sources key when it held something unreadable; written to the backup before any save. */
  let unreadableSources: unknown;

  async function load(): Promise<LoadedState> {
    let raw: Record<string, unknown> = {};
    let readError: string | null = null;
    try {
      raw = await area.get([SETTINGS_KEY, USER_ARTICLES_KEY]);
    } catch (error) {
      readError = String(error);
    }
    const parsedSettings = parseSettings(raw[SETTINGS_KEY]);
    const parsedArticles = parseUserArticles(raw[USER_ARTICLES_KEY]);
    unreadableSources = parsedArticles.error === null ? undefined : raw[USER_ARTICLES_KEY];
    return { settings: parsedSettings, articles: parsedArticles, readError };
  }

  async function saveSettings(settings: Settings): Promise<void> {
    await area.set({ [SETTINGS_KEY]: settings });
  }

  /** Re-reads the stored sources so a change made in another extension page is not overwritten. */
  async function readArticles(): Promise<{ articles: UserArticle[]; error: string | null }> {
    const raw = (await area.get(USER_ARTICLES_KEY))[USER_ARTICLES_KEY];
    const parsed = parseUserArticles(raw);
    if (parsed.error !== null) unreadableSources = raw;
    return parsed;
  }

  async function saveArticles(articles: readonly UserArticle[]): Promise<void> {
    const update: Record<string, unknown> = { [USER_ARTICLES_KEY]: toStoredUserArticles(articles) };
    if (unreadableSources !== undefined) update[USER_ARTICLES_BACKUP_KEY] = unreadableSources;
    await area.set(update);
    unreadableSources = undefined;
  }

  return { load, saveSettings, readArticles, saveArticles };
}
