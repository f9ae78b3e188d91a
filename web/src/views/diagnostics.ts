import type { Diagnostic } from '../../../src/core/types.js';
import { h } from '../dom.js';

/**
 * The diagnostics of a text (name variants, unbalanced quotes…), each with a button that
 * shows where it occurs; null when there are none.
 * @example renderDiagnostics(result.diagnostics, (i) => text.showDiagnostic(i))
 */
export function renderDiagnostics(diagnostics: readonly Diagnostic[], show: (index: number) => void): HTMLElement | null {
  if (!diagnostics.length) return null;
  return h('section', { class: 'diagnostics', 'aria-label': 'Diagnostics' },
    h('h2', null, 'Diagnostics'),
    h('ul', null, diagnostics.map((d, i) => h('li', { class: `severity-${d.severity}` },
      h('span', { class: 'code' }, d.code), ' ', d.reason,
      d.note ? h('span', { class: 'note' }, ` (${d.note})`) : null,
      d.span ? [' ', h('button', { type: 'button', class: 'link-button', on: { click: () => show(i) } }, `Show “${d.span.text.slice(0, 40)}” in the text`)] : null))));
}
