/**
 * Leaving scope (src/sync/README.md "Leaving scope"): records the server
 * named `gone` — moved out of what this person may read — leave the device,
 * with the photos only they showed. A record with outbox entries (unsent, or
 * refused and not yet dismissed) is local work: it stays, marked
 * `leftScope`, until its last entry is acknowledged or dismissed, and goes
 * then. Run inside a transaction over records, outbox and photos.
 */
import { photoHashesOf } from '../domain/photos.ts';
import type { BuurtlogDatabase, StoredRecord } from './database.ts';

/** Record types that name photos in a `photos` field. */
const PHOTO_HOLDERS = ['finding', 'publicSpaceObservation'] as const;

/** The server said these records left this person's scope: drop each without entries, mark the others. Unknown ids are ignored. */
export async function dropGone(db: BuurtlogDatabase, ids: readonly string[]): Promise<void> {
  const wanted = [...new Set(ids)];
  const [records, entries] = await Promise.all([db.records.where(':id').anyOf(wanted).toArray(), db.outbox.where('recordId').anyOf(wanted).toArray()]);
  const kept = new Set(entries.map((entry) => entry.recordId));
  const marked = records.filter((record) => kept.has(record.id)).map((record): StoredRecord => ({ ...record, leftScope: true }));
  await Promise.all([
    dropRecords(
      db,
      records.filter((record) => !kept.has(record.id)),
    ),
    db.records.bulkPut(marked),
  ]);
}

/** After an entry went (acknowledged, dismissed): a record that left scope goes once no entry of it is left. */
export async function dropIfLeft(db: BuurtlogDatabase, recordIds: readonly string[]): Promise<void> {
  const records = (
    await db.records
      .where(':id')
      .anyOf([...new Set(recordIds)])
      .toArray()
  ).filter((record) => record.leftScope === true);
  if (records.length === 0) return;
  const kept = new Set(
    (
      await db.outbox
        .where('recordId')
        .anyOf(records.map((record) => record.id))
        .toArray()
    ).map((entry) => entry.recordId),
  );
  await dropRecords(
    db,
    records.filter((record) => !kept.has(record.id)),
  );
}

/**
 * Deletes the records, and the photos (and thumbnails) they named that no
 * remaining record names — only those the server has (`sent`): a photo of
 * this phone's not yet uploaded is never dropped (src/sync/README.md 25).
 */
async function dropRecords(db: BuurtlogDatabase, records: readonly StoredRecord[]): Promise<void> {
  if (records.length === 0) return;
  await db.records.bulkDelete(records.map((record) => record.id));
  const photos = new Set(records.flatMap(photoHashesOf));
  if (photos.size === 0) return;
  for (const record of await db.records.where('type').anyOf(PHOTO_HOLDERS).toArray()) for (const hash of photoHashesOf(record)) photos.delete(hash);
  const rows = await db.photos.bulkGet([...photos]);
  await db.photos.bulkDelete(rows.flatMap((row) => (row?.state === 'sent' ? [row.sha256] : [])));
}
