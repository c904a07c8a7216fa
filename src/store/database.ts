/**
 * The IndexedDB schema of the device store, and the one wrapper that every
 * store operation runs through. This folder is the only importer of dexie.
 */
import { Dexie, type Table } from 'dexie';
import type { Issue, Reason } from '../domain/errors.ts';
import type { FieldMap } from '../domain/merge.ts';
import type { Mutation } from '../domain/protocol.ts';
import type { RecordType, SyncRecord } from '../domain/records.ts';
import { listKeysOf, type ListKeys } from './list-keys.ts';

/**
 * A record as kept on the device: its merged state, plus local notes that
 * never travel over the wire (exportUnsent strips them).
 */
export type StoredRecord = SyncRecord & {
  /**
   * Remote field writes that won by HLC but were held back because the field
   * had a pending local edit (see applyPullPage). They are merged in as soon as
   * the record has no pending entry left, so the device still converges even
   * if the server never sends the record again.
   */
  held?: FieldMap;
  /** The server is known to have this record (pulled, or a push acknowledged). */
  onServer?: true;
  /**
   * The server said it left what this person may read (pull `gone`) while it
   * had outbox entries: it goes as soon as the last one is acknowledged or
   * dismissed (left-scope.ts); pulled again, it is back in scope.
   */
  leftScope?: true;
  /**
   * What the list screens read by (listKeysOf, kept by the store itself on
   * every write): only on a live activity or finding that has its creating
   * write, so a tombstone or a half-arrived record is in no list index.
   */
  listKeys?: ListKeys;
};

/** The record as stored: its list keys as they follow from its fields now. */
function withListKeys(record: StoredRecord): StoredRecord {
  const listKeys = listKeysOf(record);
  if (listKeys) return { ...record, listKeys };
  if (record.listKeys === undefined) return record;
  const { listKeys: _before, ...rest } = record;
  return rest;
}

export type OutboxState = 'pending' | 'rejected';

export type OutboxEntry = {
  seq?: number;
  mutationId: string;
  recordId: string;
  recordType: RecordType;
  mutation: Mutation;
  state: OutboxState;
  reason?: Reason;
  message?: string;
  issues?: Issue[];
  createdAt: number;
};

export type MetaRow = { key: string; value: unknown };

/**
 * 'pending': not yet confirmed by the server (waiting, or backing off until
 * `nextAttemptAt`); 'sent': the server answered 200/201; 'failed': the server
 * refused it for good (`lastError` says why), kept so it can be shown.
 */
export type PhotoState = 'pending' | 'sent' | 'failed';

/**
 * Whose photo: 'own' — taken on this phone (or its thumbnail), never evicted;
 * 'other' — fetched from the server to show, kept within the photo budget
 * (least recently shown out first, photos.ts `cachePhoto`).
 */
export type PhotoOrigin = 'own' | 'other';

/** A processed photo (or thumbnail), named by the SHA-256 of its bytes (see src/domain/photos.ts). */
export type PhotoRow = {
  sha256: string;
  /**
   * The bytes. Written as an ArrayBuffer: WebKit refuses a Blob in IndexedDB
   * where the site's data is not kept on disk (Safari's private browsing,
   * and WebDriver's sessions: "Error preparing Blob/File data to be stored").
   * Rows written before hold a Blob; `photoBlob` (photos.ts) reads both.
   */
  blob: Blob | ArrayBuffer;
  type: string;
  bytes: number;
  createdAt: number;
  state: PhotoState;
  attempts: number;
  nextAttemptAt: number;
  lastError?: string;
  origin: PhotoOrigin;
  /** When a screen last showed it: the budget evicts others' photos least recently shown first. */
  usedAt: number;
  /** Of an own photo: the hash of the thumbnail this phone made of it. */
  thumbnail?: string;
  /** Of a thumbnail: the hash of its photo (not counted as a photo of its own in "niet verstuurd"). */
  thumbnailOf?: string;
};

export type BuurtlogDatabase = Dexie & {
  records: Table<StoredRecord, string>;
  outbox: Table<OutboxEntry, number>;
  meta: Table<MetaRow, string>;
  photos: Table<PhotoRow, string>;
};

