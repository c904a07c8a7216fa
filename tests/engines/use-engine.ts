import { afterAll, beforeAll } from 'vitest';
import { launchEngine, type EngineBrowser, type EngineName } from './drivers.ts';
import { Site } from './phone.ts';

/**
 * One server and one browser of `engine` for a describe block, started
 * before its tests and stopped after them. Read the fields inside tests.
 */
export function useEngine(engine: EngineName, opts: { env?: () => Record<string, string> } = {}): { site: Site; browser: EngineBrowser } {
  const running = {} as { site: Site; browser: EngineBrowser };
  beforeAll(async () => {
    running.site = opts.env ? await Site.startWith(opts.env()) : await Site.start();
    running.browser = await launchEngine(engine);
  });
  afterAll(async () => {
    await running.browser?.close();
    await running.site?.stop();
  });
  return running;
}
