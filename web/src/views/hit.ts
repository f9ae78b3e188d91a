import type { AttributionHit } from '../../../src/store/store.js';
import { h } from '../dom.js';
import { formatDate, kindLabel, truncate } from '../format.js';

/**
 * One search result: the quote, who said it (a link to the speaker), outlet, date and kind,
 * and a link that opens the article at this statement.
 * @example list.append(renderHit(hit))
 */
export function renderHit(hit: AttributionHit): HTMLElement {
  const speaker = hit.speaker
    ? h('a', { href: `#/speaker/${encodeURIComponent(hit.speaker.id)}`, class: 'speaker' }, hit.speaker.name)
    : h('span', { class: 'speaker' }, hit.source?.text ?? 'Unknown speaker');
  const meta = [hit.document.outlet, hit.date ? formatDate(hit.date) : null, kindLabel(hit.kind)].filter((x): x is string => Boolean(x));
  return h('li', { class: 'hit' },
    h('blockquote', null, truncate(hit.content, 600)),
    h('p', { class: 'hit-meta' }, speaker, meta.map((m) => [' · ', m])),
    h('p', { class: 'hit-open' },
      h('a', { href: `#/document/${encodeURIComponent(hit.documentId)}?a=${encodeURIComponent(hit.localId)}` },
        'Open in article', hit.document.title ? [': ', h('cite', null, truncate(hit.document.title, 90))] : null)));
}
