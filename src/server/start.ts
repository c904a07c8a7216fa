/**
 * `npm start`: serve Buurtlog, building the app first only when the build is
 * missing or older than its sources. Installing belongs to set-up
 * (`bash .ci/setup`), so a restart needs no network and no reinstall.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { needsBuild } from './build-freshness.ts';

function main(): void {
  const root = resolve(import.meta.dirname, '../..');
  if (!existsSync(join(root, 'node_modules', 'vite'))) {
    console.error('Buurtlog is nog niet geïnstalleerd: voer eerst `bash .ci/setup` uit (installeert Node 24 en de afhankelijkheden).');
    process.exit(1);
  }
  // Only the app's own build folder is (re)built; another STATIC_DIR is served as it is.
  const staticDir = resolve(root, process.env['STATIC_DIR'] || 'dist');
  if (staticDir === join(root, 'dist') && needsBuild(root, staticDir)) {
    console.log('De app wordt gebouwd (de bouw ontbreekt of is ouder dan de bronnen) …');
    const build = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
}

main();
await import('./main.ts');
