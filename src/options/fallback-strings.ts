/**
 * English text for the messages the options page builds in script, used only when the locale
 * lacks the key (so the page still reads correctly before the locale file is complete).
 * The same strings are listed for `_locales/en/messages.json`; keep the two in step.
 */
export const FALLBACK_STRINGS: Readonly<Record<string, string>> = {
  options_remove: 'Remove',
  options_removeSourceLabel: 'Remove source: $1',
  options_removeSiteLabel: 'Remove site: $1',
  options_sourceWords: '$1 words',
  options_sourcesCount: '$1 saved sources',
  options_sourcesCountOne: '1 saved source',
  options_sourcesEmpty: 'You have not added any sources yet.',
  options_disabledSitesHeading: 'Sites where Crosscheck is off',
  options_enabledSitesHeading: 'Sites where Crosscheck runs',
  options_disabledSitesEmpty: 'No sites are disabled.',
  options_enabledSitesEmpty: 'No sites are enabled yet, so Crosscheck runs nowhere.',
  options_siteInvalid: 'That is not a site name. Enter a host such as news.example.com.',
  options_siteDuplicate: '$1 is already in the list.',
  options_saved: 'Saved.',
  options_saveFailed: 'Could not save: $1. Your input is still here; try again.',
  options_articleAdded: 'Added “$1” to your sources.',
  options_articleRemoved: 'Removed “$1” from your sources.',
  options_exported: 'Exported $1 sources to $2.',
  options_importDone: 'Imported $1 sources; $2 skipped.',
  options_importFailed: 'Nothing was imported. $1',
  options_importSkippedEntry: 'Article $1: $2',
  options_importReadFailed: 'The file could not be read.',
  options_loadReadFailed: 'Stored data could not be read ($1). The defaults are in use.',
  options_loadSettingsUnreadable: 'Your saved settings could not be read, so the defaults are in use.',
  options_loadSettingsReset:
    'Some saved settings could not be read ($1); those were reset to their defaults.',
  options_loadSourcesUnreadable:
    'Your saved sources could not be read. The bundled sources still work, and a copy of the unreadable data is kept when you next save.',
  options_loadSourcesSkippedOne:
    '1 saved source could not be read and was skipped. A copy of the unreadable data is kept when you next save.',
  options_loadSourcesSkipped:
    '$1 saved sources could not be read and were skipped. A copy of the unreadable data is kept when you next save.',
};
