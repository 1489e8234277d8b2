/**
 * Renders the extension icons (public/icons/icon-{16,32,48,128}.png) from one SVG design with
 * headless Chromium, so the PNGs can be regenerated exactly. Run: `npx tsx scripts/render-icons.ts`.
 *
 * Design: two overlapping news documents (the sources) on a blue tile, crossed by a green check
 * mark (they agree). Below 32 px the document lines are dropped and strokes thickened so the
 * shape stays legible.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const SIZES = [16, 32, 48, 128] as const;
const OUT_DIR = join(import.meta.dirname, '..', 'public', 'icons');

export function iconSvg(size: number): string {
  const detailed = size >= 32;
  const lines = detailed
    ? [50, 60, 70]
        .map(
          (y, i) => `<rect x="54" y="${y}" width="${i === 2 ? 22 : 34}" height="5" rx="2.5" fill="#9db4d9"/>`,
        )
        .join('')
    : '';
  const check = detailed
    ? { d: 'M60 86 L76 101 L108 64', width: 13, halo: 25 }
    : { d: 'M56 84 L76 104 L112 60', width: 20, halo: 34 };
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 128 128">
  <defs>
    <linearGradient id="tile" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#2b6be6"/>
      <stop offset="1" stop-color="#0b3f9e"/>
    </linearGradient>
  </defs>
  <rect x="4" y="4" width="120" height="120" rx="28" fill="url(#tile)"/>
  <rect x="22" y="20" width="56" height="72" rx="9" fill="#ffffff" fill-opacity="0.5" transform="rotate(-9 50 56)"/>
  <rect x="44" y="34" width="56" height="72" rx="9" fill="#ffffff"/>
  ${lines}
  <path d="${check.d}" fill="none" stroke="#0b3f9e" stroke-width="${check.halo}" stroke-linecap="round" stroke-linejoin="round"/>
  <path d="${check.d}" fill="none" stroke="#34d27b" stroke-width="${check.width}" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;
}

async function main(): Promise<void> {
  mkdirSync(OUT_DIR, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    for (const size of SIZES) {
      await page.setContent(
        `<!doctype html><html><body style="margin:0;background:transparent">${iconSvg(size)}</body></html>`,
      );
      const png = await page.locator('svg').screenshot({ omitBackground: true });
      writeFileSync(join(OUT_DIR, `icon-${size}.png`), png);
      console.log(`icon-${size}.png: ${png.length} bytes`);
    }
  } finally {
    await browser.close();
  }
}

await main();
