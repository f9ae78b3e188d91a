import encoded from '../../../models/attribution-model.js';
import type { AttributionModel } from './attribution-model.js';
import { base64ToBytes } from './base64.js';
import { decodeModel } from './model-io.js';

let cached: (AttributionModel & { meta: Record<string, unknown> }) | null = null;

/**
 * The shipped model (`models/attribution-model.js`, rebuilt by `npm run train`), decoded on
 * first use. A static import, so Node and browser bundles load it the same way.
 * @example defaultModel().meta.articles // 840
 */
export function defaultModel(): AttributionModel & { meta: Record<string, unknown> } {
  cached ??= decodeModel(base64ToBytes(encoded));
  return cached;
}
