import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, startServer, type RunningServer } from './harness.ts';

/**
 * One real server and one Chromium for a describe block, started before its
 * tests and stopped after them. Read the fields inside tests, not at import.
 */
export function useServerAndBrowser(opts: { env?: () => Record<string, string> } = {}): { server: RunningServer; browser: Browser } {
  const running = {} as { server: RunningServer; browser: Browser };
  beforeAll(async () => {
    running.server = await startServer(opts.env ? { env: opts.env() } : {});
    running.browser = await launchBrowser();
  });
  afterAll(async () => {
    await running.browser?.close();
    await running.server?.stop();
  });
  return running;
}
