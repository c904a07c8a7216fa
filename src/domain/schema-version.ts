/**
 * The payload schema version, apart from protocol.ts: every local write
 * stamps it, so it ships with the first screen, while the protocol's message
 * schemas load with the sync engine.
 */

/** The payload schema version this code writes and reads. */
export const SCHEMA_VERSION = 1;
/** Clients below this get 426 and are asked to update. */
export const MIN_SCHEMA_VERSION = 1;
