/**
 * Least privilege, read from the built manifests the browsers actually load: no host permissions, no
 * API permission beyond the ones the README justifies, nothing web-accessible (pages cannot detect or
 * load the extension's files), no external messaging, and a strict CSP for extension pages.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROME_DIST, FIREFOX_DIST } from './support/hostile.ts';

/** storage: settings and sources; unlimitedStorage: 5 MB pastes × 500 sources; contextMenus: "Check selected text". */
const JUSTIFIED = new Set(['storage', 'unlimitedStorage', 'contextMenus']);

const builds = [
  ['chrome', CHROME_DIST],
  ['firefox', FIREFOX_DIST],
].filter(([, dist]) => existsSync(join(dist!, 'manifest.json'))) as [string, string][];

describe.skipIf(builds.length === 0)('built manifests ask for the least that works', () => {
  for (const [name, dist] of builds) {
    const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as Record<string, unknown>;

    it(`${name}: only justified API permissions, no host permissions, nothing optional`, () => {
      console.log(`[manifest] ${name} permissions: ${JSON.stringify(manifest.permissions)}`);
      for (const permission of (manifest.permissions as string[] | undefined) ?? []) {
        expect(JUSTIFIED, `permission "${permission}"`).toContain(permission);
      }
      expect(manifest.host_permissions ?? []).toEqual([]);
      expect(manifest.optional_permissions ?? []).toEqual([]);
      expect(manifest.optional_host_permissions ?? []).toEqual([]);
    });

    it(`${name}: no web-accessible resources and no external messaging`, () => {
      expect(manifest.web_accessible_resources ?? []).toEqual([]);
      expect(manifest.externally_connectable).toBeUndefined();
    });

    it(`${name}: extension pages have a strict CSP (no remote, inline or eval script; no network)`, () => {
      const csp =
        (manifest.content_security_policy as { extension_pages?: string } | undefined)?.extension_pages ?? '';
      const directives = new Map(
        csp
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .filter((parts) => parts[0])
          .map(([directive, ...values]) => [directive!, values]),
      );
      expect(directives.get('script-src')).toEqual(["'self'"]);
      expect(directives.get('object-src')).toEqual(["'none'"]);
      expect(directives.get('connect-src')).toEqual(["'none'"]);
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    });
  }

  // Regression for notes/robustness-findings.md finding R1 (fixed in 4daf6be): unlimitedStorage was requested but the README's
  // "Permissions, and why" table does not explain it (issue 6: "explain each permission in the README").
  it('every requested permission is explained in the README (finding R1)', () => {
    const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Permissions'));
    const [, dist] = builds[0]!;
    const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as {
      permissions?: string[];
    };
    const unexplained = (manifest.permissions ?? []).filter((p) => !section.includes(`\`${p}\``));
    expect(unexplained).toEqual([]);
  });
});
