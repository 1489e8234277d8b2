/**
 * The English locale as the i18n API reads it, for pure modules that take a `translate` function:
 * tests then check the words a reader sees, not a stand-in. A key the locale lacks throws, so a
 * misspelt key fails the test instead of printing "[key]".
 */
import { readFileSync } from 'node:fs';
import type { Translate } from '../../src/shared/tab-report.ts';

const MESSAGES = JSON.parse(
  readFileSync(new URL('../../_locales/en/messages.json', import.meta.url), 'utf8'),
) as Record<string, { message: string }>;

/** `browser.i18n.getMessage` for the English locale: $1 to $9 become the substitutions, $$ a dollar. */
export const translateEnglish: Translate = (key, substitutions) => {
  const entry = MESSAGES[key];
  if (entry === undefined) throw new Error(`No message "${key}" in _locales/en/messages.json`);
  const values =
    substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return entry.message.replace(/\$(\$|[1-9])/g, (_, which: string) =>
    which === '$' ? '$' : (values[Number(which) - 1] ?? ''),
  );
};
