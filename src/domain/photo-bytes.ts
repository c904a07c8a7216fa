/**
 * Checks that a photo's bytes are what they claim and hold nothing but the
 * image: a WHITELIST of what the app's pipeline produces (a canvas encode,
 * then src/app/photos/strip-metadata.ts), so a position, a comment or a
 * polyglot never rides along in a segment the server did not think of.
 *
 * - JPEG: SOI, APP0 (JFIF), DQT, SOF0 (baseline) or SOF2 (progressive), DHT,
 *   DRI, SOS with its entropy-coded data, EOI. At least one frame header
 *   before the first scan and at least one scan (a JPEG with no image data is
 *   not a photo). Every other segment — APP1–APP15 (EXIF, XMP, ICC, IPTC …),
 *   COM — is refused.
 * - WebP: VP8 or VP8L (the image), VP8X (only as the first chunk, with no
 *   ICC, EXIF, XMP or animation flag) and ALPH (its transparency). Every other
 *   chunk — EXIF, XMP, ICCP, a lower-case `exif`, garbage — is refused.
 *
 * Pure, so the device holds its own pipeline's output to the same rule.
 */
import type { PhotoMediaType } from './photos.ts';

/** Why the bytes are refused: `unsupported` — something outside the whitelist (HTTP 415); `malformed` — broken (400). */
export type PhotoBytesProblem = { readonly kind: 'unsupported' | 'malformed'; readonly message: string };

/** Why the bytes are refused, for a person; null when they are fine. */
export function photoBytesProblem(bytes: Uint8Array, mediaType: PhotoMediaType): string | null {
  return checkPhotoBytes(bytes, mediaType)?.message ?? null;
}

/** The same check, saying whether the bytes are broken or hold something the whitelist does not allow. */
export function checkPhotoBytes(bytes: Uint8Array, mediaType: PhotoMediaType): PhotoBytesProblem | null {
  return mediaType === 'image/jpeg' ? jpegProblem(bytes) : webpProblem(bytes);
}

/** The media type the bytes really are, by their first bytes; null when neither JPEG nor WebP. */
export function sniffPhotoType(bytes: Uint8Array): PhotoMediaType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'image/webp';
  return null;
}

const malformed = (message: string): PhotoBytesProblem => ({ kind: 'malformed', message });
const unsupported = (message: string): PhotoBytesProblem => ({ kind: 'unsupported', message });
const TAKE_AGAIN = 'The app sends only the image itself; take or pick the photo again in the app.';

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const APP0 = 0xe0;
const SOF0 = 0xc0;
const SOF2 = 0xc2;
/** The segments a processed photo may hold, besides SOI, SOS and EOI. */
const JPEG_SEGMENTS: ReadonlyMap<number, string> = new Map([
  [APP0, 'JFIF header'],
  [0xdb, 'quantisation table'],
  [SOF0, 'frame header'],
  [SOF2, 'frame header'],
  [0xc4, 'Huffman table'],
  [0xdd, 'restart interval'],
]);

/** What a refused segment usually is, to say so. */
function segmentName(marker: number): string {
  if (marker === 0xe1) return 'EXIF or XMP metadata (an APP1 segment)';
  if (marker === 0xed) return 'IPTC metadata (an APP13 segment)';
  if (marker === 0xe2) return 'a colour profile (an APP2 segment)';
  if (marker >= 0xe0 && marker <= 0xef) return `an APP${marker - 0xe0} segment`;
  if (marker === 0xfe) return 'a comment (a COM segment)';
  return `a segment of type FF ${marker.toString(16).toUpperCase()}`;
}

/**
 * Walks every marker of the file, the entropy-coded scans included
 * (progressive JPEGs put tables between scans), so no segment hides after
 * the first scan; bytes after the end marker are refused unless padding.
 */
