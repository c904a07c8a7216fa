/**
 * The database tables as Kysely sees them. One definition for SQLite and
 * PostgreSQL; JSON is stored as text so both read and write it the same way.
 * Times are Unix milliseconds.
 */
export type TenantsTable = {
  id: string;
  name: string;
  /** The tenant's name and CBS code as TenantConfigSchema JSON; its configuration items are records now (seed.ts). */
  config: string;
  created_at: number;
};

/** Primary key (tenant_id, id): seeded configuration slugs repeat across tenants. */
export type RecordsTable = {
  id: string;
  tenant_id: string;
  type: string;
  /** `{ fields, counters }` (the Mergeable part of a SyncRecord) as JSON. */
  state: string;
  /** The tenant's sequence number of the record's last change; pull cursors count these. */
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
  /**
   * Per tenant: `records:<tenant>` (pull cursors) and `audit:<tenant>`
   * (audit_log.seq), so no tenant's numbers show another's volume. The row
   * 'records' is kept only for SQLite's write lock (write-lock.ts).
   */
  name: string;
  value: number;
};

export type UsersTable = {
  id: string;
  tenant_id: string;
  display_name: string;
  /** Lowercased; unique per tenant; null for volunteers who joined by invite. */
  email: string | null;
  /** `scrypt$N$r$p$salt$hash`; null: no password sign-in. */
  password_hash: string | null;
  role: string;
  /** JSON list of buurt ids; empty: all buurten. */
  buurt_ids: string;
  /** 1 or 0 (portable across both databases). */
  active: number;
  created_at: number;
};

/** One row per user and device id: a phone handed to a colleague signs in as a second row. */
export type DevicesTable = {
  id: string;
  tenant_id: string;
  user_id: string;
  name: string;
  /** sha256 of the device token; the token itself is never stored. */
  token_hash: string;
  created_at: number;
  last_seen_at: number | null;
  expires_at: number;
  revoked_at: number | null;
};

export type InvitesTable = {
  /** sha256 of the invite code. */
  code_hash: string;
  tenant_id: string;
  team_id: string;
  display_name: string;
  created_by: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
  used_by: string | null;
  /** Set when the invite signs an existing user in on another device; null: a new volunteer joins the team. */
  user_id: string | null;
};

/** Append-only: the database refuses UPDATE and DELETE (migration 0002). Key (tenant_id, seq) since 0005. */
export type AuditLogTable = {
  /** Numbered per tenant. */
  seq: number;
  tenant_id: string;
  at: number;
  user_id: string | null;
  device_id: string | null;
  action: string;
  record_type: string | null;
  record_id: string | null;
  mutation_id: string | null;
  /** JSON list of the field and counter names changed. */
  fields: string;
  /** JSON object with what the entry needs beyond who and what (an invite's issuer, a lock-out's scope); null when nothing (since 0006). */
  detail: string | null;
};

export type SignInAttemptsTable = {
  key: string;
  window_start: number;
  count: number;
};

/** One row per tenant and photo; the same bytes uploaded again are the same row. */
export type PhotosTable = {
  tenant_id: string;
  /** Lowercase hex SHA-256 of `bytes`. */
  sha256: string;
  /** image/jpeg or image/webp. */
  type: string;
  /** A BLOB on SQLite, bytea on PostgreSQL; a Buffer either way. */
  bytes: Uint8Array;
  size: number;
  created_at: number;
  /** The user and device that uploaded it first. */
  created_by: string;
  device_id: string;
  /** When a record last stopped showing it (null: never shown, or still shown); the purge counts from here or `created_at`. */
  last_ref_at: number | null;
};

/** Which records refer to which photos (their current, not-deleted state), kept by the push path. */
export type PhotoRefsTable = {
  tenant_id: string;
  sha256: string;
  record_id: string;
};

/** A record removed after its retention period: what devices must drop, and what push never makes again (migration 0007). */
export type PurgedRecordsTable = {
  tenant_id: string;
  id: string;
  type: string;
  /** The record's `{ buurtIds, teamId }` as JSON: pull tells only those who could read it. */
  scope: string;
  /** From the records' sequence: pull serves markers in order with the records. */
  seq: number;
  purged_at: number;
};

/** A record that left a scope (moved to another buurt or team, or its parent did): who could read it there drops it (migration 0009). */
export type ScopeExitsTable = {
  tenant_id: string;
  /** From the records' sequence: pull serves exits in order with the records. */
  seq: number;
  id: string;
  type: string;
  /** The `{ buurtIds, teamId }` the record left, as JSON. */
  scope: string;
  left_at: number;
};

