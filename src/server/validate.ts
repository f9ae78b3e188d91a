import type { Context } from 'hono';
import { isValidDate } from '../core/dates.js';
import { ApiError } from './errors.js';

/** A JSON object body, its fields not yet checked. */
export type Fields = Record<string, unknown>;

/**
 * The request body as a JSON object, allowing only `allowed` fields. Requires
 * `Content-Type: application/json` (415 otherwise; it also means a page on another origin
 * cannot post to a local server without a CORS preflight, which this server never grants).
 * @example const body = await readJsonObject(c, ['text', 'date'])
 */
export async function readJsonObject(c: Context, allowed: readonly string[]): Promise<Fields> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new ApiError(415, 'unsupported_media_type', `content-type: expected application/json, got "${type || 'nothing'}"`, 'content-type');
  }
  let value: unknown;
  try {
    value = JSON.parse(await c.req.text());
  } catch {
    throw new ApiError(400, 'invalid_json', 'body: not valid JSON', 'body');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new ApiError(400, 'invalid_json', 'body: expected a JSON object', 'body');
  const unknown = Object.keys(value).find((key) => !allowed.includes(key));
  if (unknown !== undefined) throw ApiError.field(unknown, `unknown field (expected ${allowed.join(', ')})`);
  return value as Fields;
}

/**
 * A string field that must be present.
 * @example requiredString({text: 'Hi'}, 'text') // 'Hi'
 */
export function requiredString(fields: Fields, name: string): string {
  const value = fields[name];
  if (typeof value !== 'string') throw ApiError.field(name, value === undefined ? 'required: a string' : `expected a string, got ${jsonType(value)}`);
  return value;
}

/**
 * A string field that may be absent (or null); longer than `max` characters is an error.
 * @example optionalString({}, 'title') // undefined
 */
export function optionalString(fields: Fields, name: string, max = 2000): string | undefined {
  const value = fields[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw ApiError.field(name, `expected a string, got ${jsonType(value)}`);
  if (value.length > max) throw ApiError.field(name, `at most ${max} characters`);
  return value;
}

/**
 * An optional `YYYY-MM-DD` date, from a body field or a query parameter.
 * @example optionalDate({date: '2025-03-13'}, 'date') // '2025-03-13'
 */
export function optionalDate(fields: Fields, name: string): string | undefined {
  const value = optionalString(fields, name, 10);
  if (value === undefined || value === '') return undefined;
  if (!isValidDate(value)) throw ApiError.field(name, `expected a YYYY-MM-DD date, got "${value}"`);
  return value;
}

/**
 * An optional query parameter that must be one of `choices`.
 * @example optionalChoice({kind: 'direct'}, 'kind', ['direct', 'indirect', 'mixed']) // 'direct'
 */
export function optionalChoice<T extends string>(fields: Fields, name: string, choices: readonly T[]): T | undefined {
  const value = optionalString(fields, name);
  if (value === undefined || value === '') return undefined;
  if (!(choices as readonly string[]).includes(value)) throw ApiError.field(name, `expected one of ${choices.join(', ')}, got "${value}"`);
  return value as T;
}

/**
 * An optional whole-number query parameter from 1 to `max`.
 * @example optionalLimit({limit: '20'}, 'limit', 100) // 20
 */
export function optionalLimit(fields: Fields, name: string, max: number): number | undefined {
  const value = optionalString(fields, name, 10);
  if (value === undefined || value === '') return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max) throw ApiError.field(name, `expected a whole number from 1 to ${max}, got "${value}"`);
  return Number(value);
}

/**
 * The query parameters, each once (a repeated parameter is an error: which one would count?).
 * @example const query = singleQuery(c, ['q', 'speaker'])
 */
export function singleQuery(c: Context, allowed: readonly string[]): Fields {
  const all = c.req.queries();
  const out: Fields = {};
  for (const [name, values] of Object.entries(all)) {
    if (!allowed.includes(name)) throw ApiError.field(name, `unknown parameter (expected ${allowed.join(', ')})`);
    if (values.length > 1) throw ApiError.field(name, 'given more than once');
    out[name] = values[0];
  }
  return out;
}

function jsonType(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}
