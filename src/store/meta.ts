/**
 * The store's small key/value rows: the hybrid logical clock, the clock
 * offset to the server, the pull cursor and the last successful sync. (The
 * configuration is records now, synced like everything else; a `config` row
 * or a `localChanges` row left by an older version is ignored.)
 *
 * These helpers only read and write; callers run them inside their own
 * transaction. (The clock's own helpers are in clock.ts.)
 */
import type { BuurtlogDatabase } from './database.ts';

export const META_KEYS = {
  clock: 'clock',
  clockOffset: 'clockOffset',
  pullCursor: 'pullCursor',
  lastSyncAt: 'lastSyncAt',
} as const;

export async function readMeta<T>(db: BuurtlogDatabase, key: string): Promise<T | undefined> {
  return (await db.meta.get(key))?.value as T | undefined;
}

export function writeMeta(db: BuurtlogDatabase, key: string, value: unknown): Promise<string> {
  return db.meta.put({ key, value });
}
