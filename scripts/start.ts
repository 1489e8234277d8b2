/**
 * `npm start`: serves the fixture news pages on 127.0.0.1 and opens a headed Chromium with the
 * freshly built extension (dist/chrome) on the demo article, in a throw-away profile, so a
 * newcomer sees the highlights, the card, the badge and the popup in one step. Without a display
 * it says so, keeps serving the pages and prints how to load the extension by hand.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROME_DIST, CHROMIUM_PATH, chromiumArgs, FIXTURE_PAGES } from '../tests/e2e/support/chromium.ts';
import { startStaticServer } from '../tests/e2e/support/static-server.ts';

const PORT = Number(process.env.PORT ?? 8765);
const DEMO_PAGE = 'iraq-troops-article.html';

function printManualSteps(url: string): void {
  console.log(`
To try it in your own browser:
  Chrome/Chromium: open chrome://extensions, turn on "Developer mode", click "Load unpacked" and
                   choose ${CHROME_DIST}
  Firefox:         open about:debugging#/runtime/this-firefox, click "Load Temporary Add-on…" and
                   choose ${resolve(CHROME_DIST, '../firefox/manifest.json')}
Then open ${url}
Press Ctrl+C to stop the server.`);
}

async function main(): Promise<void> {
  if (!existsSync(join(CHROME_DIST, 'manifest.json'))) {
    console.error(
      `No build found at ${CHROME_DIST}. Run "npm run build" first (npm start does this for you).`,
    );
    process.exit(1);
  }
  const server = await startStaticServer(FIXTURE_PAGES, PORT).catch(() =>
    startStaticServer(FIXTURE_PAGES, 0),
  );
  const url = server.url(DEMO_PAGE);
  console.log(`Crosscheck demo page: ${url}`);
  console.log(`Unrelated page (no highlights expected): ${server.url('weather-article.html')}`);

  const hasDisplay =
    Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) || process.platform === 'darwin';
  if (!hasDisplay) {
    console.log(
      '\nNo display is available (neither DISPLAY nor WAYLAND_DISPLAY is set), so Chromium cannot open a window here.',
    );
    printManualSteps(url);
    return;
  }
  if (!existsSync(CHROMIUM_PATH)) {
    console.log(`\nChromium was not found at ${CHROMIUM_PATH} (set CHROMIUM_PATH to use another).`);
    printManualSteps(url);
    return;
  }

  const profile = mkdtempSync(join(tmpdir(), 'crosscheck-start-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: false,
    viewport: null,
    // A person's browser keeps its GPU, and its sandbox unless we run as root (where Chromium refuses
    // to start without --no-sandbox).
    args: chromiumArgs(CHROME_DIST).filter(
      (arg) => arg !== '--disable-gpu' && (arg !== '--no-sandbox' || process.getuid?.() === 0),
    ),
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  console.log(
    '\nChromium is open with Crosscheck loaded. Hover a highlighted sentence, or click the toolbar button',
  );
  console.log(
    '(pin Crosscheck from the puzzle-piece menu to see its badge). Close the window or press Ctrl+C to stop.',
  );
  const stop = async () => {
    await context.close().catch(() => undefined);
    await server.close();
    rmSync(profile, { recursive: true, force: true });
    process.exit(0);
  };
  context.on('close', () => void stop());
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
