/**
 * "foto nog niet verstuurd": a finding may be on the server while one of its
 * photos is still only on this phone (photos travel on their own, DESIGN.md
 * "Photos"). Nothing is called sent before the server has it, so a photo that
 * failed counts as not sent too, and so does a thumbnail: until it is on the
 * server, other phones' lists cannot show the photo.
 */
import type { PhotoStatus } from '../../store/photo-store.ts';

export type PhotoStates = Readonly<Record<string, PhotoStatus['state'] | null>>;

export function hasUnsentPhoto(hashes: readonly string[], states: PhotoStates): boolean {
  return hashes.some((hash) => {
    const state = states[hash];
    return state === 'pending' || state === 'failed';
  });
}

/** The stored objects a finding's badge goes by: each photo and its thumbnail. */
export function photoObjectsOf(finding: { photos: readonly string[]; thumbnails: Readonly<Record<string, string>> }): string[] {
  return finding.photos.flatMap((photo) => {
    const thumbnail = finding.thumbnails[photo];
    return thumbnail ? [photo, thumbnail] : [photo];
  });
}
