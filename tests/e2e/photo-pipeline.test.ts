/**
 * The on-device photo pipeline (src/app/photos) on real JPEGs
 * (tests/fixtures/photos): the header reader and metadata stripper in Node,
 * then the Vite-built pipeline in Chromium — in its worker and on the page.
 *
 * A stored photo is upright, at most 1600 px, carries no byte of EXIF, XMP or
 * GPS, is named by the SHA-256 of exactly its bytes, and a 48 MP photo never
 * exists as a full-size canvas (iOS caps canvases at 16.7 MP).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Browser, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytesSource } from '../../src/app/photos/byte-source.ts';
import { readImageHeader } from '../../src/app/photos/image-header.ts';
import { jpegMetadataSegments, stripMetadata } from '../../src/app/photos/strip-metadata.ts';
import { ascii, concat, exifSegment, spliceAfterSoi, tiff } from '../fixtures/photos/exif-writer.ts';
import { METADATA_STRINGS, ORIENTATION_6, PLAIN_UPRIGHT, QUADRANTS, photoFixture, type PhotoFixtureName } from '../fixtures/photos/photo-fixtures.ts';
import { startPipelineSite, type PipelineSite, type PipelineWindow } from '../fixtures/photos/pipeline-site.ts';
import { launchBrowser } from './harness.ts';
import { sha256Hex } from '../fixtures/fixed.ts';

const fixture = (name: PhotoFixtureName) => new Uint8Array(readFileSync(photoFixture(name)));
const header = (bytes: Uint8Array) => readImageHeader(bytesSource(bytes));

describe('reading a photo header without decoding it', () => {
  it('finds the stored size and orientation 6 of the iPhone-like JPEG', async () => {
    expect(await header(fixture(ORIENTATION_6.file))).toEqual({ format: 'jpeg', size: ORIENTATION_6.stored, orientation: 6 });
  });

  it('reads a JPEG without Exif as upright', async () => {
    expect(await header(fixture(PLAIN_UPRIGHT.file))).toEqual({ format: 'jpeg', size: PLAIN_UPRIGHT.stored, orientation: 1 });
  });

  it('reads little-endian Exif as well as big-endian', async () => {
    const jpeg = spliceAfterSoi(fixture(PLAIN_UPRIGHT.file), [exifSegment(tiff('II', [{ tag: 0x0112, type: 'short', value: [8] }]))]);
    expect(await header(jpeg)).toMatchObject({ size: PLAIN_UPRIGHT.stored, orientation: 8 });
  });

  it('skips garbage and fill bytes between segments, as libjpeg does', async () => {
    const original = fixture(ORIENTATION_6.file);
    const firstSegmentEnd = 4 + (((original[4] as number) << 8) | (original[5] as number));
    const junk = concat(ascii('junk\0\0'), new Uint8Array([0xff, 0xff, 0xff]));
    const jpeg = concat(original.subarray(0, firstSegmentEnd), junk, original.subarray(firstSegmentEnd));
    expect(await header(jpeg)).toEqual({ format: 'jpeg', size: ORIENTATION_6.stored, orientation: 6 });
  });

  it('says null for text with a .jpg name', async () => {
    expect(await header(fixture('not-an-image.jpg'))).toBeNull();
  });

  it('never throws or reads out of bounds on any truncation of a real header', async () => {
    const jpeg = fixture(ORIENTATION_6.file);
    for (let length = 0; length <= 2_000; length++) {
      const found = await header(jpeg.subarray(0, length));
      if (found?.size) expect(found.size).toEqual(ORIENTATION_6.stored);
    }
  });

  it('never throws on corrupted headers, and any size it reports fits a JPEG', async () => {
    const jpeg = fixture(ORIENTATION_6.file);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(1_500), fc.nat(255)), { minLength: 1, maxLength: 20 }), async (edits) => {
        const broken = jpeg.slice(0, 2_000);
        for (const [at, byte] of edits) broken[at] = byte;
        const found = await header(broken);
        if (found?.size) expect(Math.max(found.size.width, found.size.height)).toBeLessThanOrEqual(0xffff);
        if (found) expect(found.orientation).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 2_000, seed: 4 },
    );
  });
});

describe('cutting metadata out of encoded bytes', () => {
  it('removes both APP1 segments (Exif, XMP) and the ICC profile, and nothing of the image', async () => {
    const jpeg = fixture(ORIENTATION_6.file);
    expect(jpegMetadataSegments(jpeg)).toHaveLength(3);
    const clean = stripMetadata(jpeg);
    expect(jpegMetadataSegments(clean)).toEqual([]);
    expectNoMetadata(clean);
    expect(await header(clean)).toEqual({ format: 'jpeg', size: ORIENTATION_6.stored, orientation: 1 });
    expect(Buffer.from(clean.subarray(clean.length - 1_000)).equals(Buffer.from(jpeg.subarray(jpeg.length - 1_000)))).toBe(true);
  });

  it('returns the very same bytes when there is nothing to cut', () => {
    const clean = stripMetadata(fixture(ORIENTATION_6.file));
    expect(stripMetadata(clean)).toBe(clean);
  });

  it('drops EXIF, XMP and ICCP chunks of a WebP and clears their VP8X flags', () => {
    const chunk = (id: string, payload: Uint8Array) => {
      const size = new Uint8Array(4);
      new DataView(size.buffer).setUint32(0, payload.length, true);
      return concat(ascii(id), size, payload, payload.length % 2 ? new Uint8Array(1) : new Uint8Array(0));
    };
    const vp8x = chunk('VP8X', new Uint8Array([0x20 | 0x08 | 0x04, 0, 0, 0, 9, 0, 0, 9, 0, 0]));
    const image = chunk('VP8L', new Uint8Array([0x2f, 9, 0x40, 0x02, 0, 0, 0, 0]));
    const body = concat(ascii('WEBP'), vp8x, chunk('ICCP', ascii('icc!')), image, chunk('EXIF', ascii('Exif\0\0MM')), chunk('XMP ', ascii('<x:xmpmeta/>')));
    const riff = (b: Uint8Array) => {
      const size = new Uint8Array(4);
      new DataView(size.buffer).setUint32(0, b.length, true);
      return concat(ascii('RIFF'), size, b);
    };
    const clean = stripMetadata(riff(body));
    expect(Buffer.from(clean).equals(Buffer.from(riff(concat(ascii('WEBP'), chunk('VP8X', new Uint8Array([0, 0, 0, 0, 9, 0, 0, 9, 0, 0])), image))))).toBe(
      true,
    );
  });
});

// In Chromium ───────────────────────────────────────────────────────────────

type Source = { fixture: PhotoFixtureName } | { bytes: number[] } | { zeros: number } | { generated: { width: number; height: number } };
type Run = {
  source: Source;
  options?: { maxEdge?: number; type?: 'image/jpeg' | 'image/webp'; quality?: number; maxBytes?: number };
  useWorker?: boolean;
  /** Take OffscreenCanvas away from the page first, as in a browser without it. */
  withoutOffscreenCanvas?: boolean;
  /** Make the page's createImageBitmap resize before it orients, as older decoders did: a quarter-turned size comes back. */
  withResizeBeforeOrientation?: boolean;
  /** Abort before the call ('before'), or this many ms after it. */
  abort?: 'before' | number;
  /** Then a thumbnail of the result, at this edge. */
  thumbnail?: number;
};
type Outcome =
  | {
      ok: true;
      where: string;
      width: number;
      height: number;
      type: string;
      bytes: number;
      sha256: string;
      data: number[];
      decoded: { width: number; height: number };
      quadrants: number[][];
      ms: number;
      thumbnail?: { width: number; height: number; type: string };
    }
  | { ok: false; name: string; reason?: string; message: string; ms: number };

