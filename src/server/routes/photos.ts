/**
 * Photos (DESIGN.md "Photos"), addressed by the SHA-256 of their bytes.
 *
 * `PUT /api/v1/photos/:sha256` stores a processed photo: JPEG or WebP
 * (else 415), at most MAX_PHOTO_BYTES (else 413), the hash of the bytes must
 * be the one in the address (else 400 with issue `hash-mismatch`: retry
 * the upload), the bytes must be whole (else 400) and hold only the
 * segments or chunks of a processed photo (domain/photo-bytes.ts; else 415:
 * take the photo again). Idempotent: 201 when stored now, 200 when
 * the server had it, and nothing changes. Anyone who may make or change a
 * finding may upload, because a photo may arrive before its finding.
 *
 * `GET` (and `HEAD`) `/api/v1/photos/:sha256` serves it ONLY to someone who
 * may read a record of their tenant that shows it, through a reference that
 * counts (photo-access.ts: not merely naming a hash); to anyone else it is 404,
 * exactly as for a photo that does not exist, so its existence is never revealed.
 *
 * `GET /api/v1/photos/missing?ids=<sha256>,…` answers which of the given
 * photos the asker may not see yet — the server lacks them, or has them
 * only for others (the device keeps uploading those).
 */
import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { toIssues } from '../../domain/errors.ts';
import { checkPhotoBytes } from '../../domain/photo-bytes.ts';
import {
  MAX_PHOTO_BYTES,
  MissingPhotosQuerySchema,
  PHOTO_MEDIA_TYPES,
  Sha256Schema,
  type MissingPhotosResponse,
  type PhotoMediaType,
  type PhotoUploadResponse,
} from '../../domain/photos.ts';
import { authenticate, type AuthEnv } from '../auth/authenticate.ts';
import { mayUploadPhotos } from '../authorise.ts';
import { recordAudit } from '../db/audit.ts';
import { findPhoto, insertPhoto, recordUpload } from '../db/photos.ts';
import { ApiFailure } from '../errors.ts';
import { readBodyBytes } from '../raw-body.ts';
import { arrivedPhotos, visiblePhotos } from '../photo-access.ts';
import type { ServerContext } from '../server-context.ts';
import { quotaGate, withinLimits } from '../usage-limits.ts';

/**
 * Personal data: never in the browser's HTTP cache, where a revoked phone's
 * wipe would not reach it (issue 10, item 13). The app keeps the photos it
 * needs offline in its own photo table, which the wipe deletes.
 */
const CACHE_CONTROL = 'private, no-store';

