/**
 * The user's preferences, as stored in extension storage under SETTINGS_KEY, and the pure rules
 * that read them. No browser API here, so the options page, the popup, the background and Node
 * tests all share one definition.
 *
 * Must keep true: `parseSettings` never throws and never discards a valid field because another
 * field is corrupt; every setter returns a new object (settings are treated as immutable).
 */

export const SETTINGS_KEY = 'crosscheck:settings';
export const SETTINGS_VERSION = 1;

export type SensitivityPreset = 'strict' | 'balanced' | 'lenient';
export type HighlightMode = 'all' | 'conflicting';
export type HighlightStyle = 'underline' | 'background';
export type SiteMode = 'all-except-disabled' | 'only-enabled';

export interface Settings {
  version: typeof SETTINGS_VERSION;
  sensitivity: SensitivityPreset;
  highlightMode: HighlightMode;
  highlightStyle: HighlightStyle;
  siteMode: SiteMode;
  /** Normalised host names (see `normalizeSite`). Used when siteMode is 'all-except-disabled'. */
  disabledSites: string[];
  /** Normalised host names. Used when siteMode is 'only-enabled'. */
  enabledSites: string[];
}

export const SENSITIVITY_PRESETS: readonly SensitivityPreset[] = ['strict', 'balanced', 'lenient'];
export const HIGHLIGHT_MODES: readonly HighlightMode[] = ['all', 'conflicting'];
export const HIGHLIGHT_STYLES: readonly HighlightStyle[] = ['underline', 'background'];
export const SITE_MODES: readonly SiteMode[] = ['all-except-disabled', 'only-enabled'];

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  version: SETTINGS_VERSION,
  sensitivity: 'balanced',
  highlightMode: 'all',
  highlightStyle: 'underline',
  siteMode: 'all-except-disabled',
  disabledSites: [],
  enabledSites: [],
});

/**
 * How far each preset moves the matcher's calibrated threshold (a 0..1 combined score; higher
 * demands closer matches). 'balanced' is the matcher's own calibrated default, unchanged.
 */
export const SENSITIVITY_OFFSETS: Readonly<Record<SensitivityPreset, number>> = {
  strict: 0.1,
  balanced: 0,
  lenient: -0.1,
};

/** Thresholds never leave this band, so no preset can match everything or nothing. */
const MIN_THRESHOLD = 0.05;
const MAX_THRESHOLD = 0.95;

/**
 * The `MatcherOptions.threshold` for a preset. `undefined` means "use the matcher's calibrated
 * default". `matcherDefault` is the matcher's calibrated constant; without it only 'balanced'
 * can be expressed, so the other presets also fall back to the default rather than guess a number.
 */
export function thresholdFor(preset: SensitivityPreset, matcherDefault?: number): number | undefined {
  const offset = SENSITIVITY_OFFSETS[preset];
  if (offset === 0 || matcherDefault === undefined || !Number.isFinite(matcherDefault)) return undefined;
  const shifted = matcherDefault + offset;
  return Math.round(Math.min(MAX_THRESHOLD, Math.max(MIN_THRESHOLD, shifted)) * 1000) / 1000;
}

const MAX_SITES = 5000;
const MAX_HOST_LENGTH = 253;
const HOST_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * Turns what a user types ("https://www.Example.com/news", "example.com.", "localhost:8080") into
 * the host name we store ("example.com", "localhost"), or null when it is not a host name.
 * A leading "www." is dropped so one entry covers both forms. IP addresses are kept as written.
 */