/** In the page: get the source, run it through a processor, describe what came out (or how it failed). */
async function runPipeline(page: Page, run: Run): Promise<Outcome> {
  return page.evaluate(async (run) => {
    const { createPhotoProcessor, makeThumbnail } = (window as unknown as PipelineWindow).buurtlogPhotos;
    const source = run.source;
    let file: Blob;
    if ('fixture' in source) file = await (await fetch(`/fixtures/${source.fixture}`)).blob();
    else if ('bytes' in source) file = new Blob([new Uint8Array(source.bytes)], { type: 'image/jpeg' });
    else if ('zeros' in source) file = new Blob([new Uint8Array(source.zeros)], { type: 'image/jpeg' });
    else {
      // A camera-sized JPEG: quadrants as in the fixtures, so orientation stays checkable.
      const { width: w, height: h } = source.generated;
      const canvas = new OffscreenCanvas(w, h);
      const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
      const fills = [
        ['rgb(220,30,30)', 0, 0],
        ['rgb(30,170,60)', w / 2, 0],
        ['rgb(30,60,220)', 0, h / 2],
        ['rgb(240,210,30)', w / 2, h / 2],
      ] as const;
      for (const [colour, x, y] of fills) (ctx.fillStyle = colour), ctx.fillRect(x, y, w / 2, h / 2);
      file = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
      canvas.width = canvas.height = 0;
    }
    if (run.withoutOffscreenCanvas) Reflect.deleteProperty(globalThis, 'OffscreenCanvas');
    if (run.withResizeBeforeOrientation) {
      const decode = globalThis.createImageBitmap.bind(globalThis) as (source: ImageBitmapSource, options?: ImageBitmapOptions) => Promise<ImageBitmap>;
      globalThis.createImageBitmap = ((source: ImageBitmapSource, options?: ImageBitmapOptions) =>
        source instanceof Blob && options?.resizeWidth
          ? decode(source, { ...options, resizeWidth: options.resizeHeight, resizeHeight: options.resizeWidth })
          : decode(source, options)) as typeof createImageBitmap;
    }

    // The probed processor of probedWorkerProcessor, unless this run wants the page.
    const shared = run.useWorker === false ? undefined : (window as unknown as { processor?: ReturnType<typeof createPhotoProcessor> }).processor;
    const processor = shared ?? createPhotoProcessor({ useWorker: run.useWorker ?? true });
    const controller = new AbortController();
    if (run.abort === 'before') controller.abort();
    else if (typeof run.abort === 'number') setTimeout(() => controller.abort(), run.abort);
    const started = performance.now();
    try {
      const photo = await processor.process(file, { ...run.options, signal: controller.signal });
      const ms = performance.now() - started;
      const bitmap = await createImageBitmap(photo.blob);
      const canvas = document.createElement('canvas');
      Object.assign(canvas, { width: bitmap.width, height: bitmap.height });
      const ctx = canvas.getContext('2d', { willReadFrequently: true }) as CanvasRenderingContext2D;
      ctx.drawImage(bitmap, 0, 0);
      const at = (fx: number, fy: number) => Array.from(ctx.getImageData(Math.floor(fx * bitmap.width), Math.floor(fy * bitmap.height), 1, 1).data.slice(0, 3));
      const thumb = run.thumbnail ? await makeThumbnail(photo.blob, run.thumbnail, { processor }) : undefined;
      return {
        ok: true as const,
        where: await processor.where,
        width: photo.width,
        height: photo.height,
        type: photo.type,
        bytes: photo.bytes,
        sha256: photo.sha256,
        data: Array.from(new Uint8Array(await photo.blob.arrayBuffer())),
        decoded: { width: bitmap.width, height: bitmap.height },
        quadrants: [at(0.25, 0.25), at(0.75, 0.25), at(0.25, 0.75), at(0.75, 0.75)],
        ms,
        ...(thumb ? { thumbnail: { width: thumb.width, height: thumb.height, type: thumb.type } } : {}),
      };
    } catch (error) {
      const { name, message, reason } = error as Error & { reason?: string };
      return { ok: false as const, name, message, ms: performance.now() - started, ...(reason ? { reason } : {}) };
    } finally {
      if (processor !== shared) processor.dispose();
    }
  }, run);
}

