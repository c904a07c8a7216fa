/**
 * Inzage (AVG art. 15): everything Buurtlog holds about one person, as a
 * ZIP of one JSON file (all of it, for a machine) and CSV files (the same,
 * for a spreadsheet; domain/csv.ts). The download is audited as
 * `user.export`. Records hold user ids and field values as stored; a photo
 * appears by its hash and size (photos show objects, never persons).
 */
import { toCsv, type CsvCell } from '../domain/csv.ts';
import { fieldValues, type SyncRecord } from '../domain/records.ts';
import { recordAudit } from './db/audit.ts';
import type { Database } from './db/database.ts';
import { findTenant } from './db/tenants.ts';
import { findFootprint, type Footprint } from './person-footprint.ts';
import { zipFiles } from './zip.ts';

export type PersonExport = { readonly fileName: string; readonly bytes: Uint8Array };

/** The bundle, or null when the tenant has no such user; the download is in the audit log before the bytes leave. */
export async function exportPerson(
  database: Database,
  request: { tenantId: string; userId: string; by: { userId: string; deviceId: string }; now: number },
): Promise<PersonExport | null> {
  const { tenantId, userId, now } = request;
  const footprint = await findFootprint(database.db, tenantId, userId);
  if (!footprint) return null;
  const tenant = await findTenant(database.db, tenantId);
  const photos = await database.db
    .selectFrom('photo_uploads')
    .innerJoin('photos', (join) => join.onRef('photos.tenant_id', '=', 'photo_uploads.tenant_id').onRef('photos.sha256', '=', 'photo_uploads.sha256'))
    .select(['photos.sha256', 'photos.type', 'photos.size', 'photo_uploads.at'])
    .where('photo_uploads.tenant_id', '=', tenantId)
    .where('photo_uploads.user_id', '=', userId)
    .orderBy('photo_uploads.at')
    .execute();
  const document = {
    exportedAt: new Date(now).toISOString(),
    tenant: { id: tenantId, name: tenant?.name ?? tenantId },
    account: accountOf(footprint),
    devices: footprint.devices.map((device) => ({
      id: device.id,
      name: device.name,
      createdAt: iso(device.created_at),
      lastSeenAt: iso(device.last_seen_at),
      expiresAt: iso(device.expires_at),
      revokedAt: iso(device.revoked_at),
    })),
    teams: footprint.teams.map((team) => ({ id: team.id, name: String(team.fields['name']?.v ?? team.id) })),
    auditEntries: footprint.audit.map((entry) => ({ ...entry, at: iso(entry.at) })),
    records: footprint.records.map(recordOf),
    history: footprint.history.map(recordOf),
    photos: photos.map((photo) => ({ sha256: photo.sha256, type: photo.type, size: photo.size, uploadedAt: iso(photo.at) })),
  };
  await recordAudit(database.db, [
    { tenantId, at: now, userId: request.by.userId, deviceId: request.by.deviceId, action: 'user.export', recordType: 'user', recordId: userId },
  ]);
  const day = new Date(now).toISOString().slice(0, 10);
  const files = [
    { name: 'LEESMIJ.txt', content: readme(document.tenant.name, document.exportedAt) },
    { name: 'gegevens.json', content: `${JSON.stringify(document, null, 2)}\n` },
    { name: 'account.csv', content: toCsv([['veld', 'waarde'], ...Object.entries(document.account).map(([key, value]) => [key, cell(value)])]) },
    {
      name: 'toestellen.csv',
      content: toCsv([
        ['id', 'naam', 'aangemeld', 'laatst gezien', 'geldig tot', 'afgemeld'],
        ...document.devices.map((d) => [d.id, d.name, d.createdAt, d.lastSeenAt, d.expiresAt, d.revokedAt]),
      ]),
    },
    {
      name: 'logboek.csv',
      content: toCsv([
        ['nr', 'tijd', 'gebruiker', 'toestel', 'actie', 'soort', 'id', 'velden', 'details'],
        ...document.auditEntries.map((e) => [
          e.seq,
          e.at,
          e.userId,
          e.deviceId,
          e.action,
          e.recordType,
          e.recordId,
          e.fields.join(', '),
          e.detail ? JSON.stringify(e.detail) : null,
        ]),
      ]),
    },
    { name: 'records.csv', content: fieldsCsv(document.records) },
    { name: 'geschiedenis.csv', content: fieldsCsv(document.history) },
    { name: 'fotos.csv', content: toCsv([['sha256', 'soort', 'bytes', 'geüpload'], ...document.photos.map((p) => [p.sha256, p.type, p.size, p.uploadedAt])]) },
  ];
  return { fileName: `buurtlog-inzage-${day}.zip`, bytes: zipFiles(files, now) };
}

function accountOf({ user }: Footprint) {
  return {
    id: user.id,
    displayName: user.displayName,
    email: user.email,
    role: user.role,
    buurtIds: user.buurtIds,
    active: user.isActive,
    createdAt: iso(user.createdAt),
    // The hash itself is no information about the person and a secret of the server.
    hasPassword: user.passwordHash !== null,
  };
}

function recordOf(record: SyncRecord) {
  return { id: record.id, type: record.type, fields: fieldValues(record) };
}

/** One row per field: records of every type in one sheet. */
function fieldsCsv(records: ReadonlyArray<ReturnType<typeof recordOf>>): string {
  return toCsv([
    ['id', 'soort', 'veld', 'waarde'],
    ...records.flatMap((r) => Object.entries(r.fields).map(([field, value]) => [r.id, r.type, field, cell(value)])),
  ]);
}

function cell(value: unknown): CsvCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  return JSON.stringify(value);
}

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

function readme(tenantName: string, exportedAt: string): string {
  return [
    `Inzage in je gegevens in Buurtlog (${tenantName}), gemaakt op ${exportedAt} (UTC).`,
    '',
    'gegevens.json   alles in één bestand',
    'account.csv     je account: naam, e-mailadres, rol, buurten',
    'toestellen.csv  de toestellen waarop je bent aangemeld',
    'logboek.csv     wat je deed en wat er met je account gebeurde',
    'records.csv     wat je vastlegde of wijzigde, per veld',
    'geschiedenis.csv statuswijzigingen en reacties die je gaf',
    'fotos.csv       foto’s die je uploadde (alleen hun kenmerk en grootte)',
    '',
    'Vragen? Stel ze aan de coördinator van het programma of aan de functionaris gegevensbescherming van de gemeente.',
    '',
  ].join('\r\n');
}
