/**
 * Bench: opening the activity list and a buurt's open findings on a phone
 * that holds a year of a whole municipality — 50,000 activities and 20,000
 * findings (issue 13, item 1). The records go straight into the signed-in
 * app's IndexedDB (a raw bulk put, with the list keys the store itself would
 * write: src/store/list-keys.ts), the app reloads, and then, with Chromium's
 * CPU slowed down 4× (CDP `Emulation.setCPUThrottlingRate`), each list is
 * opened by a route change from the settings screen, several times: the
 * figure is the time from the route change to the first row in the DOM.
 * The reference, in the same page and under the same slowdown, is the same
 * read done with Dexie alone (the page's first rows and the count, straight
 * from the index) — and, once, the read the lists made before (every record
 * of the type).
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { FINDING_ASPECTS, FINDING_ELEMENTS, type FindingStatus } from '../../src/domain/finding.ts';
import { formatHlc } from '../../src/domain/hlc.ts';
import { uuidv7 } from '../../src/domain/ids.ts';
import type { SyncRecord } from '../../src/domain/records.ts';
import { listKeysOf } from '../../src/store/list-keys.ts';
import { BuurtlogPage } from '../e2e/buurtlog-page.ts';
import { newDevice, type RunningServer } from '../e2e/harness.ts';
import { DEVICE_A, TENANT } from '../fixtures/fixed.ts';
import { mulberry32, realisticActivities } from './realistic-activities.ts';

export const LIST_ACTIVITIES = 50_000;
export const LIST_FINDINGS_ON_DEVICE = 20_000;
export const LIST_OPEN_GOAL_MS = 100;
export const CPU_SLOWDOWN = 4;
/** Opens of each list; the figure is their median (and the slowest). */
const OPENS = 7;
/** One schouw round per 62 activities (~800), about 25 findings each. */
const ROUND_EVERY = 62;
/** The seeded tenant's buurten (src/server/seed.ts). */
const BUURTEN = ['staatsliedenbuurt', 'schildersbuurt', 'oranjebuurt', 'kinderdijk', 'centrum', 'plantageweg', 'souburgh'];
const BUURT = 'oranjebuurt';
/**
 * After a year most findings are dealt with: 80 % resolved, 5 % won't fix,
 * 15 % open (new, reported, in progress alike).
 */
const STATUS_SHARES: ReadonlyArray<readonly [FindingStatus, number]> = [
  ['resolved', 0.8],
  ['wontFix', 0.05],
  ['new', 0.05],
  ['reported', 0.05],
  ['inProgress', 0.05],
];
const OPEN_STATUSES: FindingStatus[] = ['new', 'reported', 'inProgress'];
const APP_DB = `buurtlog-${TENANT}`;
/** The rows of a list's first page (src/app/ui/ShowMore.tsx PAGE_SIZE; not imported: a .tsx module). */
const PAGE_ROWS = 10;
const SEED_CHUNK = 5_000;

export type Timing = { median: number; max: number; all: number[] };
export type ListOpenFigures = {
  seedMs: number;
  upcoming: { app: Timing; raw: Timing; countText: string };
  past: { app: Timing; raw: Timing; countText: string };
  findings: { app: Timing; raw: Timing; open: number; countText: string };
  /** The read the lists made before: every activity, every finding (raw Dexie, once each). */
  before: { activitiesMs: number; findingsMs: number };
};

type Stored = SyncRecord & { onServer: true; listKeys?: ReturnType<typeof listKeysOf> };

export function timing(values: number[]): Timing {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)] as number, max: sorted[sorted.length - 1] as number, all: values };
}

