/**
 * The database tables as Kysely sees them. One definition for SQLite and
 * PostgreSQL; JSON is stored as text so both read and write it the same way.
 * Times are Unix milliseconds.
 */
export type TenantsTable = {
  id: string;
  name: string;
  /** TenantConfigSchema as JSON. */
  config: string;
  created_at: number;
};

export type RecordsTable = {
  id: string;
  tenant_id: string;
  type: string;
  /** `{ fields, counters }` (the Mergeable part of a SyncRecord) as JSON. */
  state: string;
  /** Server sequence number of the record's last change; pull cursors count these. */
  seq: number;
  updated_at: number;
};

export type MutationsTable = {
  mutation_id: string;
  tenant_id: string;
  device_id: string;
  /** Null when a rejected mutation did not even carry a usable record id. */
  record_id: string | null;
  status: 'applied' | 'rejected';
  reason: string | null;
  message: string | null;
  /** Field-level issues of a rejection, as JSON, so a retry is answered the same. */
  issues: string | null;
  received_at: number;
};

export type SequencesTable = {
  name: string;
  value: number;
};

export type Schema = {
  tenants: TenantsTable;
  records: RecordsTable;
  mutations: MutationsTable;
  sequences: SequencesTable;
};
