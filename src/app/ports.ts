/** The sync types the UI codes against, in one place. (The store's types come from their own modules.) */
export type { SyncController } from '../sync/controller.ts';
export type { SyncStatus as SyncControllerStatus } from '../sync/status.ts';
export type { SyncResult } from '../sync/engine.ts';
