import { speakerLabel, type ViewAttribution } from '../annotate/view-model.js';
import { h } from '../dom.js';
import { kindLabel, plural, truncate } from '../format.js';

/**
 * "Who said what": the statements grouped by speaker, most statements first, each a button
 * that selects it in the article.
 * @example const list = renderWhoSaidWhat(doc.attributions, (id) => select(id)); aside.append(list.element)
 */
export function renderWhoSaidWhat(attributions: readonly ViewAttribution[], onSelect: (id: string) => void): { element: HTMLElement; select(id: string): void } {
  const groups = new Map<string, ViewAttribution[]>();
  for (const a of attributions) {
    const key = speakerLabel(a);
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  const sorted = [...groups].sort((x, y) => y[1].length - x[1].length || x[0].localeCompare(y[0]));
  const buttons = new Map<string, HTMLButtonElement>();
  const element = h('div', { class: 'who-said-what' },
    sorted.length ? null : h('p', { class: 'hint' }, 'Nobody is quoted in this text.'),
    sorted.map(([name, items]) => h('section', { class: 'speaker-group' },
      h('h3', null, name, ' ', h('span', { class: 'count' }, `(${plural(items.length, 'statement')})`)),
      h('ul', null, items.map((a) => {
        const button = h('button', { type: 'button', class: 'statement', 'aria-pressed': 'false', on: { click: () => onSelect(a.id) } },
          h('span', { class: 'quote' }, truncate(a.content.map((c) => c.text).join(' … '), 160)),
          h('span', { class: 'kind' }, kindLabel(a.kind)));
        buttons.set(a.id, button);
        return h('li', null, button);
      })))));
  return {
    element,
    select(id) {
      for (const [key, button] of buttons) button.setAttribute('aria-pressed', String(key === id));
    },
  };
}