/**
 * In the worker: wraps its OffscreenCanvas and createImageBitmap to record
 * every canvas size and every decode's options.
 */
function installProbe(): void {
  const scope = globalThis as unknown as Record<string, unknown> & { OffscreenCanvas: typeof OffscreenCanvas; createImageBitmap: typeof createImageBitmap };
  const probe = { canvases: [] as Array<[number, number]>, decodes: [] as Array<{ source: string; options: ImageBitmapOptions | null }> };
  scope['photoProbe'] = probe;
  const Original = scope.OffscreenCanvas;
  scope.OffscreenCanvas = class extends Original {
    constructor(width: number, height: number) {
      super(width, height);
      probe.canvases.push([width, height]);
    }
  };
  const create = scope.createImageBitmap.bind(globalThis) as (...args: unknown[]) => Promise<ImageBitmap>;
  scope.createImageBitmap = ((...args: unknown[]) => {
    const options = args.length === 2 || args.length === 6 ? (args[args.length - 1] as ImageBitmapOptions) : null;
    probe.decodes.push({ source: (args[0] as object).constructor.name, options });
    return create(...args);
  }) as typeof createImageBitmap;
}

type Probe = { canvases: Array<[number, number]>; decodes: Array<{ source: string; options: ImageBitmapOptions | null }> };
const readProbe = (target: Worker): Promise<Probe> => target.evaluate(() => (globalThis as unknown as { photoProbe: Probe }).photoProbe);

