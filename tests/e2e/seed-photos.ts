/**
 * Findings with photos from "another phone", put on a real server through
 * its API: the photos (and thumbnails) uploaded with `PUT /api/v1/photos/…`,
 * then a schouw activity and one finding per photo pushed by that device.
 * Used by tests/e2e/photo-cache.test.ts and the bench (tests/bench/thumbnails.ts).
 */
import type { Page } from 'playwright-core';
import { stripMetadata } from '../../src/app/photos/strip-metadata.ts';
import { idFactory, mutation } from '../fixtures/server-mutations.ts';
import { findingValues } from '../fixtures/server-schouw.ts';
import { NOW } from '../fixtures/fixed.ts';
import { sha256Hex } from '../fixtures/fixed.ts';
import { daysFromToday } from './buurtlog-page.ts';
import { signIn, type RunningServer } from './harness.ts';

export type Shot = { photo: Buffer; type: string; thumbnail?: { bytes: Buffer; type: string } };
export type SeededFindings = { activityId: string; findingIds: string[]; photos: string[]; thumbnails: string[] };

/**
 * A photo as the pipeline stores it — a canvas's JPEG, no metadata — that
 * compresses badly (noise over shapes), so each is large; with a thumbnail of
 * the same picture at `thumbnailEdge` px.
 */
export async function noisyPhoto(page: Page, seed: number, opts: { width: number; height: number; quality: number; thumbnailEdge?: number }): Promise<Shot> {
  const made = await page.evaluate(
    async ({ seed, width, height, quality, thumbnailEdge }) => {
      const canvas = new OffscreenCanvas(width, height);
      const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
      let state = (seed * 7919 + 17) >>> 0;
      const random = () => (state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32;
      ctx.fillStyle = `hsl(${(seed * 67) % 360} 50% 50%)`;
      ctx.fillRect(0, 0, width, height);
      for (let i = 0; i < 60; i++) {
        ctx.fillStyle = `hsl(${random() * 360} 60% ${25 + random() * 50}%)`;
        ctx.fillRect(random() * width, random() * height, 40 + random() * width * 0.3, 40 + random() * height * 0.3);
      }
      const pixels = ctx.getImageData(0, 0, width, height);
      for (let i = 0; i < pixels.data.length; i += 4) {
        const noise = (random() - 0.5) * 90;
        for (let c = 0; c < 3; c++) pixels.data[i + c] = (pixels.data[i + c] as number) + noise;
      }
      ctx.putImageData(pixels, 0, 0);
      const toBase64 = async (blob: Blob) => {
        const bytes = new Uint8Array(await blob.arrayBuffer());
        let text = '';
        for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        return btoa(text);
      };
      const photo = await toBase64(await canvas.convertToBlob({ type: 'image/jpeg', quality }));
      let thumbnail: string | null = null;
      if (thumbnailEdge) {
        const scale = thumbnailEdge / Math.max(width, height);
        const small = new OffscreenCanvas(Math.round(width * scale), Math.round(height * scale));
        (small.getContext('2d') as OffscreenCanvasRenderingContext2D).drawImage(canvas, 0, 0, small.width, small.height);
        thumbnail = await toBase64(await small.convertToBlob({ type: 'image/jpeg', quality: 0.7 }));
      }
      return { photo, thumbnail };
    },
    { seed, ...opts },
  );
  // As the pipeline does after encoding: no colour profile or other metadata.
  const clean = (base64: string) => Buffer.from(stripMetadata(new Uint8Array(Buffer.from(base64, 'base64'))));
  return {
    photo: clean(made.photo),
    type: 'image/jpeg',
    ...(made.thumbnail ? { thumbnail: { bytes: clean(made.thumbnail), type: 'image/jpeg' } } : {}),
  };
}

/** Upload the shots as `device` (the seeded coordinator) and push a schouw round with one finding per shot, naming the thumbnails. */
export async function seedFindings(server: RunningServer, device: string, shots: readonly Shot[], seed = 0x5eed): Promise<SeededFindings> {
  const token = await signIn(server, { deviceId: device });
  const auth = { authorization: `Bearer ${token}` };
  const put = async (bytes: Buffer, type: string): Promise<string> => {
    const sha256 = sha256Hex(bytes);
    const response = await fetch(`${server.url}/api/v1/photos/${sha256}`, {
      method: 'PUT',
      headers: { ...auth, 'content-type': type },
      body: new Uint8Array(bytes),
    });
    if (response.status !== 201 && response.status !== 200) throw new Error(`PUT photo answered ${response.status}: ${await response.text()}`);
    return sha256;
  };
  const photos: string[] = [];
  const thumbnails: string[] = [];
  for (const shot of shots) {
    photos.push(await put(shot.photo, shot.type));
    if (shot.thumbnail) thumbnails.push(await put(shot.thumbnail.bytes, shot.thumbnail.type));
  }
  const ids = idFactory(seed);
  const activityId = ids();
  const findingIds = shots.map(() => ids());
  const stamp = { device };
  const mutations = [
    mutation(
      ids,
      'activity',
      activityId,
      {
        title: 'Schouw met foto’s',
        type: 'schouw',
        buurtId: 'oranjebuurt',
        date: daysFromToday(-1),
        start: '10:00',
        status: 'planned',
        createdAt: NOW - 120_000,
        createdBy: 'fixture',
      },
      stamp,
    ),
    ...findingIds.map((id, i) => {
      const photo = photos[i] as string;
      const thumbnail = shots[i]?.thumbnail ? sha256Hex(shots[i].thumbnail.bytes) : undefined;
      return mutation(
        ids,
        'finding',
        id,
        findingValues(activityId, 'oranjebuurt', null, { photos: [photo], ...(thumbnail ? { thumbnails: { [photo]: thumbnail } } : {}) }),
        stamp,
      );
    }),
  ];
  const response = await fetch(`${server.url}/api/v1/sync/push`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ schemaVersion: mutations[0]?.schemaVersion, deviceId: device, mutations }),
  });
  const body = (await response.json()) as { results: Array<{ status: string; missingPhotos?: string[] }> };
  const refused = body.results.filter((result) => result.status !== 'applied' || (result.missingPhotos?.length ?? 0) > 0);
  if (response.status !== 200 || refused.length > 0) throw new Error(`push answered ${response.status}: ${JSON.stringify(refused.slice(0, 3))}`);
  return { activityId, findingIds, photos, thumbnails };
}
