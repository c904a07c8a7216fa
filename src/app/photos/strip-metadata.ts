/**
 * The last guard of a promise to residents: a stored photo carries no EXIF,
 * XMP or ICC metadata — no GPS position, no camera, no time (DESIGN.md,
 * DOMAIN.md). Re-encoding through a canvas already drops it all; this checks
 * the encoder's output anyway and cuts out what a browser might add.
 *
 * JPEG: every APP1–APP15 segment and every comment before the scan goes; APP0
 * (JFIF) stays. WebP: the EXIF, XMP and ICCP chunks go and the VP8X flags that
 * announce them are cleared.
 */

/** `bytes` without metadata; the same array when there was none. Unknown or malformed input is returned as is. */
export function stripMetadata(bytes: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return stripJpeg(bytes);
  if (fourcc(bytes, 0) === 'RIFF' && fourcc(bytes, 8) === 'WEBP') return stripWebp(bytes);
  return bytes;
}

/** Byte ranges [start, end) of metadata segments in a JPEG, up to its first scan. */
export function jpegMetadataSegments(bytes: Uint8Array): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let offset = 2;
  while (offset + 4 <= bytes.length && bytes[offset] === 0xff) {
    const marker = bytes[offset + 1] as number;
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2;
      continue;
    }
    if (marker === 0xda || marker === 0xd9) break;
    const end = offset + 2 + (((bytes[offset + 2] as number) << 8) | (bytes[offset + 3] as number));
    if (end <= offset + 3 || end > bytes.length) break;
    if ((marker >= 0xe1 && marker <= 0xef) || marker === 0xfe) ranges.push([offset, end]);
    offset = end;
  }
  return ranges;
}

function stripJpeg(bytes: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  return cut(bytes, jpegMetadataSegments(bytes));
}

const WEBP_METADATA_CHUNKS = new Set(['EXIF', 'XMP ', 'ICCP']);
const VP8X_ICC = 0x20;
const VP8X_EXIF = 0x08;
const VP8X_XMP = 0x04;

function stripWebp(bytes: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  const ranges: Array<[number, number]> = [];
  let vp8xFlags = -1;
  for (let offset = 12; offset + 8 <= bytes.length; ) {
    const id = fourcc(bytes, offset);
    const size = u32le(bytes, offset + 4);
    const end = offset + 8 + size + (size % 2);
    if (end > bytes.length) break;
    if (id === 'VP8X') vp8xFlags = offset + 8;
    if (WEBP_METADATA_CHUNKS.has(id)) ranges.push([offset, end]);
    offset = end;
  }
  if (ranges.length === 0) return bytes;
  const out = cut(bytes, ranges);
  if (vp8xFlags >= 0) {
    const shift = ranges.filter(([start]) => start < vp8xFlags).reduce((sum, [start, end]) => sum + end - start, 0);
    out[vp8xFlags - shift] = (out[vp8xFlags - shift] as number) & ~(VP8X_ICC | VP8X_EXIF | VP8X_XMP);
  }
  new DataView(out.buffer, out.byteOffset, out.byteLength).setUint32(4, out.length - 8, true);
  return out;
}

function cut(bytes: Uint8Array<ArrayBuffer>, ranges: ReadonlyArray<[number, number]>): Uint8Array<ArrayBuffer> {
  if (ranges.length === 0) return bytes;
  const removed = ranges.reduce((sum, [start, end]) => sum + end - start, 0);
  const out = new Uint8Array(bytes.length - removed);
  let from = 0;
  let to = 0;
  for (const [start, end] of ranges) {
    out.set(bytes.subarray(from, start), to);
    to += start - from;
    from = end;
  }
  out.set(bytes.subarray(from), to);
  return out;
}

function fourcc(bytes: Uint8Array, at: number): string {
  return at + 4 <= bytes.length ? String.fromCharCode(...bytes.subarray(at, at + 4)) : '';
}

function u32le(bytes: Uint8Array, at: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(at, true);
}