/** 50,000 activities (one in 62 a schouw round) and 20,000 findings in those rounds, as stored records. */
function records(today: number): { activities: Stored[]; findings: Stored[] } {
  const created = realisticActivities(LIST_ACTIVITIES, {
    tenantId: TENANT,
    buurtIds: BUURTEN,
    today,
    device: DEVICE_A,
    createdBy: 'bench-coordinator',
  }) as Array<{
    recordId: string;
    fields: SyncRecord['fields'];
  }>;
  const activities = created.map((m, i): Stored => {
    const fields = i % ROUND_EVERY === 0 ? { ...m.fields, type: { v: 'schouw', t: m.fields['type']?.t ?? '' } } : m.fields;
    return { id: m.recordId, type: 'activity', tenantId: TENANT, fields, counters: {}, onServer: true };
  });
  const rounds = activities.filter((_, i) => i % ROUND_EVERY === 0);
  const random = mulberry32(0xf1d);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const fill = (bytes: Uint8Array) => bytes.map(() => Math.floor(random() * 256));
  const findings = Array.from({ length: LIST_FINDINGS_ON_DEVICE }, (_, i): Stored => {
    const round = rounds[i % rounds.length] as Stored;
    const createdAt = (round.fields['createdAt']?.v as number) + i * 1_000;
    const t = formatHlc({ wall: Math.min(today - 60_000, createdAt), counter: 0, node: DEVICE_A });
    let share = random();
    const status = STATUS_SHARES.find(([, part]) => (share -= part) < 0)?.[0] ?? 'resolved';
    const values: Record<string, unknown> = {
      schouwId: round.id,
      buurtId: round.fields['buurtId']?.v,
      teamId: null,
      element: pick(FINDING_ELEMENTS),
      aspect: pick(FINDING_ASPECTS),
      note: random() < 0.5 ? 'Tegels liggen los bij de ingang van de speeltuin.' : '',
      status,
      createdAt,
      createdBy: 'bench-schouwer',
    };
    return {
      id: uuidv7(createdAt, fill),
      type: 'finding',
      tenantId: TENANT,
      fields: Object.fromEntries(Object.entries(values).map(([name, v]) => [name, { v, t }])),
      counters: {},
      onServer: true,
    };
  });
  const withKeys = (record: Stored): Stored => {
    const listKeys = listKeysOf(record);
    return listKeys ? { ...record, listKeys } : record;
  };
  return { activities: activities.map(withKeys), findings: findings.map(withKeys) };
}

/** A raw bulk put into the app's own database, in chunks (no store code runs). */
async function seed(page: Page, rows: readonly Stored[]): Promise<void> {
  for (let from = 0; from < rows.length; from += SEED_CHUNK) {
    await page.evaluate(
      async ({ name, json }) => {
        const chunk = JSON.parse(json) as unknown[];
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(name);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction('records', 'readwrite');
          for (const row of chunk) tx.objectStore('records').put(row);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        db.close();
      },
      // As one string: Playwright passes a big array of objects far slower than JSON.
      { name: APP_DB, json: JSON.stringify(rows.slice(from, from + SEED_CHUNK)) },
    );
  }
}

/**
 * From the settings screen, change the route to `hash` and time until
 * `selector` is in the DOM (a MutationObserver sees the first row as it is
 * inserted).
 */
async function open(page: Page, hash: string, selector: string): Promise<number> {
  await page.evaluate(() => {
    location.hash = '#/instellingen';
  });
  await page.getByRole('heading', { level: 1, name: 'Instellingen' }).waitFor({ timeout: 30_000 });
  await page.waitForTimeout(300);
  return page.evaluate(
    ({ hash, selector }) =>
      new Promise<number>((resolve, reject) => {
        const start = performance.now();
        const timer = setTimeout(() => reject(new Error(`no ${selector} within 30 s`)), 30_000);
        const observer = new MutationObserver(() => {
          if (!document.querySelector(selector)) return;
          observer.disconnect();
          clearTimeout(timer);
          resolve(performance.now() - start);
        });
        observer.observe(document.body, { childList: true, subtree: true });
        location.hash = hash;
      }),
    { hash, selector },
  );
}

type RawQuery = 'upcoming' | 'past' | 'findings' | 'all-activities' | 'all-findings';

