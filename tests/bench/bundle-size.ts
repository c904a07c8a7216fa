/**
 * Size of what a phone downloads before the app can start: the scripts,
 * module preloads and stylesheets that dist/index.html references, gzipped.
 * Lazy chunks are not counted — they load later.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export type BundleSize = { files: Array<{ file: string; gzipBytes: number }>; totalGzipBytes: number };

export function initialBundleSize(distDir = 'dist'): BundleSize {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const refs = new Set<string>();
  for (const match of html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="([^"]+\.(?:js|css))"/g)) {
    refs.add((match[1] as string).replace(/^\//, ''));
  }
  const files = [...refs].map((file) => ({ file, gzipBytes: gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length }));
  return { files, totalGzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0) };
}

export const INITIAL_BUDGET_BYTES = 70 * 1024;
export const INITIAL_GOAL_BYTES = 60 * 1024;
