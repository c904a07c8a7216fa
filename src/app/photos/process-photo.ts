/**
 * One photo from the camera or the library → what Buurtlog stores: upright,
 * at most `maxEdge` px on its long edge, re-encoded without any metadata, and
 * named by the SHA-256 of its bytes (DESIGN.md "Photos"). The original is
 * never kept.
 *
 * Runs in a worker (photos.ts) or, where a browser cannot, on the page: it
 * uses OffscreenCanvas when there is one and a <canvas> otherwise.
 *
 * @example
 * const photo = await processPhoto(input.files[0], { signal });
 * await store.photos.add(photo);
 */
import { abortable } from './abort.ts';
import { blobSource } from './byte-source.ts';
import { readImageHeader, uprightSize, type ImageFormat, type ImageHeader, type Size } from './image-header.ts';
import { MAX_INPUT_BYTES, MAX_SOURCE_PIXELS, PhotoError } from './photo-error.ts';
import { stripMetadata } from './strip-metadata.ts';

export type PhotoType = 'image/jpeg' | 'image/webp';
export type ProcessOptions = {
  /** Longest edge of the result in px; smaller images are never scaled up. Default 1600. */
  maxEdge?: number;
  /** Default JPEG. A browser that cannot write WebP (Safari) gives JPEG instead. */
  type?: PhotoType;
  /** Encoder quality 0–1. Default 0.8. */
  quality?: number;
  /**
   * Byte budget: a result over it is encoded again at a lower quality (down
   * to 0.6), and the smallest is kept even if still over. Default 300 KB;
   * Infinity for none. Leafy schouw photos are the ones that need it.
   */
  maxBytes?: number;
  /**
   * Also make a thumbnail of the result with these options (no byte budget),
   * in the same job: the list copy is made once, where the photo is taken
   * (src/domain/photos.ts). A thumbnail that cannot be made is left out.
   */
  thumbnail?: Pick<ProcessOptions, 'maxEdge' | 'type' | 'quality'>;
  signal?: AbortSignal;
};
export type ProcessedPhoto = {
  blob: Blob;
  /** Lowercase hex SHA-256 of `blob`'s bytes: the photo's name on the server. */
  sha256: string;
  width: number;
  height: number;
  /** The MIME type actually written (see ProcessOptions.type). */
  type: string;
  bytes: number;
  /** With ProcessOptions.thumbnail: the thumbnail, processed the same way. */
  thumbnail?: ProcessedPhoto;
};

export const DEFAULT_MAX_EDGE = 1600;
export const DEFAULT_QUALITY = 0.8;
export const DEFAULT_MAX_BYTES = 300 * 1024;
/** Qualities tried, in order, below the requested one while a result is over its byte budget. */
const FALLBACK_QUALITIES = [0.7, 0.6];

/** Formats a browser may well not decode (HEIC outside Safari, TIFF outside Safari): failing them is "unsupported", not "damaged". */
const MAYBE_UNSUPPORTED: ReadonlySet<ImageFormat> = new Set(['heic', 'avif', 'tiff']);

type Canvas = OffscreenCanvas | HTMLCanvasElement;

/**
 * Rejects with a PhotoError (reason `undecodable`, `too-large` or
 * `unsupported`) for input it cannot use, and with the signal's reason (an
 * AbortError) as soon as the signal aborts, after which it does no more work.
 */
export function processPhoto(file: Blob, options: ProcessOptions = {}): Promise<ProcessedPhoto> {
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(signal.reason);
  return abortable(
    run(file, options, () => signal?.throwIfAborted()),
    signal,
  );
}

/** The size of the result: the upright image shrunk to fit `maxEdge`, never enlarged. */
export function targetSize(upright: Size, maxEdge: number): Size {
  const scale = Math.min(1, maxEdge / Math.max(upright.width, upright.height));
  return { width: Math.max(1, Math.round(upright.width * scale)), height: Math.max(1, Math.round(upright.height * scale)) };
}

async function run(file: Blob, options: ProcessOptions, checkAbort: () => void): Promise<ProcessedPhoto> {
  const maxEdge = Math.floor(options.maxEdge ?? DEFAULT_MAX_EDGE);
  const type = options.type ?? 'image/jpeg';
  const quality = options.quality ?? DEFAULT_QUALITY;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (!(maxEdge >= 1)) throw new RangeError(`maxEdge must be at least 1, not ${options.maxEdge}`);
  if (file.size > MAX_INPUT_BYTES) throw new PhotoError('too-large', `the file has ${file.size} bytes; at most ${MAX_INPUT_BYTES} are accepted`);
  if (file.size === 0) throw new PhotoError('undecodable', 'the file is empty');

  const header = await readImageHeader(blobSource(file));
  checkAbort();
  if (header?.size && header.size.width * header.size.height > MAX_SOURCE_PIXELS) {
    throw new PhotoError('too-large', `the image has ${header.size.width}×${header.size.height} px; at most ${MAX_SOURCE_PIXELS / 1e6} MP are accepted`);
  }

  const { bitmap, size } = await decodeToSize(file, header, maxEdge, checkAbort);
  const { width, height } = size;
  let canvas: Canvas;
  try {
    checkAbort();
    canvas = draw(bitmap, size);
  } finally {
    bitmap.close();
  }
  let encoded: Blob;
  try {
    encoded = await encode(canvas, type, quality);
    for (const lower of FALLBACK_QUALITIES.filter((q) => q < quality)) {
      if (encoded.size <= maxBytes) break;
      checkAbort();
      encoded = await encode(canvas, type, lower);
    }
  } finally {
    // Safari keeps a canvas's pixels until it is collected and caps the total: give them back now.
    canvas.width = canvas.height = 0;
  }
  checkAbort();

  const original = new Uint8Array(await encoded.arrayBuffer());
  const clean = stripMetadata(original);
  const sha256 = await sha256Hex(clean);
  checkAbort();
  const blob = clean === original ? encoded : new Blob([clean], { type: encoded.type });
  const photo: ProcessedPhoto = { blob, sha256, width, height, type: blob.type, bytes: blob.size };
  if (!options.thumbnail) return photo;
  try {
    return { ...photo, thumbnail: await run(blob, { ...options.thumbnail, maxBytes: Infinity }, checkAbort) };
  } catch (error) {
    checkAbort();
    // The photo itself is good: lists on other phones then make a thumbnail of it, as for older records.
    if (error instanceof PhotoError) return photo;
    throw error;
  }
}

