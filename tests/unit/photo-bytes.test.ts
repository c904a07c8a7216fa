/**
 * The server's (and the device's) check of a photo's bytes: a whole JPEG or
 * WebP, without any metadata that could carry a place or a person.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stripMetadata } from '../../src/app/photos/strip-metadata.ts';
import { checkPhotoBytes, photoBytesProblem, sniffPhotoType } from '../../src/domain/photo-bytes.ts';
import { photoFixture } from '../fixtures/photos/photo-fixtures.ts';

/** As Chromium encodes it: JFIF, an ICC profile (APP2), tables, one scan. */
const encoded = new Uint8Array(readFileSync(photoFixture('plain-upright.jpg')));
/** As the app sends it: through its stripper. */
const plain = stripMetadata(new Uint8Array(encoded));
const withGps = new Uint8Array(readFileSync(photoFixture('orientation-6-gps.jpg')));
const notAnImage = new Uint8Array(readFileSync(photoFixture('not-an-image.jpg')));

const concat = (...parts: ArrayLike<number>[]) => new Uint8Array(parts.flatMap((part) => [...Array.from(part)]));
/** A segment with marker `marker` and `payload`. */
const segment = (marker: number, payload: ArrayLike<number>) => [0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 0xff, ...Array.from(payload)];
const text = (s: string) => Array.from(new TextEncoder().encode(s));
/** The plain JPEG with `extra` bytes inserted after SOI. */
const withSegment = (extra: number[]) => concat(plain.subarray(0, 2), extra, plain.subarray(2));

function webp(chunks: Array<[string, number[]]>): Uint8Array {
  const body = chunks.flatMap(([fourcc, data]) => [...text(fourcc), ...le32(data.length), ...data, ...(data.length % 2 ? [0] : [])]);
  return new Uint8Array([...text('RIFF'), ...le32(4 + body.length), ...text('WEBP'), ...body]);
}
const le32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];

describe('JPEG bytes', () => {
  it('accepts what the app’s stripper makes of Chromium’s JPEG (JFIF, tables, frame, scan)', () => {
    expect(sniffPhotoType(plain)).toBe('image/jpeg');
    expect(photoBytesProblem(plain, 'image/jpeg')).toBeNull();
    expect(stripMetadata(withGps.slice()).length).toBeLessThan(withGps.length);
    expect(checkPhotoBytes(stripMetadata(withGps.slice()), 'image/jpeg')).toBeNull();
  });

  it('refuses the encoder’s output before the stripper: its ICC profile (APP2) is outside the whitelist', () => {
    expect(checkPhotoBytes(encoded, 'image/jpeg')).toEqual({ kind: 'unsupported', message: expect.stringContaining('colour profile (an APP2 segment)') });
  });

  it.each([
    ['EXIF moved into APP2', 0xe2, 'Exif\0\0GPS'],
    ['EXIF moved into APP3', 0xe3, 'Exif\0\0GPS'],
    ['metadata in APP11', 0xeb, 'JP\0GPS'],
    ['metadata in APP15', 0xef, 'GPS 51.86 4.66'],
    ['a comment holding an HTML polyglot', 0xfe, '<script>alert(1)</script>'],
    ['an APP0 that is not JFIF', 0xe0, 'JFXX\0\x10'],
  ])('refuses %s as outside the whitelist', (_what, marker, payload) => {
    expect(checkPhotoBytes(withSegment(segment(marker, text(payload))), 'image/jpeg')).toMatchObject({ kind: 'unsupported' });
  });

  it('refuses a JPEG with no image data (tables but no scan)', () => {
    const sos = plain.findIndex((byte, i) => byte === 0xff && plain[i + 1] === 0xda);
    expect(checkPhotoBytes(concat(plain.subarray(0, sos), [0xff, 0xd9]), 'image/jpeg')).toEqual({
      kind: 'unsupported',
      message: expect.stringContaining('no image data'),
    });
  });

  it('refuses a JPEG with EXIF (GPS) and XMP', () => {
    expect(photoBytesProblem(withGps, 'image/jpeg')).toMatch(/EXIF or XMP/);
  });

  it.each([
    ['an APP1 segment even after other segments', withSegment(segment(0xe1, text('http://ns.adobe.com/xap/1.0/\0<x/>'))), /EXIF or XMP/],
    ['an APP13 (IPTC) segment', withSegment(segment(0xed, text('Photoshop 3.0\0'))), /IPTC/],
    ['an APP1 segment hidden after the first scan', concat(plain.subarray(0, plain.length - 2), segment(0xe1, text('Exif\0\0')), [0xff, 0xd9]), /EXIF or XMP/],
    ['data after the end marker', concat(plain, text('GPS 51.86 4.66')), /after its end/],
    ['a truncated file', plain.subarray(0, 5000), /incomplete/],
    ['a segment longer than the file', withSegment([0xff, 0xe0, 0xff, 0xff]), /not well-formed/],
    ['text named .jpg', notAnImage, /not a JPEG/],
  ])('refuses %s', (_what, bytes, message) => {
    expect(photoBytesProblem(bytes, 'image/jpeg')).toMatch(message);
  });

  it('allows zero padding after the end', () => {
    expect(photoBytesProblem(concat(plain, [0, 0]), 'image/jpeg')).toBeNull();
  });
});