export function photosRoute({ database, now, limits, quota, metrics }: ServerContext): Hono<AuthEnv> {
  const notFound = () => new ApiFailure(404, 'not-found', 'There is no such photo, or it is not yours to see.');

  return new Hono<AuthEnv>()
    .get('/missing', authenticate(database, now), async (c) => {
      const query = z.safeParse(MissingPhotosQuerySchema, { ids: c.req.query('ids') ?? '' });
      if (!query.success) {
        throw new ApiFailure(400, 'invalid-payload', 'Name the photos as ?ids= followed by their SHA-256 hashes, separated by commas.', toIssues(query.error));
      }
      const wanted = [...new Set(query.data.ids)];
      const present = await arrivedPhotos(database.db, c.var.principal, wanted);
      return c.json({ missing: wanted.filter((hash) => !present.has(hash)) } satisfies MissingPhotosResponse);
    })

    .put('/:sha256', quotaGate(quota, 'photo', now), authenticate(database, now), async (c) => {
      const { principal, deviceId } = c.var;
      const sha256 = c.req.param('sha256');
      if (!z.safeParse(Sha256Schema, sha256).success) {
        throw new ApiFailure(400, 'invalid-payload', 'A photo is addressed by the SHA-256 of its bytes, as 64 lowercase hex digits.', [
          { path: 'sha256', message: 'not a SHA-256' },
        ]);
      }
      if (!mayUploadPhotos(principal.role))
        throw new ApiFailure(403, 'forbidden', `As a ${principal.role} you may not upload photos: only those who make or follow up findings may.`);
      const mediaType = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
      if (!isPhotoMediaType(mediaType))
        throw new ApiFailure(415, 'unsupported-media-type', 'Send the photo as image/jpeg or image/webp, with that Content-Type.');
      const time = now();
      const usage = { tenantId: principal.tenantId, deviceId, userId: principal.userId, kind: 'photo' } as const;
      const counted = await withinLimits(database, limits, usage, time, { gate: quota, authorization: c.req.header('authorization') });

      // Every byte received counts against the limits, stored or refused (too large: as the most the server read): junk costs the server as much.
      const bytes = await readBodyBytes(
        c.req.raw,
        MAX_PHOTO_BYTES,
        `The photo is larger than ${MAX_PHOTO_BYTES} bytes (2 MiB); the app makes photos far smaller.`,
      ).catch(async (error: unknown) => {
        if (error instanceof ApiFailure && error.status === 413) await counted(MAX_PHOTO_BYTES);
        throw error;
      });
      await counted(bytes.length);
      if (bytes.length === 0) throw new ApiFailure(400, 'invalid-payload', 'The body is empty; send the photo’s bytes.');
      // The hash first: bytes damaged on the way are worth another try, the checks below are not.
      const actual = createHash('sha256').update(bytes).digest('hex');
      if (actual !== sha256) {
        throw new ApiFailure(
          400,
          'invalid-payload',
          `Hash mismatch: the bytes received have SHA-256 ${actual}, not the one in the address. Nothing was stored; send the photo again.`,
          [{ path: 'sha256', message: 'hash-mismatch' }],
        );
      }
      const problem = checkPhotoBytes(bytes, mediaType);
      if (problem?.kind === 'unsupported') throw new ApiFailure(415, 'unsupported-media-type', problem.message, [{ path: 'body', message: problem.message }]);
      if (problem) throw new ApiFailure(400, 'invalid-payload', problem.message, [{ path: 'body', message: problem.message }]);

      const isNew = await insertPhoto(database.db, {
        tenant_id: principal.tenantId,
        sha256,
        type: mediaType,
        bytes,
        size: bytes.length,
        created_at: time,
        created_by: principal.userId,
        device_id: deviceId,
        last_ref_at: null,
      });
      await recordUpload(database.db, { tenantId: principal.tenantId, sha256, userId: principal.userId, at: time });
      // Only a photo stored now is news for the audit log.
      if (isNew) {
        await recordAudit(database.db, [
          {
            tenantId: principal.tenantId,
            at: time,
            userId: principal.userId,
            deviceId,
            action: 'photo.upload',
            recordType: 'photo',
            recordId: sha256,
            fields: [String(bytes.length)],
          },
        ]);
      }
      if (isNew) metrics.photoStored(bytes.length);
      return c.json({ sha256, type: mediaType, size: bytes.length } satisfies PhotoUploadResponse, isNew ? 201 : 200);
    })

    .get('/:sha256', authenticate(database, now), async (c) => {
      const { principal } = c.var;
      const sha256 = c.req.param('sha256');
      if (!z.safeParse(Sha256Schema, sha256).success) throw notFound();
      // Who may see it first (photo-access.ts), so a photo nobody here may see is never even read.
      if (!(await visiblePhotos(database.db, principal, [sha256])).has(sha256)) throw notFound();
      const photo = await findPhoto(database.db, principal.tenantId, sha256);
      if (!photo) throw notFound();

      const etag = `"${sha256}"`;
      const headers = {
        'Content-Type': photo.type,
        'Cache-Control': CACHE_CONTROL,
        ETag: etag,
        'X-Content-Type-Options': 'nosniff',
        // Only this origin's pages may show it.
        'Cross-Origin-Resource-Policy': 'same-origin',
      };
      if (
        c.req
          .header('if-none-match')
          ?.split(',')
          .some((tag) => tag.trim() === etag)
      )
        return c.body(null, 304, headers);
      return c.body(new Uint8Array(photo.bytes), 200, { ...headers, 'Content-Length': String(photo.size) });
    });
}

function isPhotoMediaType(value: string | undefined): value is PhotoMediaType {
  return (PHOTO_MEDIA_TYPES as readonly (string | undefined)[]).includes(value);
}
