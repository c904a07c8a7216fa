/**
 * An image's stored pixel size and EXIF orientation, read from its header
 * without decoding it: the pipeline needs both to ask the decoder for the
 * final size straight away (DESIGN.md: a 48 MP photo must never be decoded,
 * let alone drawn, at full size on a phone).
 *
 * Every read is bounds-checked; junk, truncation and lies in a header give
 * `size: null` / orientation 1, never an exception.
 */
import { bytesSource, type ByteSource } from './byte-source.ts';

export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'bmp' | 'tiff' | 'heic' | 'avif';
export type Size = { width: number; height: number };
/** EXIF orientation 1–8 (1 = stored upright; 5–8 = stored on its side). */
export type Orientation = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;
export type ImageHeader = {
  format: ImageFormat;
  /** Stored (not yet oriented) pixel size; null when the header does not tell. */
  size: Size | null;
  orientation: Orientation;
};

const TAG_IMAGE_WIDTH = 0x0100;
const TAG_IMAGE_LENGTH = 0x0101;
const TAG_ORIENTATION = 0x0112;
/** A real JPEG has a dozen segments before its frame header; this only bounds a walk through junk. */
const MAX_JPEG_SEGMENTS = 1_000;
const MAX_PNG_CHUNKS = 100;
const EXIF_ID = [0x45, 0x78, 0x69, 0x66, 0x00, 0x00]; // "Exif\0\0"

