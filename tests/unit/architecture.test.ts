/**
 * The import boundaries of STYLE.md, held by a test: the domain is pure and
 * shared, the server never reaches into the app, dexie stays inside the store,
 * the app reaches the store only through its UI-facing modules, and features
 * under src/app meet only through each other's public entry.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { AppContextValue } from '../../src/app/context.ts';
import { openStore } from '../../src/store/store.ts';
import type { SyncStore } from '../../src/store/sync-store.ts';

const SRC = join(import.meta.dirname, '../../src');

/** What each layer may import: other layers of src, and packages (prefix match). */
const ALLOWED: Record<string, { layers: string[]; packages: string[] }> = {
  domain: { layers: ['domain'], packages: ['zod/mini'] },
  // Every layer parses what crosses its boundary with the shared schemas, so zod/mini is everywhere.
  store: { layers: ['domain', 'store'], packages: ['dexie', 'idb-keyval', 'zod/mini'] },
  sync: { layers: ['domain', 'store', 'sync'], packages: ['zod/mini'] },
  app: { layers: ['domain', 'store', 'sync', 'sw', 'app'], packages: ['preact', 'zod/mini', 'uqr', 'lucide-preact'] },
  sw: { layers: ['domain', 'store', 'sync', 'sw'], packages: ['workbox-', 'zod/mini'] },
  // @zxcvbn-ts/language-common: the list of common and breached passwords (data only).
  server: {
    layers: ['domain', 'server'],
    packages: ['node:', 'hono', '@hono/', 'kysely', 'better-sqlite3', 'pg', 'zod', '@zxcvbn-ts/language-common', 'pino', 'prom-client'],
  },
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/**
 * The store modules src/app may import. The UI-facing ones (the screens' store
 * type, one module per feature, sync states, the session and device settings)
 * from anywhere; the wiring modules only from the files that wire the app.
 * Never the internals: the database, local writes, the outbox and pull, the
 * photo queue, the lazily loaded reads and writes.
 */
const STORE_FOR_APP: Record<string, 'any' | string[]> = {
  'ui-store.ts': 'any',
  'activity-store.ts': 'any',
  'attendance-store.ts': 'any',
  'schouw-store.ts': 'any',
  'patrol-store.ts': 'any',
  'photo-store.ts': 'any',
  'patrol-roster-store.ts': 'any',
  'config-store.ts': 'any',
  'outbox-store.ts': 'any',
  'export-store.ts': 'any',
  'sync-state.ts': 'any',
  'session.ts': 'any',
  'session-changes.ts': 'any',
  'settings.ts': 'any',
  'store.ts': ['main.tsx', 'account/session-actions.tsx'],
  'sync-store.ts': ['sync/start-sync.ts'],
  'wipe.ts': ['account/wipe-device.ts'],
};

/**
 * Folders of src/app that are building blocks, not features: any file may use
 * any of their modules, and they use no feature.
 */
const SHARED_APP_FOLDERS = ['ui', 'i18n', 'photos', 'place'];

/**
 * A feature's public entry, the only files another feature may import: its
 * components (a capitalised file name: its screens and the pieces it lends,
 * like account/DeviceList.tsx), its hooks (`use-*.ts`), its `routes.ts`, and
 * its stylesheets (which the components it lends need). Its logic, words and
 * wiring (lower-case modules) stay its own. The files at
 * the top of src/app (App.tsx, main.tsx, context, router, slots) are the
 * shell that wires the features together and may import any of them.
 */
function isPublicEntry(path: string): boolean {
  const name = basename(path);
  return /^[A-Z]/.test(name) || /^use-.*\.tsx?$/.test(name) || name === 'routes.ts' || name.endsWith('.css') || isWords(path);
}

/**
 * A feature's words (nl.ts, en.ts, their pack.ts and labels.ts) are public
 * too: a screen of another feature may show them (the admin screens speak of
 * accounts, the report of findings), and the first download's words are put
 * together from the features' own (i18n/core.ts).
 */
function isWords(path: string): boolean {
  return ['nl.ts', 'en.ts', 'pack.ts', 'labels.ts'].includes(basename(path));
}

function importsOf(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  const specifiers = [
    ...code.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g),
    ...code.matchAll(/(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g),
    ...code.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g),
  ];
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
        } else if (
          !rules.packages.some((p) => spec === p || spec.startsWith(p.endsWith(':') || p.endsWith('-') || p.endsWith('/') ? p : `${p}/`) || spec === p)
        ) {
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

describe('the app and the store', () => {
  const appFiles = sourceFiles(join(SRC, 'app'));

  it('imports only the store modules meant for it', () => {
    const violations: string[] = [];
    for (const file of appFiles) {
      const from = relative(join(SRC, 'app'), file).split(sep).join('/');
      for (const spec of importsOf(file).filter((s) => s.startsWith('.'))) {
        const target = relative(SRC, join(file, '..', spec)).split(sep);
        if (target[0] !== 'store') continue;
        const allowed = STORE_FOR_APP[target.slice(1).join('/')];
        if (allowed === undefined || (allowed !== 'any' && !allowed.includes(from))) violations.push(`app/${from} → ${spec}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('gives screens a store without the engine’s calls: none of them is reachable from the UI store', async () => {
    const device = await openStore({ deviceId: 'arch-test-device', tenantId: 'arch', indexedDB: new IDBFactory(), IDBKeyRange });
    const ui: AppContextValue['store'] = device.ui;
    const reachable = new Set<string>();
    const collect = (value: object) => {
      for (const [name, member] of Object.entries(value)) {
        reachable.add(name);
        if (member && typeof member === 'object') collect(member);
      }
    };
    collect(ui);
    const engineOnly: Array<keyof SyncStore> = [
      'takeBatch',
      'applyPushResults',
      'applyPullPage',
      'restampClockAhead',
      'recordSyncSuccess',
      'setClockOffset',
      'markPhotoSent',
      'markPhotoFailed',
      'requeuePhotos',
      'pendingPhotos',
    ];
    expect(engineOnly.filter((name) => reachable.has(name))).toEqual([]);
    // @ts-expect-error The type a screen gets from the context has no applyPullPage.
    expect(ui.applyPullPage).toBeUndefined();
    // @ts-expect-error Nor markPhotoSent.
    expect(ui.markPhotoSent).toBeUndefined();
    device.close();
  });
});

describe('features under src/app', () => {
  const appFiles = sourceFiles(join(SRC, 'app'));
  const folderOf = (path: string) => {
    const parts = relative(join(SRC, 'app'), path).split(sep);
    return parts.length > 1 ? (parts[0] as string) : null;
  };

  it('import each other only through their public entry', () => {
    const violations: string[] = [];
    for (const file of appFiles) {
      const from = folderOf(file);
      if (from === null || SHARED_APP_FOLDERS.includes(from)) continue;
      for (const spec of importsOf(file).filter((s) => s.startsWith('.'))) {
        const target = join(file, '..', spec);
        const to = folderOf(target);
        if (!relative(join(SRC, 'app'), target).startsWith('..') && to !== null && to !== from && !SHARED_APP_FOLDERS.includes(to) && !isPublicEntry(target)) {
          violations.push(`${relative(SRC, file)} → ${spec}`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('keeps the shared folders free of any feature', () => {
    const violations: string[] = [];
    for (const file of appFiles) {
      const from = folderOf(file);
      if (from === null || !SHARED_APP_FOLDERS.includes(from)) continue;
      for (const spec of importsOf(file).filter((s) => s.startsWith('.'))) {
        const target = join(file, '..', spec);
        const to = folderOf(target);
        if (!relative(join(SRC, 'app'), target).startsWith('..') && to !== null && !SHARED_APP_FOLDERS.includes(to) && !isWords(target))
          violations.push(`${relative(SRC, file)} → ${spec}`);
      }
    }
    expect(violations).toEqual([]);
  });
});
