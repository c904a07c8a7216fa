/**
 * Photos (DESIGN.md "Photos"): processed on the device (downscaled,
 * upright, re-encoded, every byte of metadata gone), addressed by the
 * SHA-256 of their bytes, uploaded on their own with
 * `PUT /api/v1/photos/{sha256}`. A record refers to its photos by hash; the
 * server accepts a record whose photos have not arrived yet and says which
 * are missing (the push result's `missingPhotos`, `GET /api/v1/photos/missing`),
 * so the device retries per photo and never calls one sent before the server has it.
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

/** The photos a record refers to (its `photos` field), valid hashes only. */
export function photoHashesOf(record: Mergeable): string[] {
  const value = record.fields['photos']?.v;
  if (!Array.isArray(value)) return [];
  return value.filter((hash): hash is string => typeof hash === 'string' && z.safeParse(Sha256Schema, hash).success);
}
