/**
 * `npm start` (src/server/start.ts) installs nothing and builds only when the
 * build is missing or older than its sources, so a restart needs no network
 * and answers its health check within seconds.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { needsBuild } from '../../../src/server/build-freshness.ts';
import { startServer, type ServerProcess } from './server-process.ts';

const folders: string[] = [];
let server: ServerProcess | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function folder(): string {
  const made = mkdtempSync(join(tmpdir(), 'buurtlog-start-'));
  folders.push(made);
  return made;
}

/** A file at `path`, last changed `secondsAgo` before now (its folder too: a file added or removed changes it). */
function fileChanged(path: string, secondsAgo: number): void {
  writeFileSync(path, 'x');
  const at = (Date.now() - secondsAgo * 1000) / 1000;
  utimesSync(path, at, at);
  utimesSync(dirname(path), at, at);
}

test('a build newer than every source is served as it is; a missing or older one is built again', () => {
  const root = folder();
  mkdirSync(join(root, 'src', 'app'), { recursive: true });
  mkdirSync(join(root, 'dist'));
  fileChanged(join(root, 'src', 'app', 'App.tsx'), 120);
  fileChanged(join(root, 'src', 'main.ts'), 120);
  fileChanged(join(root, 'index.html'), 120);
  expect(needsBuild(root, join(root, 'dist'))).toBe(true);

  fileChanged(join(root, 'dist', 'index.html'), 60);
  expect(needsBuild(root, join(root, 'dist'))).toBe(false);

  fileChanged(join(root, 'src', 'app', 'App.tsx'), 10);
  expect(needsBuild(root, join(root, 'dist'))).toBe(true);
});

test('npm start serves an existing build without installing or building, and answers its health check within seconds', async () => {
  const built = folder();
  writeFileSync(join(built, 'index.html'), '<!doctype html><title>Buurtlog</title>');
  const startedAt = performance.now();
  server = await startServer({ DATA_DIR: folder(), DATABASE_URL: '', STATIC_DIR: built }, 15_000, 'src/server/start.ts');
  const health = await fetch(`${server.url}/api/v1/health`);
  const seconds = (performance.now() - startedAt) / 1000;
  expect(health.status).toBe(200);
  expect(server.output()).not.toMatch(/gebouwd|added \d+ packages/);
  console.log(`npm start → health check answered in ${seconds.toFixed(2)} s`);
  // The goal is 3 s on an idle machine; the bound leaves room for a loaded CI machine.
  expect(seconds).toBeLessThan(10);
});
