import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { StoreQueryError } from '../store/store.js';

/** The machine-readable kinds of failure the API reports. */
export type ApiErrorCode =
  | 'invalid_json' | 'invalid_field' | 'not_found' | 'forbidden' | 'payload_too_large' | 'unsupported_media_type' | 'internal';

/** The one JSON shape every failed request gets. */
export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string; field?: string };
}

/**
 * A failure the client can act on: the status, a code, a one-line message and, for bad
 * input, the field at fault. Routes throw it; {@link handleError} turns it into JSON.
 * @example throw ApiError.field('date', 'expected a YYYY-MM-DD date, got "March"')
 */
export class ApiError extends Error {
  constructor(readonly status: ContentfulStatusCode, readonly code: ApiErrorCode, message: string, readonly field?: string) {
    super(message);
    this.name = 'ApiError';
  }

  /**
   * 400 for one bad field of the body or query.
   * @example ApiError.field('text', 'required: a string')
   */
  static field(field: string, message: string): ApiError {
    return new ApiError(400, 'invalid_field', `${field}: ${message}`, field);
  }

  /**
   * 404 for something that is not there.
   * @example ApiError.notFound('no document with id "x"')
   */
  static notFound(message: string): ApiError {
    return new ApiError(404, 'not_found', message);
  }

  /** The response body. */
  body(): ApiErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}) } };
  }
}

/** Which query parameter a store's complaint is about, from the words it starts with. */
const STORE_FIELDS: Array<[RegExp, string]> = [[/^invalid cursor/, 'cursor'], [/^the query/, 'q'], [/^the speaker/, 'speaker'], [/^limit/, 'limit']];

/**
 * Maps anything thrown while handling a request to the JSON error shape: an {@link ApiError}
 * as it is, a store's query complaint as 400, anything else as a bare 500 (logged through
 * `log`, never sent: no stack or internal message reaches the client).
 * @example app.onError((err, c) => handleError(err, c, console.error))
 */
export function handleError(err: unknown, c: Context, log: (message: string) => void): Response {
  if (err instanceof ApiError) return c.json(err.body(), err.status);
  if (err instanceof StoreQueryError) {
    const field = STORE_FIELDS.find(([re]) => re.test(err.message))?.[1];
    return c.json(new ApiError(400, 'invalid_field', err.message, field).body(), 400);
  }
  log(`onrecord serve: ${c.req.method} ${c.req.path}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  return c.json(new ApiError(500, 'internal', 'internal error: the server could not complete the request').body(), 500);
}