/**
 * Decode straight to the final size, oriented: 12–48 MP iPhone photos must
 * never exist at full size in a canvas (iOS caps canvases at 16.7 MP).
 * The resize applies to the oriented image (HTML spec; Chromium since 2023);
 * a decoder that resizes before orienting returns the size turned a quarter,
 * and is asked again with the size it expects.
 */
async function decodeToSize(file: Blob, header: ImageHeader | null, maxEdge: number, checkAbort: () => void): Promise<{ bitmap: ImageBitmap; size: Size }> {
  const format = header?.format ?? null;
  if (header?.size) {
    const target = targetSize(uprightSize(header.size, header.orientation), maxEdge);
    const bitmap = await decode(file, format, target);
    if (target.width === target.height || bitmap.width !== target.height || bitmap.height !== target.width) return { bitmap, size: target };
    bitmap.close();
    checkAbort();
    return { bitmap: await decode(file, format, { width: target.height, height: target.width }), size: target };
  }

  // A format whose header this module does not read for a size (HEIC, AVIF,
  // or one it does not know): decode to an ImageBitmap at the natural size —
  // memory, but no canvas — then scale that bitmap.
  const full = await decode(file, format, null);
  try {
    checkAbort();
    if (full.width * full.height > MAX_SOURCE_PIXELS) throw new PhotoError('too-large', `the image has ${full.width}×${full.height} px`);
    const target = targetSize({ width: full.width, height: full.height }, maxEdge);
    if (target.width === full.width && target.height === full.height) return { bitmap: full, size: target };
    const scaled = await createImageBitmap(full, { resizeWidth: target.width, resizeHeight: target.height, resizeQuality: 'high' });
    full.close();
    return { bitmap: scaled, size: target };
  } catch (error) {
    full.close();
    throw error;
  }
}

/**
 * `imageOrientation` is left at its default, 'from-image' (apply EXIF
 * orientation): spelling it out throws a TypeError in engines from before the
 * 2023 rename of 'none' (WebKit took 'from-image' in August 2023), whose
 * default already oriented.
 */
async function decode(file: Blob, format: ImageFormat | null, size: Size | null): Promise<ImageBitmap> {
  try {
    return await (size === null
      ? createImageBitmap(file)
      : createImageBitmap(file, { resizeWidth: size.width, resizeHeight: size.height, resizeQuality: 'high' }));
  } catch (error) {
    if (format !== null && MAYBE_UNSUPPORTED.has(format)) {
      throw new PhotoError('unsupported', `this browser cannot decode ${format.toUpperCase()} images`, { cause: error });
    }
    throw new PhotoError('undecodable', format === null ? 'the file is not an image' : `the ${format.toUpperCase()} image cannot be decoded`, { cause: error });
  }
}

/** The canvas has the target size whatever the decoder returned: a decoder that ignored the resize must not make a full-size canvas. */
function draw(bitmap: ImageBitmap, { width, height }: Size): Canvas {
  const canvas: Canvas =
    typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(width, height) : Object.assign(document.createElement('canvas'), { width, height });
  const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null;
  if (context === null) throw new PhotoError('unsupported', 'this browser gives no 2D canvas');
  // A photo needs no transparency, and JPEG (also the fallback for WebP) has none: transparent parts of a PNG would turn black.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  context.drawImage(bitmap, 0, 0, width, height);
  return canvas;
}

async function encode(canvas: Canvas, type: PhotoType, quality: number): Promise<Blob> {
  let blob = await toBlob(canvas, type, quality);
  // A browser that cannot write the type silently writes PNG (Safari and WebP): JPEG instead.
  if (blob.type !== type) blob = await toBlob(canvas, 'image/jpeg', quality);
  if (blob.type !== type && blob.type !== 'image/jpeg') throw new PhotoError('unsupported', `this browser cannot write ${type} or JPEG`);
  return blob;
}

function toBlob(canvas: Canvas, type: string, quality: number): Promise<Blob> {
  if ('convertToBlob' in canvas) return canvas.convertToBlob({ type, quality });
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new PhotoError('unsupported', `this browser cannot write ${type}`))), type, quality),
  );
}

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