/** A processor kept on `window.processor`, with its worker's global scope probed before any job. */
async function probedWorkerProcessor(page: Page): Promise<Worker> {
  const started = page.waitForEvent('worker');
  await page.evaluate(() => {
    const w = window as unknown as PipelineWindow & { processor?: unknown };
    w.processor = w.buurtlogPhotos.createPhotoProcessor();
  });
  const worker = await started;
  await worker.evaluate(installProbe);
  expect(await page.evaluate(() => (window as unknown as { processor: { where: Promise<string> } }).processor.where)).toBe('worker');
  return worker;
}

function expectNoMetadata(bytes: Uint8Array): void {
  const text = Buffer.from(bytes).toString('latin1');
  for (const needle of METADATA_STRINGS) expect(text, `the bytes contain "${needle}"`).not.toContain(needle);
  expect(Buffer.from(bytes).indexOf(Buffer.from([0xff, 0xe1])), 'an APP1 marker (FF E1)').toBe(-1);
  expect(jpegMetadataSegments(bytes)).toEqual([]);
}

/** The upright quadrant colours, within what JPEG does to flat colour. */
function expectUpright(quadrants: number[][]): void {
  const expected = [QUADRANTS.topLeft, QUADRANTS.topRight, QUADRANTS.bottomLeft, QUADRANTS.bottomRight];
  quadrants.forEach((rgb, i) =>
    rgb.forEach((value, c) => expect(Math.abs(value - (expected[i] as readonly number[])[c]!), `quadrant ${i} channel ${c}: ${rgb}`).toBeLessThanOrEqual(12)),
  );
}

