/**
 * Runs the real server (`node src/server/main.ts`) as a child process on a
 * free port, for tests that need more than one process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
const STARTED = /http:\/\/localhost:(\d+)/;

export type ServerProcess = {
  readonly url: string;
  /** Everything printed so far. */
  output(): string;
  /** SIGTERM, then the exit code once it has shut down. */
  stop(): Promise<number | null>;
  /** Last resort in afterAll. */
  kill(): void;
};

/** `script`: what `npm start` runs (start.ts) instead of the server itself. */
export async function startServer(env: Record<string, string>, timeoutMs = 15_000, script = 'src/server/main.ts'): Promise<ServerProcess> {
  const child = spawn(process.execPath, [script], {
    cwd: REPO_ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', STATIC_DIR: path.join(REPO_ROOT, 'no-static-dir-in-tests'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const port = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const check = () => {
      const match = STARTED.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1] as string);
      }
    };
    child.stdout?.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before it started:\n${output}`));
    });
  });

  return {
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
    kill: () => killIfRunning(child),
  };
}

function killIfRunning(child: ChildProcess): void {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}
