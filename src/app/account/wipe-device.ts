/**
 * Wipe this device (revoked, or its person signed out): the store's
 * wipeLocalData — records, outbox, session, settings, a new device id — and
 * the unsaved form drafts this app keeps in localStorage.
 */
import { wipeLocalData } from '../../store/wipe.ts';

const LOCAL_PREFIX = 'buurtlog:';

export async function wipeDevice({ store, storage }: { store: { destroy(): Promise<void> }; storage: Storage | undefined }): Promise<string> {
  const deviceId = await wipeLocalData({ store });
  forgetLocal(storage);
  return deviceId;
}

export function forgetLocal(storage: Storage | undefined): void {
  try {
    if (!storage) return;
    const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((key): key is string => key?.startsWith(LOCAL_PREFIX) === true);
    for (const key of keys) storage.removeItem(key);
  } catch {
    // Blocked storage holds nothing of ours.
  }
}