export type DatabaseOptions = {
  /** An IDBFactory (tests pass fake-indexeddb's); the global one otherwise. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
};

/**
 * @example
 * const db = createDatabase('buurtlog-alblasserdam');
 */
export function createDatabase(name: string, options: DatabaseOptions = {}): BuurtlogDatabase {
  const db = new Dexie(name, {
    ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
    ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
  }) as BuurtlogDatabase;
  // Schema versions only ever get added; an upgrade function goes with any
  // version that changes the shape of stored rows.
  db.version(1).stores({
    records: 'id, type',
    outbox: '++seq, &mutationId, recordId, state, [recordId+state]',
    meta: 'key',
  });
  // Version 2 only adds the photos table: existing rows keep their shape.
  db.version(2).stores({
    records: 'id, type',
    outbox: '++seq, &mutationId, recordId, state, [recordId+state]',
    meta: 'key',
    photos: 'sha256, state, [state+nextAttemptAt]',
  });
  // Version 3: whose photo and when it was last shown, for the photo budget
  // (version 2 kept a fetched photo as 'sent' with no attempt; an own photo
  // counts at least one attempt once sent); and an index of records by type
  // and the round they belong to (a patrol observation's `roundId`), so the
  // round screen reads its own observations, not every observation on the
  // device, and re-reads only when one of them changes (records without a
  // roundId are not in it).
  db.version(3)
    .stores({
      records: 'id, type, [type+fields.roundId.v]',
      outbox: '++seq, &mutationId, recordId, state, [recordId+state]',
      meta: 'key',
      photos: 'sha256, state, [state+nextAttemptAt], [origin+usedAt]',
    })
    .upgrade((tx) =>
      tx
        .table('photos')
        .toCollection()
        .modify((row: PhotoRow) => {
          row.origin = row.state === 'sent' && row.attempts === 0 ? 'other' : 'own';
          row.usedAt = row.createdAt;
        }),
    );
  // Version 4: the indexes the list screens read by, over the list keys
  // (listKeysOf): activities by date and start, in all buurten or one;
  // findings by buurt and status, by round, and a buurt's open ones oldest
  // first (all, of one status, of one partner). A list reads the rows it
  // shows and counts with the index, not every record of its type.
  db.version(4)
    .stores({
      records:
        'id, type, [type+fields.roundId.v], [type+listKeys.date+listKeys.start], [type+listKeys.buurt+listKeys.date+listKeys.start], [type+listKeys.buurt+listKeys.status], [type+listKeys.round], [type+listKeys.buurt+listKeys.openSince], [type+listKeys.buurt+listKeys.status+listKeys.openSince], [type+listKeys.buurt+listKeys.openPartner+listKeys.openSince]',
      outbox: '++seq, &mutationId, recordId, state, [recordId+state]',
      meta: 'key',
      photos: 'sha256, state, [state+nextAttemptAt], [origin+usedAt]',
    })
    .upgrade((tx) =>
      tx
        .table('records')
        .where('type')
        .anyOf('activity', 'finding')
        .modify((row: StoredRecord) => {
          const listKeys = listKeysOf(row);
          if (listKeys) row.listKeys = listKeys;
        }),
    );
  // Every write of a record (put, add, bulkPut, modify: all reach the core
  // as 'put' or 'add') stores its list keys as they follow from its fields,
  // so no write path can leave an index stale.
  db.use({
    stack: 'dbcore',
    name: 'listKeys',
    create: (down) => ({
      ...down,
      table: (tableName) => {
        const table = down.table(tableName);
        if (tableName !== 'records') return table;
        return {
          ...table,
          mutate: (request) =>
            request.type === 'put' || request.type === 'add'
              ? table.mutate({ ...request, values: request.values.map((value: StoredRecord) => withListKeys(value)) })
              : table.mutate(request),
        };
      },
    }),
  });
  return db;
}

/**
 * Run a store operation; if the connection was closed under our feet, reopen
 * once and retry.
 *
 * iOS Safari closes IndexedDB under memory pressure and after backgrounding
 * ("connection is closing", "Connection to Indexed Database server lost");
 * without this a save made after the app comes back simply fails. Retrying is
 * safe: a transaction on a closed connection aborts, so nothing was written.
 */
export async function withReopen<T>(db: BuurtlogDatabase, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (!isConnectionLost(error)) throw error;
    if (db.isOpen()) db.close({ disableAutoOpen: false });
    await db.open();
    return operation();
  }
}

export function isConnectionLost(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const { name, message } = e as { name?: unknown; message?: unknown };
    if (name === 'DatabaseClosedError' || name === 'InvalidStateError') return true;
    if (typeof message === 'string' && /connection (is closing|.*lost)|database .*closed/i.test(message)) return true;
    e = (e as { inner?: unknown }).inner;
  }
  return false;
}
