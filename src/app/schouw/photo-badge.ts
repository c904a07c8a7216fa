/**
 * "foto nog niet verstuurd": a finding may be on the server while one of its
 * photos is still only on this phone (photos travel on their own, DESIGN.md
 * "Photos"). Nothing is called sent before the server has it, so a photo that
 * failed counts as not sent too.
 */
import type { PhotoStatus } from '../../store/photo-store.ts';

export type PhotoStates = Readonly<Record<string, PhotoStatus['state'] | null>>;

export function hasUnsentPhoto(hashes: readonly string[], states: PhotoStates): boolean {
  return hashes.some((hash) => {
    const state = states[hash];
    return state === 'pending' || state === 'failed';
  });
}
