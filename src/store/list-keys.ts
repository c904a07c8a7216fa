/**
 * The keys the list screens read records by (database.ts version 4). Apart
 * from database.ts so the bench can seed a device's IndexedDB directly with
 * the keys the store would have written, without loading Dexie into Node.
 */
import { FOLLOW_UP_STATUSES, isOpenStatus, type FollowUpStatus } from '../domain/codes.ts';
import type { SyncRecord } from '../domain/records.ts';

/**
 * The keys of a record in the list indexes. An activity: its buurt, date and
 * start. A finding: its buurt, round and follow-up status ('new' until
 * someone changed it: the field may be absent); while it is open, also since
 * when (its createdAt) and its responsible partner ('' for nobody yet: null
 * is no index key) — so the indexes over those hold open findings only, and
 * a buurt's open-findings list reads its page, its count and its partners
 * from them, never the closed findings.
 */
export type ListKeys = {
  buurt: string;
  date?: string;
  start?: string;
  round?: string;
  status?: string;
  openSince?: number;
  openPartner?: string;
};

/**
 * The list keys a record has now: none when it is deleted or its creating
 * write (the one that sets createdAt) has not arrived.
 */
export function listKeysOf(record: SyncRecord): ListKeys | undefined {
  const value = (name: string): unknown => record.fields[name]?.v;
  const buurt = value('buurtId');
  if (value('deleted') === true || value('createdAt') === undefined || typeof buurt !== 'string') return undefined;
  if (record.type === 'activity') {
    const [date, start] = [value('date'), value('start')];
    return typeof date === 'string' && typeof start === 'string' ? { buurt, date, start } : undefined;
  }
  if (record.type === 'finding') {
    const [round, status = 'new', created, partner = null] = [value('schouwId'), value('status'), value('createdAt'), value('responsiblePartnerId')];
    if (typeof round !== 'string' || typeof status !== 'string' || typeof created !== 'number') return undefined;
    if (!(FOLLOW_UP_STATUSES as readonly string[]).includes(status) || !isOpenStatus(status as FollowUpStatus)) return { buurt, round, status };
    return { buurt, round, status, openSince: created, openPartner: typeof partner === 'string' ? partner : '' };
  }
  return undefined;
}
