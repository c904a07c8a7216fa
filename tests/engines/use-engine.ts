import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { launchEngine, type EngineBrowser, type EngineName } from './drivers.ts';
import { Site } from './phone.ts';

/**
 * One server and one browser of `engine` for a describe block, started
 * before its tests and stopped after them. The server serves its own copy of
 * the build (`staticDir`), so a test can publish a "new version" of the app.
 * Read the fields inside tests.
 */
export function useEngine(engine: EngineName): { site: Site; browser: EngineBrowser; staticDir: string } {
  const running = {} as { site: Site; browser: EngineBrowser; staticDir: string };
  beforeAll(async () => {
    running.staticDir = mkdtempSync(join(tmpdir(), `buurtlog-dist-${engine}-`));
    cpSync('dist', running.staticDir, { recursive: true });
    running.site = await Site.start({ STATIC_DIR: running.staticDir });
    running.browser = await launchEngine(engine);
  });
  afterAll(async () => {
    await running.browser?.close();
    await running.site?.stop();
    if (running.staticDir) rmSync(running.staticDir, { recursive: true, force: true });
  });
  return running;
}
