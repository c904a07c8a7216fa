/**
 * How the API fails: every 4xx/5xx body is ApiErrorSchema, with a machine
 * reason from the domain and a message a person (or the developer of a
 * client) can act on. Handlers throw ApiFailure; one onError answers.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiError, Issue, Reason } from '../domain/errors.ts';
import type { Logger } from './request-log.ts';

export class ApiFailure extends HTTPException {
  readonly reason: Reason;
  readonly issues: Issue[] | undefined;
  /** Extra response headers (Retry-After, WWW-Authenticate). */
  readonly headers: Readonly<Record<string, string>>;

  constructor(status: ContentfulStatusCode, reason: Reason, message: string, issues?: Issue[], headers: Readonly<Record<string, string>> = {}) {
    super(status, { message });
    this.reason = reason;
    this.issues = issues;
    this.headers = status === 401 ? { 'WWW-Authenticate': 'Bearer', ...headers } : headers;
  }
}

export function errorBody(reason: Reason, message: string, issues?: Issue[]): ApiError {
  return { error: { reason, message, ...(issues && issues.length > 0 ? { issues } : {}) } };
}

/**
 * The app's one error handler (`app.onError`). A 500 is logged with the
 * request's id and its stack, and answers that id (`requestId`) for the
 * person to quote.
 */
export function errorHandler(logger: Logger): (error: Error, c: Context) => Response {
  return (error, c) => {
    if (error instanceof ApiFailure) return c.json(errorBody(error.reason, error.message, error.issues), error.status, { ...error.headers });
    if (error instanceof HTTPException) {
      // Thrown by Hono itself or a Hono middleware: keep its status, give it a reason.
      return c.json(errorBody(reasonForStatus(error.status), error.message || 'The request could not be handled.'), error.status);
    }
    const requestId = (c.var as { requestId?: string }).requestId;
    logger.error({ reqId: requestId, err: error }, 'unexpected error');
    const body = errorBody('internal', 'Something went wrong on the server. Nothing was saved; please try again later.');
    return c.json(requestId ? { error: { ...body.error, requestId } } : body, 500);
  };
}

function reasonForStatus(status: number): Reason {
  if (status === 401) return 'unauthenticated';
  if (status === 404) return 'not-found';
  if (status === 413) return 'body-too-large';
  if (status === 415) return 'unsupported-media-type';
  if (status >= 500) return 'internal';
  return 'invalid-payload';
}