/** The same read with Dexie alone, in the page (dexie.js loaded beside the app; its own connection). */
function rawRead(page: Page, query: RawQuery): Promise<number> {
  return page.evaluate(
    async ({ name, query, buurt, rows }) => {
      type AnyDexie = {
        new (name: string): AnyDexie;
        maxKey: unknown;
        minKey: unknown;
        open(): Promise<unknown>;
        close(): void;
        table(name: string): {
          where(index: string): {
            between(
              a: unknown[],
              b: unknown[],
              lower?: boolean,
              upper?: boolean,
            ): {
              reverse(): { limit(n: number): { toArray(): Promise<unknown[]> } };
              count(): Promise<number>;
              limit(n: number): { toArray(): Promise<unknown[]>; primaryKeys(): Promise<unknown[]>; keys(): Promise<unknown[]> };
            };
            equals(key: unknown): { count(): Promise<number>; toArray(): Promise<unknown[]> };
          };
          bulkGet(keys: unknown[]): Promise<unknown[]>;
        };
        transaction(mode: string, table: string, run: () => Promise<unknown>): Promise<unknown>;
      };
      const Dexie = (window as unknown as { Dexie: AnyDexie }).Dexie;
      const db = new Dexie(name);
      await db.open();
      const records = db.table('records');
      const today = new Date().toLocaleDateString('sv-SE');
      const byDate = '[type+listKeys.date+listKeys.start]';
      const start = performance.now();
      await db.transaction('r', 'records', async () => {
        if (query === 'upcoming') {
          const range = () => records.where(byDate).between(['activity', today], ['activity', Dexie.maxKey], true, true);
          await Promise.all([range().limit(rows).toArray(), range().count()]);
        } else if (query === 'past') {
          const range = () => records.where(byDate).between(['activity', Dexie.minKey], ['activity', today], true, false);
          await Promise.all([range().reverse().limit(rows).toArray(), range().count()]);
        } else if (query === 'findings') {
          // The first page of open ones oldest first and how many, the counts per status, the partners named.
          const open = () =>
            records.where('[type+listKeys.buurt+listKeys.openSince]').between(['finding', buurt], ['finding', buurt, Dexie.maxKey], true, true);
          const [ids] = await Promise.all([
            open().limit(rows).primaryKeys(),
            open().count(),
            ...['new', 'reported', 'inProgress', 'resolved', 'wontFix'].map((status) =>
              records.where('[type+listKeys.buurt+listKeys.status]').equals(['finding', buurt, status]).count(),
            ),
            (async () => {
              let from: unknown[] = ['finding', buurt];
              for (;;) {
                const [key] = await records
                  .where('[type+listKeys.buurt+listKeys.openPartner+listKeys.openSince]')
                  .between(from, ['finding', buurt, Dexie.maxKey], false, true)
                  .limit(1)
                  .keys();
                if (!Array.isArray(key)) return;
                from = ['finding', buurt, key[2], Dexie.maxKey];
              }
            })(),
          ]);
          await records.bulkGet(ids as unknown[]);
        } else {
          await records
            .where('type')
            .equals(query === 'all-activities' ? 'activity' : 'finding')
            .toArray();
        }
      });
      const took = performance.now() - start;
      db.close();
      return took;
    },
    { name: APP_DB, query, buurt: BUURT, rows: PAGE_ROWS },
  );
}

export async function measureListOpen(browser: Browser, server: RunningServer): Promise<ListOpenFigures> {
  const { activities, findings } = records(Date.now());
  const openInBuurt = findings.filter((f) => f.fields['buurtId']?.v === BUURT && OPEN_STATUSES.includes(f.fields['status']?.v as FindingStatus)).length;
  const context = await newDevice(browser, { bypassCSP: true });
  try {
    const phone = await BuurtlogPage.open(context, server.url);
    await phone.waitUntilSynced();
    const { page } = phone;
    const seeded = performance.now();
    await seed(page, [...activities, ...findings]);
    const seedMs = performance.now() - seeded;
    await page.reload();
    await phone.waitForList();
    // From here the phone neither pulls nor pushes: only the lists work.
    await phone.goOffline();
    await page.addScriptTag({ path: join(import.meta.dirname, '../../node_modules/dexie/dist/dexie.js') });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    try {
      const lists = [
        { key: 'upcoming', hash: '#/', selector: '.activity-list li', count: '.list-count' },
        { key: 'past', hash: '#/?wanneer=voorbij', selector: '.activity-list li', count: '.list-count' },
        { key: 'findings', hash: `#/bevindingen/${BUURT}`, selector: '[data-testid="open-finding"]', count: '.list-count' },
      ] as const;
      const app: Record<string, number[]> = { upcoming: [], past: [], findings: [] };
      const raw: Record<string, number[]> = { upcoming: [], past: [], findings: [] };
      const counts: Record<string, string> = {};
      // The first round loads each screen's code: it counts like any other open.
      for (let n = 0; n < OPENS; n++) {
        for (const list of lists) {
          app[list.key]?.push(await open(page, list.hash, list.selector));
          counts[list.key] = (await page.locator(list.count).first().textContent()) ?? '';
          raw[list.key]?.push(await rawRead(page, list.key));
        }
      }
      const before = { activitiesMs: await rawRead(page, 'all-activities'), findingsMs: await rawRead(page, 'all-findings') };
      const figures = (key: 'upcoming' | 'past' | 'findings') => ({ app: timing(app[key] ?? []), raw: timing(raw[key] ?? []), countText: counts[key] ?? '' });
      return { seedMs, upcoming: figures('upcoming'), past: figures('past'), findings: { ...figures('findings'), open: openInBuurt }, before };
    } finally {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    }
  } finally {
    await context.close();
  }
}
