import type { ViewAttribution } from '../annotate/view-model.js';
import { h } from '../dom.js';
import { formatConfidence, formatDate, kindLabel } from '../format.js';
import { speakerLabel } from '../annotate/view-model.js';

/**
 * The facts of one attribution: speaker (a link to the speaker page when the store knows
 * them, else a search by name), kind, date, confidence, and the source and cue as written.
 * @example details.replaceChildren(renderDetails(attribution))
 */
export function renderDetails(a: ViewAttribution): HTMLElement {
  const name = speakerLabel(a);
  const who = a.speaker?.id
    ? h('a', { href: `#/speaker/${encodeURIComponent(a.speaker.id)}` }, name)
    : a.speaker ? h('a', { href: `#/search?speaker=${encodeURIComponent(name)}` }, name) : h('span', null, name);
  const rows: Array<[string, Node | string]> = [
    ['Speaker', who],
    ['Kind', kindLabel(a.kind)],
    ['Date', a.date ? `${formatDate(a.date)}${a.dateImplied ? ' (article date)' : ''}` : 'unknown'],
    ['Confidence', formatConfidence(a.confidence)],
    ['Source as written', a.source?.text ?? '—'],
    ['Cue', a.cue?.text ?? '—'],
  ];
  if (a.speaker?.role) rows.splice(1, 0, ['Role', a.speaker.role]);
  return h('div', { class: 'detail-card', 'data-attribution': a.id },
    h('blockquote', null, a.content.map((c) => c.text).join(' … ')),
    h('dl', null, rows.map(([term, value]) => [h('dt', null, term), h('dd', null, value)])));
}
