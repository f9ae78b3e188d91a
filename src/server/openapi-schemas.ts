/**
 * The JSON Schemas of the API's bodies, for `/api/openapi.json`. They mirror the types in
 * `src/core/types.ts` and `src/store/store.ts`; `openapi.test.ts` checks real responses
 * against them.
 */

const str = { type: 'string' } as const;
const nullableStr = { type: ['string', 'null'] } as const;
const int = { type: 'integer' } as const;
const date = { type: 'string', format: 'date', description: 'YYYY-MM-DD' } as const;
const ref = (name: string): { $ref: string } => ({ $ref: `#/components/schemas/${name}` });
const nullable = (name: string): { oneOf: Array<{ $ref: string } | { type: 'null' }> } => ({ oneOf: [ref(name), { type: 'null' }] });
const obj = (required: string[], properties: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ type: 'object', required, properties, ...extra });

/**
 * Every schema the paths refer to, by name.
 * @example SCHEMAS.Error // {type: 'object', required: ['error'], …}
 */
export const SCHEMAS: Record<string, unknown> = {
  Error: obj(['error'], {
    error: obj(['code', 'message'], {
      code: { type: 'string', enum: ['invalid_json', 'invalid_field', 'not_found', 'forbidden', 'payload_too_large', 'unsupported_media_type', 'internal'] },
      message: str,
      field: { type: 'string', description: 'The body field or query parameter at fault.' },
    }),
  }),
  Span: obj(['start', 'end', 'text'], { start: int, end: int, text: str }, { description: 'UTF-16 offsets, half-open: text === input.slice(start, end).' }),
  Speaker: obj(['id', 'name', 'kind'], { id: str, name: str, kind: ref('EntityKind'), role: str, affiliation: str }),
  EntityKind: { type: 'string', enum: ['person', 'organization', 'group', 'place'] },
  Kind: { type: 'string', enum: ['direct', 'indirect', 'mixed'] },
  Attribution: obj(['id', 'kind', 'content', 'cue', 'source', 'confidence', 'provenance'], {
    id: str, kind: ref('Kind'), content: { type: 'array', items: ref('Span') }, cue: nullable('Span'), source: nullable('Span'),
    confidence: { type: 'number' }, provenance: { type: 'array', items: str }, speaker: nullable('Speaker'),
    saidAt: { oneOf: [obj(['date', 'span', 'implied'], { date, span: nullable('Span'), implied: { type: 'boolean' } }), { type: 'null' }] },
  }),
  Entity: obj(['id', 'name', 'kind', 'aliases', 'mentions'], {
    id: str, name: str, kind: ref('EntityKind'), aliases: { type: 'array', items: str }, mentions: { type: 'array', items: ref('Span') }, role: str, affiliation: str,
  }),
  Diagnostic: obj(['code', 'severity', 'reason'], { code: str, severity: { type: 'string', enum: ['error', 'warning', 'info'] }, reason: str, span: ref('Span'), note: str }),
  ExtractResult: obj(['attributions', 'entities', 'diagnostics'], {
    id: str, attributions: { type: 'array', items: ref('Attribution') }, entities: { type: 'array', items: ref('Entity') }, diagnostics: { type: 'array', items: ref('Diagnostic') },
  }),
  SpeakerRef: obj(['id', 'name'], { id: str, name: str }),
  StoredAttribution: obj(['id', 'documentId', 'localId', 'kind', 'content', 'contentSpans', 'cue', 'source', 'speaker', 'date', 'confidence', 'provenance'], {
    id: str, documentId: str, localId: str, kind: ref('Kind'), content: { type: 'string', description: 'The content pieces joined with " … ".' },
    contentSpans: { type: 'array', items: ref('Span') }, cue: nullable('Span'), source: nullable('Span'), speaker: nullable('SpeakerRef'),
    date: { type: ['string', 'null'], format: 'date' }, confidence: { type: 'number' }, provenance: { type: 'array', items: str },
  }),
  DocumentRef: obj(['id', 'url', 'outlet', 'title', 'date'], { id: str, url: nullableStr, outlet: nullableStr, title: nullableStr, date: nullableStr }),
  AttributionHit: { allOf: [ref('StoredAttribution'), obj(['document'], { document: ref('DocumentRef') })] },
  AttributionPage: obj(['items', 'nextCursor'], { items: { type: 'array', items: ref('AttributionHit') }, nextCursor: nullableStr }),
  Document: obj(['id', 'url', 'outlet', 'title', 'date', 'byline', 'text', 'contentHash', 'ingestedAt', 'attributions', 'entities', 'diagnostics'], {
    id: str, url: nullableStr, outlet: nullableStr, title: nullableStr, date: nullableStr, byline: nullableStr, text: str, contentHash: str, ingestedAt: str,
    attributions: { type: 'array', items: ref('StoredAttribution') },
    entities: { type: 'array', description: "The corpus-wide speakers of the document's attributions.", items: obj(['id', 'name', 'attributions'], { id: str, name: str, attributions: int }) },
    diagnostics: { type: 'array', items: ref('Diagnostic') },
  }),
  DocumentInput: obj([], {
    text: { type: 'string', description: 'The article text; give this or html.' }, html: { type: 'string', description: 'A saved page; its main text is extracted.' },
    date, id: str, url: str, outlet: str, title: str, byline: str,
  }),
  PutResult: obj(['id', 'status', 'attributions'], { id: str, status: { type: 'string', enum: ['inserted', 'updated', 'unchanged', 'duplicate'] }, attributions: int }),
  SpeakerSummary: obj(['id', 'name', 'kind', 'attributions', 'aliases', 'variants'], {
    id: str, name: str, kind: { oneOf: [ref('EntityKind'), { type: 'null' }] }, attributions: int, aliases: { type: 'array', items: str }, variants: { type: 'array', items: str },
  }),
  SpeakerPage: obj(['items', 'nextCursor'], { items: { type: 'array', items: ref('SpeakerSummary') }, nextCursor: nullableStr }),
  SpeakerDetail: { allOf: [ref('SpeakerSummary'), obj(['role', 'affiliation', 'documents', 'statementsPerWeek', 'outlets', 'latest'], {
    role: nullableStr, affiliation: nullableStr, documents: int,
    statementsPerWeek: { type: 'array', items: obj(['week', 'count'], { week: { type: 'string', description: 'ISO week, 2025-W11' }, count: int }) },
    outlets: { type: 'array', items: obj(['outlet', 'count'], { outlet: str, count: int }) },
    latest: { type: 'array', items: ref('AttributionHit') },
  })] },
  Stats: obj(['documents', 'attributions', 'speakers', 'outlets', 'firstDate', 'lastDate', 'sampleAvailable'], {
    documents: int, attributions: int, speakers: int, mentions: int, diagnostics: int, outlets: int, firstDate: nullableStr, lastDate: nullableStr,
    bytes: { type: ['integer', 'null'] }, sampleAvailable: { type: 'boolean' },
  }),
  SampleLoad: obj(['documents', 'inserted', 'attributions'], { documents: int, inserted: int, attributions: int }),
  Health: obj(['status', 'version'], { status: { type: 'string', enum: ['ok'] }, version: str }),
};
