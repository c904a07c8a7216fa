/**
 * WebKit as Debian ships it: WebKitGTK's WebKitWebDriver driving its
 * MiniBrowser on a private Xvfb display, spoken to by a small W3C WebDriver
 * client over fetch (only the commands the engine layer needs).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

const WEBKIT_DRIVER_PATH = process.env['WEBKIT_DRIVER_PATH'] ?? '/usr/bin/WebKitWebDriver';
const MINIBROWSER_PATH = process.env['MINIBROWSER_PATH'] ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** The W3C element reference key. */
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

export type WebDriverSession = {
  /** POST/GET/DELETE a command of this session; answers its `value`, throws its error. */
  command(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<unknown>;
  /** The element reference of the first match of a CSS selector. */
  element(selector: string): Promise<string>;
  /** Runs `(source)(arg)` in the page, awaiting a promise it returns. */
  run<T>(source: string, arg: unknown): Promise<T>;
  close(): Promise<void>;
};

export type WebKitHost = {
  /** A new MiniBrowser (a phone with its own storage) in a new session. */
  newSession(): Promise<WebDriverSession>;
  close(): Promise<void>;
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Xvfb on the first free display it finds (-displayfd); answers the display and the process. */
async function startXvfb(): Promise<{ display: string; process: ChildProcess }> {
  const xvfb = spawn('Xvfb', ['-displayfd', '1', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const display = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Xvfb did not start: ${output}`)), 15_000);
    xvfb.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^(\d+)\s*$/m.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(`:${match[1]}`);
      }
    });
    xvfb.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited with ${code}: ${output}`)));
  });
  return { display, process: xvfb };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3_000))]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

/** A WebKitWebDriver on a free port, answering /status. It drives one session at a time. */
async function startDriver(display: string): Promise<{ base: string; process: ChildProcess }> {
  const port = await freePort();
  const driver = spawn(WEBKIT_DRIVER_PATH, [`--port=${port}`], { env: { ...process.env, DISPLAY: display }, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  driver.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4_000)));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    const up = await fetch(`${base}/status`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) return { base, process: driver };
    if (Date.now() > deadline) throw new Error(`WebKitWebDriver did not start: ${log}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function call(base: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? (method === 'POST' ? { body: '{}' } : {}) : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(90_000),
  });
  const answer = (await response.json()) as { value: unknown };
  const value = answer.value as { error?: string; message?: string } | null;
  if (!response.ok || (value && typeof value === 'object' && 'error' in value && value.error))
    throw new Error(`WebDriver ${method} ${path}: ${value?.error ?? response.status} ${value?.message ?? ''}`);
  return answer.value;
}

/**
 * WebKit for a test file: one Xvfb display, and a WebKitWebDriver per session
 * (it drives one MiniBrowser at a time; a second phone is a second driver).
 */
export async function launchWebKit(): Promise<WebKitHost> {
  const xvfb = await startXvfb();
  const sessions = new Set<WebDriverSession>();
  return {
    async newSession() {
      const driver = await startDriver(xvfb.display);
      const created = (await call(driver.base, 'POST', '/session', {
        capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary: MINIBROWSER_PATH, args: ['--automation'] }, strictFileInteractability: false } },
      })) as { sessionId: string };
      const prefix = `/session/${created.sessionId}`;
      const command = (method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown) => call(driver.base, method, `${prefix}${path}`, body);
      const session: WebDriverSession = {
        command,
        async element(selector) {
          const found = (await command('POST', '/element', { using: 'css selector', value: selector })) as Record<string, string>;
          return found[ELEMENT] as string;
        },
        async run<T>(source: string, arg: unknown) {
          const answer = (await command('POST', '/execute/async', {
            script: `const done = arguments[arguments.length - 1];
              Promise.resolve().then(() => (${source})(arguments[0])).then((value) => done({ value }), (error) => done({ error: String(error && error.stack || error) }));`,
            args: [arg ?? null],
          })) as { value?: T; error?: string };
          if (answer.error) throw new Error(`in the page: ${answer.error}`);
          return answer.value as T;
        },
        async close() {
          if (!sessions.delete(session)) return;
          await command('DELETE', '').catch(() => undefined);
          await stop(driver.process);
        },
      };
      sessions.add(session);
      await command('POST', '/timeouts', { script: 60_000, pageLoad: 60_000 });
      return session;
    },
    async close() {
      for (const session of [...sessions]) await session.close();
      await stop(xvfb.process);
    },
  };
}
