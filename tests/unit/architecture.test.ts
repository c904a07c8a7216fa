/**
 * The import boundaries of STYLE.md, held by a test: the domain is pure and
 * shared, the server never reaches into the app, dexie stays inside the store.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../src');

/** What each layer may import: other layers of src, and packages (prefix match). */
const ALLOWED: Record<string, { layers: string[]; packages: string[] }> = {
  domain: { layers: ['domain'], packages: ['zod/mini'] },
  // Every layer parses what crosses its boundary with the shared schemas, so zod/mini is everywhere.
  store: { layers: ['domain', 'store'], packages: ['dexie', 'idb-keyval', 'zod/mini'] },
  sync: { layers: ['domain', 'store', 'sync'], packages: ['zod/mini'] },
  app: { layers: ['domain', 'store', 'sync', 'sw', 'app'], packages: ['preact', 'zod/mini', 'uqr'] },
  sw: { layers: ['domain', 'store', 'sync', 'sw'], packages: ['workbox-', 'zod/mini'] },
  // @zxcvbn-ts/language-common: the list of common and breached passwords (data only).
  server: { layers: ['domain', 'server'], packages: ['node:', 'hono', '@hono/', 'kysely', 'better-sqlite3', 'pg', 'zod', '@zxcvbn-ts/language-common'] },
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  const specifiers = [...code.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g), ...code.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)];
  return specifiers.map((m) => m[1] as string);
}

describe('import boundaries', () => {
  const files = sourceFiles(SRC);

  it.each(Object.keys(ALLOWED))('%s imports only what it may', (layer) => {
    const rules = ALLOWED[layer] as { layers: string[]; packages: string[] };
    const violations: string[] = [];
    for (const file of files.filter((f) => relative(SRC, f).split(sep)[0] === layer)) {
      for (const spec of importsOf(file)) {
        if (spec.startsWith('.')) {
          const target = relative(SRC, join(file, '..', spec)).split(sep)[0] as string;
          if (!rules.layers.includes(target)) violations.push(`${relative(SRC, file)} → ${spec}`);
        } else if (!rules.packages.some((p) => spec === p || spec.startsWith(p.endsWith(':') || p.endsWith('-') || p.endsWith('/') ? p : `${p}/`) || spec === p)) {
          violations.push(`${relative(SRC, file)} → ${spec}`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('uses zod/mini, never full zod, in code that ships to the phone', () => {
    const shipped = files.filter((f) => !relative(SRC, f).startsWith('server'));
    const fullZod = shipped.filter((f) => importsOf(f).some((spec) => spec === 'zod' || spec === 'zod/v4'));
    expect(fullZod.map((f) => relative(SRC, f))).toEqual([]);
  });
});
