import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  isSiteEnabled,
  normalizeSite,
  parseSettings,
  type Settings,
  setSiteEnabled,
  thresholdFor,
} from '../../src/shared/settings.ts';

const base = (): Settings => ({ ...DEFAULT_SETTINGS, disabledSites: [], enabledSites: [] });

describe('thresholdFor', () => {
  it('leaves balanced to the matcher default', () => {
    expect(thresholdFor('balanced')).toBeUndefined();
    expect(thresholdFor('balanced', 0.6)).toBeUndefined();
  });
  it('moves strict up and lenient down from the matcher default', () => {
    expect(thresholdFor('strict', 0.6)).toBe(0.7);
    expect(thresholdFor('lenient', 0.6)).toBe(0.5);
  });
  it('keeps thresholds inside a usable band', () => {
    expect(thresholdFor('strict', 0.9)).toBe(0.95);
    expect(thresholdFor('lenient', 0.1)).toBe(0.05);
  });
  it('does not invent a number without the matcher default', () => {
    expect(thresholdFor('strict')).toBeUndefined();
    expect(thresholdFor('lenient', Number.NaN)).toBeUndefined();
  });
});

describe('parseSettings', () => {
  it('gives defaults without error when nothing is stored', () => {
    expect(parseSettings(undefined)).toEqual({
      settings: base(),
      error: null,
      unreadable: false,
      resetFields: [],
    });
  });
  it('round-trips valid settings', () => {
    const s: Settings = {
      ...base(),
      sensitivity: 'strict',
      highlightMode: 'conflicting',
      highlightStyle: 'background',
      siteMode: 'only-enabled',
      enabledSites: ['bbc.co.uk', 'example.com'],
    };
    expect(parseSettings(JSON.parse(JSON.stringify(s)))).toEqual({
      settings: s,
      error: null,
      unreadable: false,
      resetFields: [],
    });
  });
  it('replaces a non-object with defaults and says so', () => {
    for (const raw of ['garbage', 42, [1, 2], true]) {
      const { settings, error } = parseSettings(raw);
      expect(settings).toEqual(base());
      expect(error).toMatch(/could not be read/);
      expect(parseSettings(raw).unreadable).toBe(true);
    }
  });
  it('resets only the corrupt fields and names them', () => {
    const { settings, error } = parseSettings({
      sensitivity: 'paranoid',
      highlightMode: 'conflicting',
      highlightStyle: 7,
      disabledSites: ['example.com', 12, 'not a host!'],
    });
    expect(settings.sensitivity).toBe('balanced');
    expect(settings.highlightMode).toBe('conflicting');
    expect(settings.highlightStyle).toBe('underline');
    expect(settings.disabledSites).toEqual(['example.com']);
    expect(error).toContain('sensitivity');
    expect(error).toContain('highlightStyle');
    expect(error).toContain('disabledSites');
    expect(error).not.toContain('highlightMode');
    expect(parseSettings({ sensitivity: 'paranoid', highlightStyle: 7 }).resetFields).toEqual([
      'sensitivity',
      'highlightStyle',
    ]);
  });
  it('reports an unknown version', () => {
    expect(parseSettings({ version: 99 }).error).toContain('version');
  });
  it('does not throw on hostile objects', () => {
    const hostile = JSON.parse('{"__proto__": {"sensitivity": "strict"}, "highlightMode": {"toString": 1}}');
    expect(() => parseSettings(hostile)).not.toThrow();
    const { settings, error } = parseSettings(hostile);
    expect(settings.sensitivity).toBe('balanced');
    expect(error).toContain('highlightMode');
  });
});

describe('normalizeSite', () => {
  it('reduces URLs and typed hosts to a bare host name', () => {
    expect(normalizeSite('https://www.Example.com/news?a=1')).toBe('example.com');
    expect(normalizeSite('example.com.')).toBe('example.com');
    expect(normalizeSite('localhost:8080')).toBe('localhost');
    expect(normalizeSite(' news.bbc.co.uk/world ')).toBe('news.bbc.co.uk');
  });
  it('rejects what is not a host name', () => {
    for (const bad of ['', '   ', 'not a host', 'javascript:alert(1)', '<img src=x>', '-bad-.com', 'a..b']) {
      expect(normalizeSite(bad)).toBeNull();
    }
  });
});

describe('site switches', () => {
  it('runs everywhere by default', () => {
    expect(isSiteEnabled(base(), 'example.com')).toBe(true);
  });
  it('disables a site and its subdomains, and re-enables it', () => {
    const off = setSiteEnabled(base(), 'www.example.com', false);
    expect(off.disabledSites).toEqual(['example.com']);
    expect(isSiteEnabled(off, 'example.com')).toBe(false);
    expect(isSiteEnabled(off, 'news.example.com')).toBe(false);
    expect(isSiteEnabled(off, 'notexample.com')).toBe(true);
    const on = setSiteEnabled(off, 'news.example.com', true);
    expect(isSiteEnabled(on, 'news.example.com')).toBe(true);
    expect(on.disabledSites).toEqual([]);
  });
  it('in only-enabled mode runs only on listed sites', () => {
    const s = { ...base(), siteMode: 'only-enabled' as const };
    expect(isSiteEnabled(s, 'example.com')).toBe(false);
    expect(isSiteEnabled(s, '')).toBe(false);
    const on = setSiteEnabled(s, 'example.com', true);
    expect(on.enabledSites).toEqual(['example.com']);
    expect(isSiteEnabled(on, 'example.com')).toBe(true);
    expect(isSiteEnabled(setSiteEnabled(on, 'example.com', false), 'example.com')).toBe(false);
  });
  it('does not mutate its input and ignores invalid hosts', () => {
    const s = base();
    setSiteEnabled(s, 'example.com', false);
    expect(s.disabledSites).toEqual([]);
    expect(setSiteEnabled(s, 'not a host', false)).toBe(s);
  });
  it('does not add the same site twice', () => {
    const s = setSiteEnabled(setSiteEnabled(base(), 'example.com', false), 'EXAMPLE.com', false);
    expect(s.disabledSites).toEqual(['example.com']);
  });
});