export function normalizeSite(input: string): string | null {
  let text = input.trim().toLowerCase();
  if (text === '') return null;
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(text)) {
    try {
      text = new URL(text).hostname;
    } catch {
      return null;
    }
  } else {
    text = text.replace(/[/?#].*$/, '').replace(/:\d+$/, '');
  }
  text = text.replace(/\.$/, '').replace(/^www\./, '');
  if (text === '' || text.length > MAX_HOST_LENGTH) return null;
  if (/^\[[0-9a-f:.]+\]$/.test(text)) return text;
  const labels = text.split('.');
  if (!labels.every((label) => HOST_LABEL.test(label))) return null;
  return text;
}

/** True when `entry` is the host itself or one of its parent domains. */
function coversHost(entry: string, host: string): boolean {
  return host === entry || host.endsWith(`.${entry}`);
}

/**
 * Whether Crosscheck runs on pages of `hostname`. An entry covers its subdomains, so disabling
 * "example.com" also disables "news.example.com". Pages without a host name (file:, about:) are
 * never in a list: they run in 'all-except-disabled' mode and not in 'only-enabled' mode.
 */
export function isSiteEnabled(settings: Settings, hostname: string): boolean {
  const host = normalizeSite(hostname);
  if (settings.siteMode === 'only-enabled') {
    return host !== null && settings.enabledSites.some((entry) => coversHost(entry, host));
  }
  return host === null || !settings.disabledSites.some((entry) => coversHost(entry, host));
}

/**
 * Returns settings in which `hostname` is enabled or disabled under the current site mode.
 * Turning a site on removes every entry that covers it (including parent domains) from the
 * disabled list, so the switch always takes effect; turning it off adds just this host.
 * An invalid host name returns the settings unchanged.
 */
export function setSiteEnabled(settings: Settings, hostname: string, enabled: boolean): Settings {
  const host = normalizeSite(hostname);
  if (host === null) return settings;
  if (settings.siteMode === 'only-enabled') {
    const enabledSites = enabled
      ? addSite(settings.enabledSites, host)
      : settings.enabledSites.filter((entry) => !coversHost(entry, host));
    return { ...settings, enabledSites };
  }
  const disabledSites = enabled
    ? settings.disabledSites.filter((entry) => !coversHost(entry, host))
    : addSite(settings.disabledSites, host);
  return { ...settings, disabledSites };
}

function addSite(list: readonly string[], host: string): string[] {
  return list.includes(host) ? [...list] : [...list, host].sort();
}

export interface ParsedSettings {
  settings: Settings;
  /** A message for the user naming what was unreadable, or null when everything was valid. */
  error: string | null;
  /** The same as data, for pages that show it through the locale. */
  unreadable: boolean;
  resetFields: string[];
}

/**
 * Reads stored settings. Missing data gives the defaults silently; corrupt fields fall back to
 * their defaults one by one (valid fields are kept) and are named in `error`.
 */
export function parseSettings(raw: unknown): ParsedSettings {
  if (raw === undefined || raw === null) {
    return { settings: copyDefaults(), error: null, unreadable: false, resetFields: [] };
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      settings: copyDefaults(),
      error:
        'Your saved settings could not be read (they are not a settings object), so the defaults are in use.',
      unreadable: true,
      resetFields: [],
    };
  }
  const record = raw as Record<string, unknown>;
  const bad: string[] = [];
  const pick = <T extends string>(field: keyof Settings, allowed: readonly T[], fallback: T): T => {
    const value = record[field];
    if (value === undefined) return fallback;
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    bad.push(field);
    return fallback;
  };
  const sites = (field: 'disabledSites' | 'enabledSites'): string[] => {
    const value = record[field];
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      bad.push(field);
      return [];
    }
    const hosts = new Set<string>();
    let dropped = false;
    for (const item of value.slice(0, MAX_SITES)) {
      const host = typeof item === 'string' ? normalizeSite(item) : null;
      if (host === null) dropped = true;
      else hosts.add(host);
    }
    if (dropped || value.length > MAX_SITES) bad.push(field);
    return [...hosts].sort();
  };
  const settings: Settings = {
    version: SETTINGS_VERSION,
    sensitivity: pick('sensitivity', SENSITIVITY_PRESETS, DEFAULT_SETTINGS.sensitivity),
    highlightMode: pick('highlightMode', HIGHLIGHT_MODES, DEFAULT_SETTINGS.highlightMode),
    highlightStyle: pick('highlightStyle', HIGHLIGHT_STYLES, DEFAULT_SETTINGS.highlightStyle),
    siteMode: pick('siteMode', SITE_MODES, DEFAULT_SETTINGS.siteMode),
    disabledSites: sites('disabledSites'),
    enabledSites: sites('enabledSites'),
  };
  if (record.version !== undefined && record.version !== SETTINGS_VERSION) bad.unshift('version');
  const error =
    bad.length === 0
      ? null
      : `Some saved settings could not be read (${bad.join(', ')}); those were reset to their defaults.`;
  return { settings, error, unreadable: false, resetFields: bad };
}

function copyDefaults(): Settings {
  return { ...DEFAULT_SETTINGS, disabledSites: [], enabledSites: [] };
}
