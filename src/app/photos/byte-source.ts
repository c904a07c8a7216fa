/**
 * Random access to the first bytes of a file without reading all of it: a
 * 48 MP photo is 10+ MB, its header a few KB. Reads past the end return
 * fewer bytes (or none), never throw.
 */
export type ByteSource = {
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
};

const WINDOW_BYTES = 64 * 1024;

/** A Blob read in 64 KB windows; one window is kept, as headers are read front to back. */
export function blobSource(blob: Blob): ByteSource {
  let windowStart = 0;
  let window: Uint8Array | null = null;
  return {
    size: blob.size,
    async read(offset, length) {
      const start = Math.max(0, Math.min(offset, blob.size));
      const end = Math.max(start, Math.min(offset + length, blob.size));
      if (window === null || start < windowStart || end > windowStart + window.length) {
        windowStart = start;
        window = new Uint8Array(await blob.slice(start, Math.min(blob.size, start + Math.max(length, WINDOW_BYTES))).arrayBuffer());
      }
      return window.subarray(start - windowStart, end - windowStart);
    },
  };
}

/** Bytes already in memory (tests, and the encoder's output). */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read: async (offset, length) => bytes.subarray(Math.max(0, Math.min(offset, bytes.length)), Math.max(0, Math.min(offset + length, bytes.length))),
  };
}
