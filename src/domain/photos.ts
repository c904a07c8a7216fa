/**
 * Photos (DESIGN.md "Photos"): processed on the device (downscaled,
 * upright, re-encoded, every byte of metadata gone), addressed by the
 * SHA-256 of their bytes, uploaded on their own with
 * `PUT /api/v1/photos/{sha256}`. A record refers to its photos by hash; the
 * server accepts a record whose photos have not arrived yet and says which
 * are missing (the push result's `missingPhotos`, `GET /api/v1/photos/missing`),
 * so the device retries per photo and never calls one sent before the server has it.
 *
 * Thumbnails (≤ 320 px, for lists) are made once, on the phone that takes the
 * photo, and travel exactly like photos: their own content-addressed object,
 * uploaded with the same PUT. A record names them in `thumbnails`, a map from
 * each photo's hash to its thumbnail's, so a thumbnail is referenced by the
 * same record as its photo and is served to exactly those who may see it. A
 * map, not a list beside `photos`: a write of `photos` alone (an older app)
 * can never pair a photo with another photo's thumbnail. A record without a
 * thumbnail for a photo (older records) still shows: the viewing phone makes
 * one from the photo, as before.
 */
import * as z from 'zod/mini';
import type { Mergeable } from './merge.ts';

/** Lowercase hex SHA-256 of a photo's bytes: its name everywhere. */
export const Sha256Schema = z.string().check(z.regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 as 64 lowercase hex digits'));

/** The media types the server stores. The device re-encodes every photo to one of these. */
export const PHOTO_MEDIA_TYPES = ['image/jpeg', 'image/webp'] as const;
export type PhotoMediaType = (typeof PHOTO_MEDIA_TYPES)[number];

/** Largest photo the server takes; the pipeline's output is far below it (~300 KB). */
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;
export const MAX_PHOTOS_PER_RECORD = 5;
/** Most hashes one `GET /api/v1/photos/missing` may ask about (the URL stays under ~7 KB). */
export const MAX_MISSING_QUERY = 100;

/** `PUT /api/v1/photos/{sha256}`: 201 when stored now, 200 when the server had it already. */
export const PhotoUploadResponseSchema = z.object({
  sha256: Sha256Schema,
  type: z.enum(PHOTO_MEDIA_TYPES),
  size: z.int(),
});
export type PhotoUploadResponse = z.infer<typeof PhotoUploadResponseSchema>;

/** `GET /api/v1/photos/missing?ids=<sha256>,<sha256>…`: those of the given hashes the server does not have. */
export const MissingPhotosQuerySchema = z.object({
  ids: z.pipe(
    z.pipe(
      z.string(),
      z.transform((ids) => (ids === '' ? [] : ids.split(','))),
    ),
    z.array(Sha256Schema).check(z.maxLength(MAX_MISSING_QUERY, `must name at most ${MAX_MISSING_QUERY} photos`)),
  ),
});
export const MissingPhotosResponseSchema = z.object({ missing: z.array(Sha256Schema) });
export type MissingPhotosResponse = z.infer<typeof MissingPhotosResponseSchema>;

/** Longest edge of a thumbnail in px. */
export const THUMBNAIL_EDGE = 320;

/** `thumbnails`: photo hash → its thumbnail's hash, at most one per photo of the record. */
export const ThumbnailsSchema = z
  .record(Sha256Schema, Sha256Schema)
  .check(z.refine((map) => Object.keys(map).length <= MAX_PHOTOS_PER_RECORD, `must name at most ${MAX_PHOTOS_PER_RECORD} thumbnails`));
export type Thumbnails = z.infer<typeof ThumbnailsSchema>;

const isSha256 = (hash: unknown): hash is string => typeof hash === 'string' && z.safeParse(Sha256Schema, hash).success;

/** The hashes of a record's photos (its `photos` field), valid hashes only. */
export function ownPhotoHashesOf(record: Mergeable): string[] {
  const value = record.fields['photos']?.v;
  return Array.isArray(value) ? value.filter(isSha256) : [];
}

/** The thumbnail the record names for each of its photos that has one (`thumbnails`, only for photos it still shows). */
export function thumbnailHashesOf(record: Mergeable): string[] {
  const map = record.fields['thumbnails']?.v;
  if (map === null || typeof map !== 'object' || Array.isArray(map)) return [];
  return ownPhotoHashesOf(record)
    .map((photo) => (Object.hasOwn(map, photo) ? (map as Record<string, unknown>)[photo] : undefined))
    .filter(isSha256);
}

/**
 * Every stored object a record refers to: its photos and their thumbnails.
 * References, access, `missingPhotos` and purges all go by this list, so a
 * thumbnail is seen, asked for and removed exactly like its photo.
 */
export function photoHashesOf(record: Mergeable): string[] {
  return [...new Set([...ownPhotoHashesOf(record), ...thumbnailHashesOf(record)])];
}
