/**
 * End-to-end harness: the real server (a `node src/server/main.ts` child on
 * its own port and data directory, serving the built app from dist/) and
 * Debian's Chromium driven by playwright-core.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The seeded coordinators' password on every e2e server (BUURTLOG_COORDINATOR_PASSWORD), unless a test sets its own. */
export const E2E_COORDINATOR_PASSWORD = 'e2e-coordinator-wachtwoord';
export const E2E_COORDINATOR_EMAIL = 'coordinator@alblasserdam.example';

export type RunningServer = {
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** SIGTERM and wait for a graceful exit. */
  stop(): Promise<void>;
  /** SIGKILL: the process dies wherever it is. */
  kill(): Promise<void>;
};

export async function startServer(opts: { dataDir?: string; port?: number; env?: Record<string, string> } = {}): Promise<RunningServer> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'buurtlog-e2e-'));
  const child = spawn(process.execPath, ['src/server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(opts.port ?? 0),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      STATIC_DIR: 'dist',
      DATABASE_URL: '',
      BUURTLOG_COORDINATOR_PASSWORD: E2E_COORDINATOR_PASSWORD,
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /https?:\/\/(?:localhost|127\.0\.0\.1|0\.0\.0\.0):(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${match[1]}`);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  const port = Number(new URL(url).port);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    port,
    dataDir,
    stop: () => signal(child, 'SIGTERM', exited),
    kill: () => signal(child, 'SIGKILL', exited),
  };
}

function signal(child: ChildProcess, sig: NodeJS.Signals, exited: Promise<void>): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) child.kill(sig);
  return exited;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** A phone-sized context: each context is another device with its own IndexedDB. */
export async function newDevice(
  browser: Browser,
  /** `bypassCSP`: for a bench that loads its own reference script (dexie.js) into the app's page. */
  opts: { userAgent?: string; colorScheme?: 'light' | 'dark'; bypassCSP?: boolean } = {},
): Promise<BrowserContext> {
  return browser.newContext({
    colorScheme: opts.colorScheme ?? 'light',
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    ...(opts.userAgent ? { userAgent: opts.userAgent } : {}),
    ...(opts.bypassCSP ? { bypassCSP: true } : {}),
  });
}

/** User agents of the phones and tablets in the tests (the app names a device after them). */
export const ANDROID_PHONE_UA = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36';
export const ANDROID_TABLET_UA = 'Mozilla/5.0 (Linux; Android 14; Tablet) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';

/** A context with a profile on disk: survives a browser restart; Chromium calls only these installable. */
export async function launchPersistentDevice(): Promise<{ context: BrowserContext; dir: string; dispose(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'buurtlog-profile-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 390, height: 844 },
    locale: 'nl-NL',
  });
  return {
    context,
    dir,
    dispose: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Signs a device in through the API (as the seeded coordinator unless told otherwise); answers its device token. */
export async function signIn(server: RunningServer, opts: { deviceId?: string; email?: string; password?: string } = {}): Promise<string> {
  const response = await fetch(`${server.url}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: opts.email ?? E2E_COORDINATOR_EMAIL,
      password: opts.password ?? E2E_COORDINATOR_PASSWORD,
      deviceId: opts.deviceId ?? 'e2e-observer-0001',
      deviceName: 'e2e observer',
    }),
  });
  if (response.status !== 200) throw new Error(`sign-in answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

/**
 * The server's view of the tenant: every record, pulled page by page like a
 * device would, signed in as the coordinator — or as `account`, to see what
 * that person's device gets.
 */
export async function serverRecords(
  server: RunningServer,
  deviceId = 'e2e-observer-0001',
  account?: { email: string; password: string },
): Promise<Array<Record<string, unknown>>> {
  const token = await signIn(server, { deviceId, ...account });
  const records: Array<Record<string, unknown>> = [];
  let cursor = '0';
  for (;;) {
    const response = await fetch(`${server.url}/api/v1/sync/pull?cursor=${encodeURIComponent(cursor)}&limit=1000`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (response.status !== 200) throw new Error(`pull answered ${response.status}: ${await response.text()}`);
    const page = (await response.json()) as { records: Array<Record<string, unknown>>; cursor: string; hasMore: boolean };
    records.push(...page.records);
    cursor = page.cursor;
    if (!page.hasMore) return records;
  }
}
