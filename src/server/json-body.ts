/**
 * Reads a JSON request body defensively: the right media type, at most
 * `maxBytes` (counted while streaming, so a lying or absent Content-Length
 * cannot make the server buffer more), valid UTF-8 and valid JSON. Every
 * failure is a 4xx ApiFailure, never a 500.
 */
import * as z from 'zod/mini';
import { toIssues } from '../domain/issues.ts';
import { ApiFailure } from './errors.ts';
import { readBodyBytes } from './raw-body.ts';

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
  const bytes = await readBodyBytes(request, maxBytes, `The request body is larger than ${maxBytes} bytes; send fewer changes per request.`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ApiFailure(400, 'malformed-json', 'The request body is not valid UTF-8 text.');
  }
}

/** Small bodies (sign-in, invites, users): a few hundred bytes in practice. */
export const MAX_SMALL_BODY_BYTES = 16 * 1024;

/**
 * Reads and validates a JSON body against a domain schema; 4xx with
 * field-level issues when it does not fit.
 *
 * @example
 * const request = await readValidBody(c.req.raw, SignInRequestSchema, 'sign-in request');
 */
export async function readValidBody<T extends z.ZodMiniType>(request: Request, schema: T, what: string, maxBytes = MAX_SMALL_BODY_BYTES): Promise<z.infer<T>> {
  const parsed = z.safeParse(schema, await readJsonBody(request, maxBytes));
  if (!parsed.success) throw new ApiFailure(400, 'invalid-payload', `The ${what} is not valid.`, toIssues(parsed.error));
  return parsed.data;
}
