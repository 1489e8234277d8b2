/**
 * Looks up user-facing strings in _locales through the i18n API, so every context words things
 * the same way. A missing key returns the key itself in brackets, which tests and screenshots
 * make visible instead of silently showing nothing.
 */
import browser from 'webextension-polyfill';
import { formatIsoDate } from './format-date.ts';

export function t(key: string, substitutions?: string | string[]): string {
  const message = browser.i18n.getMessage(key, substitutions);
  return message === '' ? `[${key}]` : message;
}

/** A date from the database ("2020-01-06") in the browser's UI language; as given if it is not one. */
export function formatDate(iso: string): string {
  return formatIsoDate(iso, browser.i18n.getUILanguage()) ?? iso;
}
