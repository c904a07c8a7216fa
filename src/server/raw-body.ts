/**
 * Reads a request body with a hard size limit, counted while streaming, so
 * a lying or absent Content-Length cannot make the server buffer more.
 */
import { ApiFailure } from './errors.ts';

/**
 * @example
 * const bytes = await readBodyBytes(c.req.raw, MAX_PHOTO_BYTES, 'The photo is larger than 2 MiB.');
 */
export async function readBodyBytes(request: Request, maxBytes: number, tooLargeMessage: string): Promise<Buffer> {
  const tooLarge = () => new ApiFailure(413, 'body-too-large', tooLargeMessage);
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes) throw tooLarge();
  if (!request.body) return Buffer.alloc(0);

  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
