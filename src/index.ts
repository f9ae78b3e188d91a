/**
 * onrecord's browser-safe public API: `extract(text, options)` and the types it returns.
 * Nothing here (or below) imports Node modules.
 */
export { extract, extractWith } from './extract/extract.js';
export { isValidDate } from './core/dates.js';
export { decodeModel } from './extract/model/model-io.js';
export { base64ToBytes } from './extract/model/base64.js';
export type { AttributionModel } from './extract/model/attribution-model.js';
export { DIAGNOSTICS, type DiagnosticCode } from './core/diagnostics.js';
export type {
  Attribution, AttributionKind, Diagnostic, Entity, EntityKind, ExtractOptions, ExtractResult, SaidAt, Severity, Span, Speaker,
} from './core/types.js';
