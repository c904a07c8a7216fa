/**
 * UUIDv7 ids, made on the device that creates a record (RFC 9562 §5.7):
 * 48 bits of Unix milliseconds, then random bits. Sortable by creation time,
 * never reused. Apart from ids.ts (its schema) so that making one needs no zod.
 */

/**
 * @example
 * uuidv7(Date.now()) // '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b'
 */
export function uuidv7(now: number, random: (bytes: Uint8Array) => Uint8Array = fillRandom): string {
  const bytes = random(new Uint8Array(16));
  let ms = Math.max(0, Math.floor(now));
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function fillRandom(bytes: Uint8Array): Uint8Array {
  return globalThis.crypto.getRandomValues(bytes);
}
