/**
 * Bench: the photo bytes a list of 50 findings downloads on a phone that did
 * not take the photos (issue 13, item 3). Fifty camera-like pictures go
 * through the real pipeline (tests/fixtures/photos/pipeline-site.ts) with the
 * thumbnail made in the same job, as the capturing phone does; they are put
 * on a real server as two rounds of 50 findings — one naming the thumbnails,
 * one as older records without them — and a fresh phone opens each round's
 * list. Counted: the bytes of every `GET /api/v1/photos/…` answer.
 */
import type { Browser, Page } from 'playwright-core';
import { BuurtlogPage } from '../e2e/buurtlog-page.ts';
import { newDevice, type RunningServer } from '../e2e/harness.ts';
import { seedFindings, type Shot } from '../e2e/seed-photos.ts';
import { startPipelineSite, type PipelineWindow } from '../fixtures/photos/pipeline-site.ts';

export const LIST_FINDINGS = 50;
const PHOTO_GET = /\/api\/v1\/photos\/[0-9a-f]{64}$/;

export type ListBytes = { bytes: number; requests: number };
export type ThumbnailFigures = { photoMedian: number; thumbnailMedian: number; withThumbnails: ListBytes; withoutThumbnails: ListBytes };

/** Fifty photos and their thumbnails, as the capturing phone's worker makes them. */
async function pipelineShots(browser: Browser, count: number): Promise<Shot[]> {
  const site = await startPipelineSite();
  const page = await browser.newPage();
  try {
    await page.goto(site.url);
    await page.waitForFunction(() => document.title === 'ready');
    const made = await page.evaluate(async (count) => {
      const { createPhotoProcessor, THUMBNAIL_OPTIONS } = (window as unknown as PipelineWindow).buurtlogPhotos;
      const processor = createPhotoProcessor();
      const toBase64 = async (blob: Blob) => {
        const bytes = new Uint8Array(await blob.arrayBuffer());
        let text = '';
        for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        return btoa(text);
      };
      const out = [];
      try {
        for (let n = 0; n < count; n++) {
          // A street scene's worth of detail: gradient, shapes, sensor noise.
          const [w, h] = [2000, 1500];
          const canvas = new OffscreenCanvas(w, h);
          const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
          let seed = (0x5c0ffee + n * 7919) >>> 0;
          const random = () => (seed = (Math.imul(seed, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32;
          const sky = ctx.createLinearGradient(0, 0, w, h);
          sky.addColorStop(0, '#7fb2e5');
          sky.addColorStop(0.5, '#9dbf7a');
          sky.addColorStop(1, '#5b4b3a');
          ctx.fillStyle = sky;
          ctx.fillRect(0, 0, w, h);
          for (let i = 0; i < 300; i++) {
            ctx.fillStyle = `hsl(${random() * 360} ${30 + random() * 40}% ${25 + random() * 50}%)`;
            ctx.beginPath();
            ctx.ellipse(random() * w, random() * h, 10 + random() * 200, 10 + random() * 150, random() * Math.PI, 0, 2 * Math.PI);
            ctx.fill();
          }
          const pixels = ctx.getImageData(0, 0, w, h);
          for (let i = 0; i < pixels.data.length; i += 4) {
            const noise = (random() - 0.5) * 16;
            for (let c = 0; c < 3; c++) pixels.data[i + c] = (pixels.data[i + c] as number) + noise;
          }
          ctx.putImageData(pixels, 0, 0);
          const file = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
          canvas.width = canvas.height = 0;
          const photo = await processor.process(file, { thumbnail: THUMBNAIL_OPTIONS });
          if (!photo.thumbnail) throw new Error('the pipeline made no thumbnail');
          out.push({
            photo: await toBase64(photo.blob),
            type: photo.type,
            thumbnail: await toBase64(photo.thumbnail.blob),
            thumbnailType: photo.thumbnail.type,
          });
        }
      } finally {
        processor.dispose();
      }
      return out;
    }, count);
    return made.map((shot) => ({
      photo: Buffer.from(shot.photo, 'base64'),
      type: shot.type,
      thumbnail: { bytes: Buffer.from(shot.thumbnail, 'base64'), type: shot.thumbnailType },
    }));
  } finally {
    await page.close();
    await site.stop();
  }
}

/** Open a round's list on the phone and count the photo bytes that came in until every card shows its picture. */
async function listBytes(phone: BuurtlogPage, url: string, activityId: string, count: number): Promise<ListBytes> {
  const page: Page = phone.page;
  const sizes: Array<Promise<number>> = [];
  const onResponse = (response: { url(): string; request(): { method(): string }; body(): Promise<Buffer> }) => {
    if (response.request().method() === 'GET' && PHOTO_GET.test(new URL(response.url()).pathname)) sizes.push(response.body().then((body) => body.length));
  };
  page.on('response', onResponse);
  await page.goto(`${url}/#/schouw/${activityId}`);
  await phone.expectSoon(`${count} pictures in the list`, () =>
    page.waitForFunction(
      (n) => [...document.querySelectorAll<HTMLImageElement>('[data-testid="finding-card"] img')].filter((img) => img.naturalWidth > 0).length === n,
      count,
      { timeout: 120_000 },
    ),
  );
  page.off('response', onResponse);
  const bytes = (await Promise.all(sizes)).reduce((sum, size) => sum + size, 0);
  return { bytes, requests: sizes.length };
}

export async function measureListThumbnails(browser: Browser, server: RunningServer): Promise<ThumbnailFigures> {
  const shots = await pipelineShots(browser, LIST_FINDINGS);
  const withThumbnails = await seedFindings(server, 'bench-taker-0001', shots, 0x7001);
  const older = await seedFindings(
    server,
    'bench-taker-0001',
    shots.map(({ photo, type }) => ({ photo, type })),
    0x7002,
  );
  const context = await newDevice(browser);
  try {
    const phone = await BuurtlogPage.open(context, server.url);
    await phone.waitUntilSynced();
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
    return {
      photoMedian: median(shots.map((shot) => shot.photo.length)),
      thumbnailMedian: median(shots.map((shot) => shot.thumbnail?.bytes.length ?? 0)),
      withThumbnails: await listBytes(phone, server.url, withThumbnails.activityId, LIST_FINDINGS),
      withoutThumbnails: await listBytes(phone, server.url, older.activityId, LIST_FINDINGS),
    };
  } finally {
    await context.close();
  }
}
