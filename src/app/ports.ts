/** The sync engine's types the UI codes against, in one place. (The store's types come from their own modules.) */
export type { SyncEngine, SyncResult, SyncStatus as SyncEngineStatus } from '../sync/engine.ts';
