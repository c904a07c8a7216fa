/**
 * The store's small key/value rows: the hybrid logical clock, the clock
 * offset to the server, the pull cursor, the last successful sync, the
 * tenant configuration and a counter of local changes.
 *
 * These helpers only read and write; callers run them inside their own
 * transaction, so the clock moves together with the write it stamps.
 */
import { createClock, type ClockState } from '../domain/hlc.ts';
import type { BuurtlogDatabase } from './database.ts';

export const META_KEYS = {
  clock: 'clock',
  clockOffset: 'clockOffset',
  pullCursor: 'pullCursor',
  lastSyncAt: 'lastSyncAt',
  config: 'config',
  localChanges: 'localChanges',
} as const;

export type ClockRead = {
  clock: ClockState;
  /** Milliseconds to add to the device clock to get the server's time. */
  offset: number;
};

export async function readClock(db: BuurtlogDatabase, deviceId: string): Promise<ClockRead> {
  const [clockRow, offsetRow] = await db.meta.bulkGet([META_KEYS.clock, META_KEYS.clockOffset]);
  const stored = clockRow?.value as ClockState | undefined;
  const clock = stored ? { wall: stored.wall, counter: stored.counter, node: deviceId } : createClock(deviceId);
  return { clock, offset: typeof offsetRow?.value === 'number' ? offsetRow.value : 0 };
}

export function writeClock(db: BuurtlogDatabase, clock: ClockState): Promise<string> {
  return db.meta.put({ key: META_KEYS.clock, value: clock });
}

export async function readMeta<T>(db: BuurtlogDatabase, key: string): Promise<T | undefined> {
  return (await db.meta.get(key))?.value as T | undefined;
}

export function writeMeta(db: BuurtlogDatabase, key: string, value: unknown): Promise<string> {
  return db.meta.put({ key, value });
}