/** Every user who uploaded a photo's bytes (since 0006). */
export type PhotoUploadsTable = {
  tenant_id: string;
  sha256: string;
  user_id: string;
  at: number;
};

/** Who first named a photo in a record, and whether they could see it then; kept while the record names it (since 0006). */
export type PhotoRefOriginsTable = {
  tenant_id: string;
  sha256: string;
  record_id: string;
  referenced_by: string | null;
  referenced_at: number;
  vouched: number;
};

/** Failed sign-ins per account and client address, for the progressive delay (since 0006). */
export type SignInDelaysTable = {
  key: string;
  failures: number;
  last_failure_at: number;
  blocked_until: number;
};

/** What a device pushed or uploaded, for the sliding-window limits (limits.ts); kept only as long as the longest window. */
export type UsageEventsTable = {
  tenant_id: string;
  device_id: string;
  kind: 'push' | 'photo';
  at: number;
  /** Bytes. */
  amount: number;
};

/**
 * What the monitoring indicators count, one row per record that counts
 * (domain: indicators.ts `Fact`, filled by db/facts.ts in the transaction
 * that stores the record; migration 0008).
 */
export type IndicatorFactsTable = {
  tenant_id: string;
  record_id: string;
  source: string;
  parent_id: string | null;
  buurt_id: string | null;
  project_id: string | null;
  /** Amsterdam day, YYYY-MM-DD. */
  day: string | null;
  /** '2026-Q1', from `day`. */
  quarter: string | null;
  category: string | null;
  status: string | null;
  at: number | null;
  amount: number;
  extra: number;
  /** 1 or 0. */
  flag: number;
};

/** The multi-valued properties of a fact: buurten, themes, organisations, PC4 counts, element, aspect. */
export type IndicatorFactTagsTable = {
  tenant_id: string;
  record_id: string;
  kind: string;
  value: string;
  amount: number;
};

/** The monitoring rollup: per tenant, quarter and buurt, what the indicators count (db/rollups.ts `ROLLUP` says what each kind holds). */
export type IndicatorRollupsTable = {
  tenant_id: string;
  kind: string;
  quarter: string;
  /** '' for facts without a buurt. */
  buurt_id: string;
  value: string;
  n: number;
  amount: number;
  extra: number;
};

/** People erased at their request (art. 17): their old user id and pseudonym number (migration 0009). */
export type ErasedUsersTable = {
  tenant_id: string;
  user_id: string;
  /** "vrijwilliger 7": numbered per tenant, each number once. */
  number: number;
  /** The role they had, the first word of the pseudonym. */
  role: string;
  erased_at: number;
  erased_by: string;
};

/** The device token hashes of erased people: their phones still learn they were revoked (migration 0009). */
export type ErasedDeviceTokensTable = {
  token_hash: string;
  tenant_id: string;
  erased_at: number;
};

/** The tenant's verwerkingsregister and toegankelijkheidsverklaring as its coordinator saved them (migration 0009). */
export type PrivacyTextsTable = {
  tenant_id: string;
  /** 'processingRegister' | 'accessibilityStatement' (domain/person-data.ts). */
  kind: string;
  body: string;
  updated_at: number;
  updated_by: string;
};

export type Schema = {
  tenants: TenantsTable;
  records: RecordsTable;
  mutations: MutationsTable;
  sequences: SequencesTable;
  users: UsersTable;
  devices: DevicesTable;
  invites: InvitesTable;
  audit_log: AuditLogTable;
  sign_in_attempts: SignInAttemptsTable;
  photos: PhotosTable;
  photo_refs: PhotoRefsTable;
  purged_records: PurgedRecordsTable;
  scope_exits: ScopeExitsTable;
  photo_uploads: PhotoUploadsTable;
  photo_ref_origins: PhotoRefOriginsTable;
  sign_in_delays: SignInDelaysTable;
  usage_events: UsageEventsTable;
  indicator_facts: IndicatorFactsTable;
  indicator_fact_tags: IndicatorFactTagsTable;
  indicator_rollups: IndicatorRollupsTable;
  erased_users: ErasedUsersTable;
  erased_device_tokens: ErasedDeviceTokensTable;
  privacy_texts: PrivacyTextsTable;
};