/** The header of a JPEG, PNG, WebP, GIF, BMP or TIFF (HEIC/AVIF: format only); null when it is none of them. */
export async function readImageHeader(src: ByteSource): Promise<ImageHeader | null> {
  const head = await src.read(0, 32);
  if (matches(head, 0, [0xff, 0xd8, 0xff])) return jpegHeader(src);
  if (matches(head, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return pngHeader(src);
  if (matches(head, 0, ascii('RIFF')) && matches(head, 8, ascii('WEBP'))) return { format: 'webp', size: webpSize(head), orientation: 1 };
  if (matches(head, 0, ascii('GIF8')) && head.length >= 10) return { format: 'gif', size: positive(u16(head, 6, true), u16(head, 8, true)), orientation: 1 };
  if (matches(head, 0, ascii('BM'))) return { format: 'bmp', size: bmpSize(head), orientation: 1 };
  if (matches(head, 0, [0x49, 0x49, 0x2a, 0x00]) || matches(head, 0, [0x4d, 0x4d, 0x00, 0x2a])) {
    const tags = await readIfd0(src);
    return {
      format: 'tiff',
      size: positive(tags.get(TAG_IMAGE_WIDTH) ?? 0, tags.get(TAG_IMAGE_LENGTH) ?? 0),
      orientation: asOrientation(tags.get(TAG_ORIENTATION)),
    };
  }
  const isobmff = isobmffFormat(head);
  return isobmff === null ? null : { format: isobmff, size: null, orientation: 1 };
}

/** Orientations 5–8 are stored on their side: the upright image swaps width and height. */
export function uprightSize(size: Size, orientation: Orientation): Size {
  return orientation >= 5 ? { width: size.height, height: size.width } : size;
}

// JPEG ────────────────────────────────────────────────────────────────────

async function jpegHeader(src: ByteSource): Promise<ImageHeader> {
  let orientation: Orientation = 1;
  let hasSeenExif = false;
  let offset = 2;
  for (let segment = 0; segment < MAX_JPEG_SEGMENTS && offset < src.size; segment++) {
    const head = await src.read(offset, 4);
    if (head.length < 2) break;
    if (head[0] !== 0xff) {
      // Garbage between segments: libjpeg skips to the next marker, and so do we.
      const next = await nextMarker(src, offset);
      if (next < 0) break;
      offset = next;
      continue;
    }
    const marker = head[1] as number;
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    if (marker === 0x01 || marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2; // markers without a length
      continue;
    }
    if (marker === 0xd9 || marker === 0xda || head.length < 4) break; // EOI or scan data before any frame header
    const length = ((head[2] as number) << 8) | (head[3] as number);
    if (length < 2) break;
    if (isStartOfFrame(marker)) {
      const frame = await src.read(offset + 4, 5);
      const size = frame.length < 5 ? null : positive(u16(frame, 3, false), u16(frame, 1, false));
      return { format: 'jpeg', size, orientation };
    }
    if (marker === 0xe1 && !hasSeenExif) {
      const body = await src.read(offset + 4, length - 2);
      if (matches(body, 0, EXIF_ID)) {
        // The first Exif segment is the camera's; later APP1s are XMP or vendor data.
        hasSeenExif = true;
        orientation = asOrientation((await readIfd0(bytesSource(body.subarray(EXIF_ID.length)))).get(TAG_ORIENTATION));
      }
    }
    offset += 2 + length;
  }
  return { format: 'jpeg', size: null, orientation };
}

/** SOF0–SOF15, less DHT (C4), JPG (C8) and DAC (CC), which share the range. */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/** The offset of the next 0xFF that starts a marker, within 64 KB of `from`; -1 when there is none. */
async function nextMarker(src: ByteSource, from: number): Promise<number> {
  const bytes = await src.read(from, 64 * 1024);
  for (let i = 0; i + 1 < bytes.length; i++) {
    if (bytes[i] === 0xff && bytes[i + 1] !== 0x00 && bytes[i + 1] !== 0xff) return from + i;
  }
  return -1;
}

// TIFF / Exif ─────────────────────────────────────────────────────────────

/**
 * The SHORT and LONG values of IFD0 of a TIFF structure (a TIFF file, or the
 * body of an Exif segment after "Exif\0\0"); other types are left out.
 */
async function readIfd0(src: ByteSource): Promise<Map<number, number>> {
  const tags = new Map<number, number>();
  const header = await src.read(0, 8);
  if (header.length < 8) return tags;
  const isLittle = matches(header, 0, [0x49, 0x49]);
  if (!isLittle && !matches(header, 0, [0x4d, 0x4d])) return tags;
  if (u16(header, 2, isLittle) !== 42) return tags;
  const ifd = u32(header, 4, isLittle);
  const countBytes = await src.read(ifd, 2);
  if (ifd < 8 || countBytes.length < 2) return tags;
  const count = u16(countBytes, 0, isLittle);
  const entries = await src.read(ifd + 2, count * 12);
  for (let entry = 0; entry + 12 <= entries.length; entry += 12) {
    const type = u16(entries, entry + 2, isLittle);
    if (u32(entries, entry + 4, isLittle) < 1) continue;
    if (type === 3) tags.set(u16(entries, entry, isLittle), u16(entries, entry + 8, isLittle));
    else if (type === 4) tags.set(u16(entries, entry, isLittle), u32(entries, entry + 8, isLittle));
  }
  return tags;
}

function asOrientation(value: number | undefined): Orientation {
  return value !== undefined && value >= 1 && value <= 8 ? (value as Orientation) : 1;
}

// PNG, WebP, GIF, BMP, HEIC/AVIF ─────────────────────────────────────────

/** IHDR for the size; an eXIf chunk before the image data for the orientation (browsers honour it). */
async function pngHeader(src: ByteSource): Promise<ImageHeader> {
  const ihdr = await src.read(8, 16);
  const size = ihdr.length === 16 && matches(ihdr, 4, ascii('IHDR')) ? positive(u32(ihdr, 8, false), u32(ihdr, 12, false)) : null;
  let orientation: Orientation = 1;
  let offset = 8;
  for (let chunk = 0; chunk < MAX_PNG_CHUNKS && offset + 8 <= src.size; chunk++) {
    const head = await src.read(offset, 8);
    if (head.length < 8) break;
    const length = u32(head, 0, false);
    if (matches(head, 4, ascii('IDAT')) || matches(head, 4, ascii('IEND'))) break;
    if (matches(head, 4, ascii('eXIf'))) {
      orientation = asOrientation((await readIfd0(bytesSource(await src.read(offset + 8, length)))).get(TAG_ORIENTATION));
      break;
    }
    offset += 12 + length;
  }
  return { format: 'png', size, orientation };
}

function webpSize(head: Uint8Array): Size | null {
  if (head.length < 30) return null;
  if (matches(head, 12, ascii('VP8 ')) && matches(head, 23, [0x9d, 0x01, 0x2a])) {
    return positive(u16(head, 26, true) & 0x3fff, u16(head, 28, true) & 0x3fff);
  }
  if (matches(head, 12, ascii('VP8L')) && head[20] === 0x2f) {
    const bits = u32(head, 21, true);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (matches(head, 12, ascii('VP8X'))) {
    return { width: u24(head, 24) + 1, height: u24(head, 27) + 1 };
  }
  return null;
}

function bmpSize(head: Uint8Array): Size | null {
  if (head.length < 26) return null;
  const dibSize = u32(head, 14, true);
  if (dibSize === 12) return positive(u16(head, 18, true), u16(head, 20, true));
  // A negative height means rows stored top-down; the size is the same.
  return positive(u32(head, 18, true) | 0, Math.abs(u32(head, 22, true) | 0));
}

/** HEIC and AVIF by their `ftyp` brands. Their sizes sit deep in the box tree; the pipeline does without. */
function isobmffFormat(head: Uint8Array): ImageFormat | null {
  if (head.length < 16 || !matches(head, 4, ascii('ftyp'))) return null;
  const boxEnd = Math.min(head.length, u32(head, 0, false));
  const brands: string[] = [];
  for (let i = 8; i + 4 <= boxEnd; i += 4) if (i !== 12) brands.push(String.fromCharCode(...head.subarray(i, i + 4)));
  if (brands.some((brand) => brand === 'avif' || brand === 'avis')) return 'avif';
  if (brands.some((brand) => ['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1'].includes(brand))) return 'heic';
  return null;
}

// Bytes ───────────────────────────────────────────────────────────────────

function ascii(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

function matches(bytes: Uint8Array, at: number, expected: readonly number[]): boolean {
  if (at + expected.length > bytes.length) return false;
  return expected.every((byte, i) => bytes[at + i] === byte);
}

/** Callers check the length first; out-of-range bytes read as 0 rather than throwing. */
function u16(bytes: Uint8Array, at: number, isLittle: boolean): number {
  const a = bytes[at] ?? 0;
  const b = bytes[at + 1] ?? 0;
  return isLittle ? a | (b << 8) : (a << 8) | b;
}

function u24(bytes: Uint8Array, at: number): number {
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8) | ((bytes[at + 2] ?? 0) << 16);
}

function u32(bytes: Uint8Array, at: number, isLittle: boolean): number {
  return isLittle ? u16(bytes, at, true) + u16(bytes, at + 2, true) * 0x10000 : u16(bytes, at, false) * 0x10000 + u16(bytes, at + 2, false);
}

function positive(width: number, height: number): Size | null {
  return width > 0 && height > 0 ? { width, height } : null;
}