function jpegProblem(bytes: Uint8Array): PhotoBytesProblem | null {
  if (sniffPhotoType(bytes) !== 'image/jpeg') return malformed('The body is not a JPEG (it does not start with FF D8 FF).');
  const broken = malformed('The JPEG is not well-formed: its segments do not add up.');
  let hasFrame = false;
  let scans = 0;
  let i = 2;
  for (;;) {
    if (i + 1 >= bytes.length) return malformed('The JPEG is incomplete: it has no end marker.');
    if (bytes[i] !== 0xff) return broken;
    // Fill bytes: any number of FF before a marker.
    while (bytes[i + 1] === 0xff && i + 2 < bytes.length) i += 1;
    const marker = bytes[i + 1] as number;
    if (marker === EOI) {
      if (scans === 0) return unsupported(`The JPEG holds no image data (no scan). ${TAKE_AGAIN}`);
      return trailingProblem(bytes, i + 2) ? malformed('The JPEG has data after its end marker.') : null;
    }
    if (marker === SOI || marker === 0x00 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) return broken;
    if (i + 3 >= bytes.length) return broken;
    const length = ((bytes[i + 2] as number) << 8) | (bytes[i + 3] as number);
    if (length < 2 || i + 2 + length > bytes.length) return broken;
    if (marker !== SOS && !JPEG_SEGMENTS.has(marker)) return unsupported(`The photo carries ${segmentName(marker)}. ${TAKE_AGAIN}`);
    if (marker === APP0 && (length < 7 || ascii(bytes, i + 4, 5) !== 'JFIF\0'))
      return unsupported(`The photo carries an APP0 segment that is not a JFIF header. ${TAKE_AGAIN}`);
    if (marker === SOF0 || marker === SOF2) hasFrame = true;
    if (marker === SOS && !hasFrame) return broken;
    i += 2 + length;
    if (marker === SOS) {
      scans += 1;
      i = afterScan(bytes, i);
    }
  }
}

/** The position of the first marker after entropy-coded data (FF 00 is a stuffed byte, FF D0–D7 a restart). */
function afterScan(bytes: Uint8Array, start: number): number {
  let i = start;
  while (i + 1 < bytes.length) {
    if (bytes[i] === 0xff) {
      const next = bytes[i + 1] as number;
      if (next !== 0x00 && next !== 0xff && !(next >= 0xd0 && next <= 0xd7)) return i;
    }
    i += 1;
  }
  return bytes.length;
}

/** Whether anything but zero padding follows `end`. */
function trailingProblem(bytes: Uint8Array, end: number): boolean {
  for (let i = end; i < bytes.length; i++) if (bytes[i] !== 0) return true;
  return false;
}

const WEBP_IMAGE = new Set(['VP8 ', 'VP8L']);
/** VP8X flags: ICC profile, EXIF, XMP, animation — none of them in a processed photo. */
const VP8X_REFUSED_FLAGS = 0x20 | 0x08 | 0x04 | 0x02;

function webpProblem(bytes: Uint8Array): PhotoBytesProblem | null {
  if (sniffPhotoType(bytes) !== 'image/webp') return malformed('The body is not a WebP image (it does not start with RIFF…WEBP).');
  const broken = malformed('The WebP image is not well-formed: its chunks do not add up.');
  const riffEnd = 8 + readUint32LE(bytes, 4);
  if (riffEnd > bytes.length || riffEnd < 20) return broken;
  let i = 12;
  let images = 0;
  let hasExtended = false;
  while (i < riffEnd) {
    if (i + 8 > riffEnd) return broken;
    const fourcc = ascii(bytes, i, 4);
    const size = readUint32LE(bytes, i + 4);
    const isFirst = i === 12;
    if (isFirst && !WEBP_IMAGE.has(fourcc) && fourcc !== 'VP8X') return broken;
    if (fourcc === 'VP8X') {
      if (!isFirst || size < 10) return broken;
      if (((bytes[i + 8] as number) & VP8X_REFUSED_FLAGS) !== 0)
        return unsupported(`The WebP image announces a colour profile, EXIF, XMP or animation. ${TAKE_AGAIN}`);
      hasExtended = true;
    } else if (WEBP_IMAGE.has(fourcc)) {
      images += 1;
    } else if (fourcc !== 'ALPH' || !hasExtended) {
      const what = fourcc === 'EXIF' || fourcc === 'XMP ' ? 'EXIF or XMP metadata' : `a chunk "${fourcc.replace(/[^\x20-\x7e]/g, '?')}"`;
      return unsupported(`The WebP image carries ${what}. ${TAKE_AGAIN}`);
    }
    i += 8 + size + (size % 2);
    if (i > riffEnd) return broken;
  }
  if (images !== 1) return images === 0 ? unsupported(`The WebP image holds no image data. ${TAKE_AGAIN}`) : broken;
  return trailingProblem(bytes, riffEnd) ? malformed('The WebP image has data after its end.') : null;
}

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length));
}

function readUint32LE(bytes: Uint8Array, at: number): number {
  return ((bytes[at] as number) | ((bytes[at + 1] as number) << 8) | ((bytes[at + 2] as number) << 16) | ((bytes[at + 3] as number) << 24)) >>> 0;
}
