import type { AttributionHit, Page } from '../../../src/store/store.js';
import { ApiFailure, searchAttributions, type SearchParams } from '../api.js';
import { h } from '../dom.js';
import { plural } from '../format.js';
import { renderHit } from './hit.js';

const FIELDS = ['q', 'speaker', 'outlet', 'kind', 'from', 'to'] as const;

/**
 * The Search view: words and filters (kept in the address, so a search can be bookmarked),
 * newest statements first, a page at a time.
 * @example main.append(renderSearch(new URLSearchParams('q=harbour')))
 */
export function renderSearch(params: URLSearchParams): HTMLElement {
  const value = (name: string): string => params.get(name) ?? '';
  const input = (name: string, label: string, type = 'search'): HTMLElement => {
    const el = h('input', { id: `search-${name}`, name, type, autocomplete: 'off' });
    el.value = value(name);
    return h('div', { class: 'field' }, h('label', { for: `search-${name}` }, label), el);
  };
  const kind = h('select', { id: 'search-kind', name: 'kind' },
    [['', 'Any kind'], ['direct', 'Direct quote'], ['indirect', 'Reported speech'], ['mixed', 'Quote and paraphrase']].map(([v, text]) => h('option', { value: v }, text)));
  kind.value = value('kind');
  const form = h('form', { class: 'search-form', role: 'search', 'aria-label': 'Search statements', on: { submit: (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const next = new URLSearchParams();
    for (const name of FIELDS) {
      const v = String(data.get(name) ?? '').trim();
      if (v) next.set(name, v);
    }
    const qs = next.toString();
    const hash = `#/search${qs ? `?${qs}` : ''}`;
    if (location.hash === hash) void run();
    else location.hash = hash;
  } } },
    input('q', 'Words in the statement'),
    h('div', { class: 'form-row' },
      input('speaker', 'Speaker'),
      input('outlet', 'Outlet (exact name)'),
      h('div', { class: 'field' }, h('label', { for: 'search-kind' }, 'Kind'), kind)),
    h('div', { class: 'form-row' }, input('from', 'Said from', 'date'), input('to', 'Said until', 'date')),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Search')));

  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' }, 'Searching…');
  const list = h('ol', { class: 'hits', 'aria-label': 'Results' });
  const more = h('div', { class: 'more' });
  const query: SearchParams = Object.fromEntries(FIELDS.map((f) => [f, value(f)]).concat([['speakerId', value('speakerId')]]));
  let shown = 0;
  const run = async (cursor?: string): Promise<void> => {
    let page: Page<AttributionHit>;
    try {
      page = await searchAttributions({ ...query, ...(cursor ? { cursor } : {}) });
    } catch (err) {
      status.textContent = err instanceof ApiFailure ? `Search failed: ${err.message}` : 'Search failed.';
      return;
    }
    if (!cursor) list.replaceChildren();
    list.append(...page.items.map(renderHit));
    shown += page.items.length;
    status.textContent = shown ? `${plural(shown, 'statement')} shown${page.nextCursor ? ', more below' : ''}.` : 'No statements match.';
    more.replaceChildren(page.nextCursor
      ? h('button', { type: 'button', on: { click: () => void run(page.nextCursor as string) } }, 'Show more')
      : '');
  };
  void run();
  const filtered = FIELDS.some((f) => value(f));
  return h('div', { class: 'view view-search' },
    h('h1', { tabindex: '-1' }, 'Search statements'),
    form,
    h('h2', null, filtered ? 'Results' : 'Latest statements'),
    status, list, more);
}
