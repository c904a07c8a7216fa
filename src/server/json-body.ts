/**
 * Reads a JSON request body defensively: the right media type, at most
 * `maxBytes` (counted while streaming, so a lying or absent Content-Length
 * cannot make the server buffer more), valid UTF-8 and valid JSON. Every
 * failure is a 4xx ApiFailure, never a 500.
 */
import { ApiFailure } from './errors.ts';

/**
 * @example
 * const body = await readJsonBody(c.req.raw, MAX_PUSH_BYTES); // unknown, still to be validated
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const mediaType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    throw new ApiFailure(415, 'unsupported-media-type', 'Send the body as JSON, with the header Content-Type: application/json.');
  }
  const text = await readText(request, maxBytes);
  if (text.trim() === '') throw new ApiFailure(400, 'malformed-json', 'The request body is empty; expected a JSON object.');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ApiFailure(400, 'malformed-json', `The request body is not valid JSON: ${(error as Error).message}`);
  }
}

async function readText(request: Request, maxBytes: number): Promise<string> {
  const tooLarge = () => new ApiFailure(413, 'body-too-large', `The request body is larger than ${maxBytes} bytes; send fewer changes per request.`);
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes) throw tooLarge();
  if (!request.body) return '';

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
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new ApiFailure(400, 'malformed-json', 'The request body is not valid UTF-8 text.');
  }
}