describe('WebP bytes', () => {
  it('accepts a WebP image without metadata', () => {
    const bytes = webp([['VP8L', [0x2f, 1, 2, 3, 4]]]);
    expect(sniffPhotoType(bytes)).toBe('image/webp');
    expect(photoBytesProblem(bytes, 'image/webp')).toBeNull();
  });

  it('accepts an extended WebP with transparency (VP8X, ALPH, VP8)', () => {
    expect(
      photoBytesProblem(
        webp([
          ['VP8X', [0x10, ...Array(9).fill(0)]],
          ['ALPH', [0, 1, 2]],
          ['VP8 ', [1, 2, 3, 4]],
        ]),
        'image/webp',
      ),
    ).toBeNull();
  });

  it.each([
    [
      'an EXIF chunk',
      webp([
        ['VP8X', Array(10).fill(0)],
        ['VP8L', [0x2f, 1]],
        ['EXIF', text('MM\0*')],
      ]),
      /EXIF or XMP/,
    ],
    [
      'an XMP chunk',
      webp([
        ['VP8X', Array(10).fill(0)],
        ['VP8L', [0x2f, 1]],
        ['XMP ', text('<x/>')],
      ]),
      /EXIF or XMP/,
    ],
    [
      'a chunk longer than the file',
      new Uint8Array([...text('RIFF'), ...le32(20), ...text('WEBP'), ...text('VP8L'), ...le32(1000), 1, 2, 3, 4]),
      /not well-formed/,
    ],
    ['a first chunk that is no image', webp([['ICCP', [1, 2]]]), /not well-formed/],
    [
      'a lower-case exif chunk',
      webp([
        ['VP8L', [0x2f, 1]],
        ['exif', text('MM\0*')],
      ]),
      /chunk "exif"/,
    ],
    [
      'garbage after the image',
      webp([
        ['VP8L', [0x2f, 1]],
        ['JUNK', text('<html>')],
      ]),
      /chunk "JUNK"/,
    ],
    [
      'a VP8X that announces EXIF',
      webp([
        ['VP8X', [0x08, ...Array(9).fill(0)]],
        ['VP8L', [0x2f, 1]],
      ]),
      /EXIF/,
    ],
    ['a VP8X without an image', webp([['VP8X', Array(10).fill(0)]]), /no image data/],
    ['JPEG bytes', plain, /not a WebP/],
  ])('refuses %s', (_what, bytes, message) => {
    expect(photoBytesProblem(bytes, 'image/webp')).toMatch(message);
  });
});
