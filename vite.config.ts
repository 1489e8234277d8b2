/**
 * Builds the extension for one browser per run: `vite build --mode chrome` → dist/chrome,
 * `vite build --mode firefox` → dist/firefox. Both builds come from the one top-level
 * manifest.json; the Firefox build swaps the service worker for `background.scripts` and adds
 * the gecko id that Firefox needs for storage. The content script is a standalone IIFE, so no
 * loader and no web-accessible chunk is exposed to pages.
 */
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };

type Target = 'chrome' | 'firefox';

const GECKO_ID = 'crosscheck@crosscheck.example';

function selectTarget(mode: string): Target {
  if (mode === 'chrome' || mode === 'firefox') return mode;
  throw new Error(`vite build needs --mode chrome or --mode firefox, got "${mode}"`);
}

function createManifest(target: Target): ManifestV3Export {
  const manifest = structuredClone(baseManifest) as Record<string, unknown>;
  if (target === 'firefox') {
    const background = manifest.background as { service_worker: string; type: string };
    manifest.background = { scripts: [background.service_worker], type: 'module' };
    delete manifest.minimum_chrome_version;
    manifest.browser_specific_settings = {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      },
    };
  }
  return manifest as unknown as ManifestV3Export;
}

export default defineConfig(({ mode }) => {
  const target = selectTarget(mode);
  return {
    build: {
      outDir: `dist/${target}`,
      emptyOutDir: true,
      target: 'es2022',
      minify: false,
      sourcemap: false,
      modulePreload: false,
    },
    plugins: [
      crx({
        manifest: createManifest(target),
        browser: target,
        contentScripts: { standaloneFiles: ['src/content/index.ts'] },
      }),
    ],
    server: { host: '127.0.0.1' },
  };
});