describe('the photo pipeline in Chromium', () => {
  let site: PipelineSite;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    site = await startPipelineSite();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.stop();
  });

  // A fresh page per test: no processor, probe or missing OffscreenCanvas left over.
  const freshPage = async () => {
    await page?.close();
    page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(site.url);
    await page.waitForFunction(() => document.title === 'ready');
  };

  it('turns the orientation-6 iPhone photo upright in the worker, without a byte of its metadata', async () => {
    await freshPage();
    const photo = await runPipeline(page, { source: { fixture: ORIENTATION_6.file } });
    if (!photo.ok) throw new Error(`failed: ${photo.message}`);
    expect(photo.where).toBe('worker');
    expect({ width: photo.width, height: photo.height }).toEqual(ORIENTATION_6.upright);
    expect(photo.decoded).toEqual(ORIENTATION_6.upright);
    expectUpright(photo.quadrants);
    expect(photo.type).toBe('image/jpeg');
    expect(photo.bytes).toBe(photo.data.length);
    expect(photo.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(photo.sha256).toBe(sha256Hex(photo.data));
    expectNoMetadata(Uint8Array.from(photo.data));
  });

  it('shrinks while decoding: resize applies to the oriented image in Chromium, in one decode', async () => {
    await freshPage();
    const worker = await probedWorkerProcessor(page);
    const photo = await runPipeline(page, { source: { fixture: ORIENTATION_6.file }, options: { maxEdge: 600 } });
    if (!photo.ok) throw new Error(`failed: ${photo.message}`);
    expect({ width: photo.width, height: photo.height }).toEqual({ width: 450, height: 600 });
    expectUpright(photo.quadrants);
    const probe = await readProbe(worker);
    expect(probe.decodes).toEqual([{ source: 'Blob', options: { resizeWidth: 450, resizeHeight: 600, resizeQuality: 'high' } }]);
  });

  it('still ends upright at the right size where a decoder resizes before it orients', async () => {
    await freshPage();
    const photo = await runPipeline(page, {
      source: { fixture: ORIENTATION_6.file },
      options: { maxEdge: 600 },
      useWorker: false,
      withResizeBeforeOrientation: true,
    });
    if (!photo.ok) throw new Error(`failed: ${photo.message}`);
    expect({ width: photo.width, height: photo.height }).toEqual({ width: 450, height: 600 });
    expectUpright(photo.quadrants);
  });

  it('brings a large upright photo to 1600 px on its long edge', async () => {
    await freshPage();
    const photo = await runPipeline(page, { source: { fixture: PLAIN_UPRIGHT.file } });
    if (!photo.ok) throw new Error(`failed: ${photo.message}`);
    expect({ width: photo.width, height: photo.height }).toEqual({ width: 1600, height: 1200 });
    expectUpright(photo.quadrants);
    expect(photo.sha256).toBe(sha256Hex(photo.data));
    expectNoMetadata(Uint8Array.from(photo.data));
  });

  it('gives the same bytes on the page as in the worker, with or without OffscreenCanvas', async () => {
    await freshPage();
    const inWorker = await runPipeline(page, { source: { fixture: ORIENTATION_6.file } });
    const onPage = await runPipeline(page, { source: { fixture: ORIENTATION_6.file }, useWorker: false });
    const withCanvasElement = await runPipeline(page, { source: { fixture: ORIENTATION_6.file }, useWorker: false, withoutOffscreenCanvas: true });
    for (const photo of [inWorker, onPage, withCanvasElement]) if (!photo.ok) throw new Error(`failed: ${photo.message}`);
    if (!inWorker.ok || !onPage.ok || !withCanvasElement.ok) return;
    expect([inWorker.where, onPage.where, withCanvasElement.where]).toEqual(['worker', 'page', 'page']);
    expect(onPage.sha256).toBe(inWorker.sha256);
    expect({ width: withCanvasElement.width, height: withCanvasElement.height }).toEqual(ORIENTATION_6.upright);
    expectUpright(withCanvasElement.quadrants);
    expectNoMetadata(Uint8Array.from(withCanvasElement.data));
  });

  it('decodes a 48 MP photo straight to 1600 px: no canvas ever larger than the result', async () => {
    await freshPage();
    const worker = await probedWorkerProcessor(page);
    const photo = await runPipeline(page, { source: { generated: { width: 8064, height: 6048 } } });
    if (!photo.ok) throw new Error(`failed: ${photo.message}`);
    expect({ width: photo.width, height: photo.height }).toEqual({ width: 1600, height: 1200 });
    expectUpright(photo.quadrants);
    const probe = await readProbe(worker);
    expect(probe.decodes).toEqual([{ source: 'Blob', options: { resizeWidth: 1600, resizeHeight: 1200, resizeQuality: 'high' } }]);
    expect(probe.canvases.length).toBeGreaterThan(0);
    for (const [width, height] of probe.canvases) expect(width * height).toBeLessThanOrEqual(1600 * 1200);
  });

  it('steps the quality down when a result is over its byte budget', async () => {
    await freshPage();
    const free = await runPipeline(page, { source: { fixture: PLAIN_UPRIGHT.file }, options: { maxBytes: Infinity } });
    const tight = await runPipeline(page, { source: { fixture: PLAIN_UPRIGHT.file }, options: { maxBytes: 1_000 } });
    if (!free.ok || !tight.ok) throw new Error('failed');
    expect(tight.bytes).toBeLessThan(free.bytes);
    expect(tight.sha256).toBe(sha256Hex(tight.data));
  });

  it('makes a WebP thumbnail for lists, upright, at most 320 px', async () => {
    await freshPage();
    const photo = await runPipeline(page, { source: { fixture: ORIENTATION_6.file }, thumbnail: 320 });
    if (!photo.ok) throw new Error(`failed: ${photo.message}`);
    expect(photo.thumbnail).toEqual({ width: 240, height: 320, type: 'image/webp' });
  });

  it('fails text with a .jpg name as undecodable, in the worker and on the page', async () => {
    await freshPage();
    for (const useWorker of [true, false]) {
      expect(await runPipeline(page, { source: { fixture: 'not-an-image.jpg' }, useWorker })).toMatchObject({
        ok: false,
        name: 'PhotoError',
        reason: 'undecodable',
      });
    }
  });

  it('fails a JPEG cut off before its image data as undecodable', async () => {
    await freshPage();
    const cut = Array.from(fixture(ORIENTATION_6.file).subarray(0, 1_800));
    expect(await runPipeline(page, { source: { bytes: cut } })).toMatchObject({ ok: false, name: 'PhotoError', reason: 'undecodable' });
  });

  it('refuses a 20,000 × 20,000 px header and a 51 MB file as too large, without decoding them', async () => {
    await freshPage();
    const worker = await probedWorkerProcessor(page);
    // SOI, SOF0 claiming 20000×20000 with three components, EOI.
    const huge = [0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x4e, 0x20, 0x4e, 0x20, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1, 0xff, 0xd9];
    expect(await runPipeline(page, { source: { bytes: huge } })).toMatchObject({ ok: false, name: 'PhotoError', reason: 'too-large' });
    expect(await runPipeline(page, { source: { zeros: 51 * 1024 * 1024 } })).toMatchObject({ ok: false, name: 'PhotoError', reason: 'too-large' });
    expect((await readProbe(worker)).decodes).toEqual([]);
  });

  it('calls a HEIC this browser cannot decode unsupported', async () => {
    await freshPage();
    const heic = [...ascii('\0\0\0\x18ftypheic\0\0\0\0mif1heic'), ...new Uint8Array(64)];
    expect(await runPipeline(page, { source: { bytes: heic } })).toMatchObject({ ok: false, name: 'PhotoError', reason: 'unsupported' });
  });

  it('rejects with an AbortError at once when aborted before, and does no work', async () => {
    await freshPage();
    const worker = await probedWorkerProcessor(page);
    expect(await runPipeline(page, { source: { fixture: ORIENTATION_6.file }, abort: 'before' })).toMatchObject({ ok: false, name: 'AbortError' });
    expect(await runPipeline(page, { source: { fixture: ORIENTATION_6.file }, useWorker: false, abort: 'before' })).toMatchObject({
      ok: false,
      name: 'AbortError',
    });
    expect((await readProbe(worker)).decodes).toEqual([]);
  });

  it('rejects an abort during a 48 MP decode at once, draws nothing for it, and keeps working', async () => {
    await freshPage();
    const worker = await probedWorkerProcessor(page);
    const aborted = await runPipeline(page, { source: { generated: { width: 8064, height: 6048 } }, abort: 30 });
    expect(aborted).toMatchObject({ ok: false, name: 'AbortError' });
    expect(aborted.ms).toBeLessThan(200);
    // Let the decode that was under way finish: it must not be drawn or encoded.
    await page.waitForTimeout(1_500);
    const afterAbort = await readProbe(worker);
    expect(afterAbort.decodes).toHaveLength(1);
    expect(afterAbort.canvases.filter(([w, h]) => w * h > 1)).toEqual([]);

    const next = await runPipeline(page, { source: { fixture: ORIENTATION_6.file } });
    expect(next).toMatchObject({ ok: true, width: 900, height: 1200 });
    expect(pageErrors).toEqual([]);
  });
});
