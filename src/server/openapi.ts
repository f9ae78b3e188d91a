import { SCHEMAS } from './openapi-schemas.js';

const ref = (name: string): { $ref: string } => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown): Record<string, unknown> => ({ content: { 'application/json': { schema } } });
const ok = (name: string, description = 'OK'): Record<string, unknown> => ({ description, ...json(ref(name)) });
const ERRORS = {
  400: { description: 'Invalid input; error.field names the field or parameter.', ...json(ref('Error')) },
  413: { description: 'Body over 5 MB.', ...json(ref('Error')) },
  415: { description: 'The body is not application/json.', ...json(ref('Error')) },
};
const NOT_FOUND = { 404: { description: 'Not found.', ...json(ref('Error')) } };
const query = (name: string, description: string, schema: Record<string, unknown> = { type: 'string' }): Record<string, unknown> => ({ name, in: 'query', required: false, description, schema });
const path = (name: string): Record<string, unknown> => ({ name, in: 'path', required: true, schema: { type: 'string' } });
const body = (name: string): Record<string, unknown> => ({ required: true, ...json(ref(name)) });

/**
 * The OpenAPI 3.1 description of the API, as data: served at `/api/openapi.json`, and checked
 * against the app's routes and real responses by `openapi.test.ts`.
 * @example OPENAPI.paths['/api/extract'].post.summary // 'Who said what in a text, not stored'
 */
export const OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'onrecord API', version: '1',
    description: 'Who said what in the news: extract attributions from articles, store them, search them. JSON only; errors are {error: {code, message, field?}}.',
  },
  paths: {
    '/api/health': { get: { summary: 'The server is up', responses: { 200: ok('Health') } } },
    '/api/stats': { get: { summary: 'What the corpus holds', responses: { 200: ok('Stats') } } },
    '/api/extract': {
      post: {
        summary: 'Who said what in a text, not stored',
        requestBody: { required: true, ...json({ type: 'object', required: ['text'], properties: { text: { type: 'string' }, date: { type: 'string', format: 'date' }, id: { type: 'string' }, byline: { type: 'string' } } }) },
        responses: { 200: ok('ExtractResult'), ...ERRORS },
      },
    },
    '/api/documents': {
      post: {
        summary: 'Extract and store one article (text or html)',
        requestBody: body('DocumentInput'),
        responses: { 201: ok('PutResult', 'Stored'), 200: ok('PutResult', 'Stored already (unchanged or a duplicate) or updated'), ...ERRORS },
      },
    },
    '/api/documents/{id}': {
      get: { summary: 'A stored article: text, attributions, speakers, diagnostics', parameters: [path('id')], responses: { 200: ok('Document'), ...NOT_FOUND } },
    },
    '/api/attributions': {
      get: {
        summary: 'Search what was said, newest first',
        parameters: [
          query('q', 'Words that must all occur; "phrases", prefix*, OR, NOT.'),
          query('speaker', 'A speaker name or part of it, matched against names, aliases and variants.'),
          query('speakerId', 'A speaker id, exactly.'),
          query('outlet', 'Outlet name, exact (case-insensitive).'),
          query('kind', 'direct, indirect or mixed.', ref('Kind')),
          query('from', 'Said on or after (YYYY-MM-DD).', { type: 'string', format: 'date' }),
          query('to', 'Said on or before (YYYY-MM-DD).', { type: 'string', format: 'date' }),
          query('cursor', "The previous page's nextCursor."),
          query('limit', 'Results per page, 1-100 (default 20).', { type: 'integer', minimum: 1, maximum: 100 }),
        ],
        responses: { 200: ok('AttributionPage'), 400: ERRORS[400] },
      },
    },
    '/api/speakers': {
      get: {
        summary: 'Speakers, most quoted first',
        parameters: [
          query('q', 'Only speakers with a name starting with each of these words.'),
          query('cursor', "The previous page's nextCursor."),
          query('limit', 'Speakers per page, 1-100 (default 50).', { type: 'integer', minimum: 1, maximum: 100 }),
        ],
        responses: { 200: ok('SpeakerPage'), 400: ERRORS[400] },
      },
    },
    '/api/speakers/{id}': {
      get: { summary: 'A speaker: aliases, variants, statements per week, outlets, latest statements', parameters: [path('id')], responses: { 200: ok('SpeakerDetail'), ...NOT_FOUND } },
    },
    '/api/sample': {
      post: {
        summary: 'Load the sample corpus (idempotent)',
        requestBody: { required: true, ...json({ type: 'object', maxProperties: 0 }) },
        responses: { 200: ok('SampleLoad'), ...NOT_FOUND, ...ERRORS },
      },
    },
    '/api/openapi.json': { get: { summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1', ...json({ type: 'object' }) } } } },
  },
  components: { schemas: SCHEMAS },
} as const;
