/**
 * Checks that a photo's bytes are what they claim and carry no metadata:
 * a whole JPEG without APP1 (Exif, XMP) or APP13 (IPTC) segments, or a WebP
 * without EXIF or XMP chunks. The device strips all of it (DESIGN.md
 * "Photos"); the server checks again, so a position never hides in a file.
 * Pure, so the device can hold its own pipeline's output to the same rule.
 *
 * APP2 (an ICC colour profile, which Chromium's encoder writes) and other
 * segments that hold no place or person are allowed.
 */
import type { PhotoMediaType } from './photos.ts';

/** Why the bytes are refused, for a person; null when they are fine. */
export function photoBytesProblem(bytes: Uint8Array, mediaType: PhotoMediaType): string | null {
  return mediaType === 'image/jpeg' ? jpegProblem(bytes) : webpProblem(bytes);
}

/** The media type the bytes really are, by their first bytes; null when neither JPEG nor WebP. */
export function sniffPhotoType(bytes: Uint8Array): PhotoMediaType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'image/webp';
  return null;
}

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
/** Segments that carry metadata: APP1 (Exif, XMP) and APP13 (Photoshop/IPTC). */
const METADATA_SEGMENTS: ReadonlyMap<number, string> = new Map([
  [0xe1, 'EXIF or XMP metadata (an APP1 segment)'],
  [0xed, 'IPTC metadata (an APP13 segment)'],
]);

/**
 * Walks every marker of the file, the entropy-coded scans included
 * (progressive JPEGs put tables between scans), so no segment hides after
 * the first scan; bytes after the end marker are refused unless padding.
 */
function jpegProblem(bytes: Uint8Array): string | null {
  if (sniffPhotoType(bytes) !== 'image/jpeg') return 'The body is not a JPEG (it does not start with FF D8 FF).';
  const broken = 'The JPEG is not well-formed: its segments do not add up.';
  let i = 2;
  for (;;) {
    if (i + 1 >= bytes.length) return 'The JPEG is incomplete: it has no end marker.';
    if (bytes[i] !== 0xff) return broken;
    // Fill bytes: any number of FF before a marker.
    while (bytes[i + 1] === 0xff && i + 2 < bytes.length) i += 1;
    const marker = bytes[i + 1] as number;
    if (marker === EOI) return trailingProblem(bytes, i + 2);
    if (marker === SOI || marker === 0x00 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) return broken;
    if (i + 3 >= bytes.length) return broken;
    const length = ((bytes[i + 2] as number) << 8) | (bytes[i + 3] as number);
    if (length < 2 || i + 2 + length > bytes.length) return broken;
    const metadata = METADATA_SEGMENTS.get(marker);
    if (metadata !== undefined)
      return `The photo still carries ${metadata}; the app removes all metadata before sending. Take or pick the photo again in the app.`;
    i += 2 + length;
    if (marker === SOS) i = afterScan(bytes, i);
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

function trailingProblem(bytes: Uint8Array, end: number): string | null {
  for (let i = end; i < bytes.length; i++) if (bytes[i] !== 0) return 'The JPEG has data after its end marker.';
  return null;
}

function webpProblem(bytes: Uint8Array): string | null {
  if (sniffPhotoType(bytes) !== 'image/webp') return 'The body is not a WebP image (it does not start with RIFF…WEBP).';
  const broken = 'The WebP image is not well-formed: its chunks do not add up.';
  const riffEnd = 8 + readUint32LE(bytes, 4);
  if (riffEnd > bytes.length || riffEnd < 20) return broken;
  let i = 12;
  let isFirst = true;
  while (i < riffEnd) {
    if (i + 8 > riffEnd) return broken;
    const fourcc = ascii(bytes, i, 4);
    const size = readUint32LE(bytes, i + 4);
    if (isFirst && fourcc !== 'VP8 ' && fourcc !== 'VP8L' && fourcc !== 'VP8X') return broken;
    if (fourcc === 'EXIF' || fourcc === 'XMP ')
      return 'The photo still carries EXIF or XMP metadata; the app removes all metadata before sending. Take or pick the photo again in the app.';
    i += 8 + size + (size % 2);
    if (i > riffEnd) return broken;
    isFirst = false;
  }
  return trailingProblem(bytes, riffEnd) === null ? null : 'The WebP image has data after its end.';
}

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length));
}

function readUint32LE(bytes: Uint8Array, at: number): number {
  return ((bytes[at] as number) | ((bytes[at + 1] as number) << 8) | ((bytes[at + 2] as number) << 16) | ((bytes[at + 3] as number) << 24)) >>> 0;
}
