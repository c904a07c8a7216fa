/**
 * The device's hybrid logical clock and its offset to the server's clock, as
 * kept in the store's meta table. Only writes need them (local-write.ts,
 * pull.ts, outbox.ts), so they stay out of the first screen's code. Callers
 * run them inside their own transaction, so the clock moves together with
 * the write it stamps.
 */
import { createClock, type ClockState } from '../domain/hlc.ts';
import type { BuurtlogDatabase } from './database.ts';
import { META_KEYS } from './meta.ts';

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
