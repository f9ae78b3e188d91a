import type { SpeakerSummary } from '../../../src/store/store.js';
import { ApiFailure, listSpeakers } from '../api.js';
import { h } from '../dom.js';
import { plural } from '../format.js';

/**
 * The speakers index: most quoted first, filtered by the start of their names.
 * @example main.append(renderSpeakers(new URLSearchParams('q=val')))
 */
export function renderSpeakers(params: URLSearchParams): HTMLElement {
  const q = params.get('q') ?? '';
  const input = h('input', { id: 'speakers-q', name: 'q', type: 'search', autocomplete: 'off' });
  input.value = q;
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' }, 'Loading…');
  const list = h('ul', { class: 'speaker-list', 'aria-label': 'Speakers' });
  const more = h('div', { class: 'more' });
  let shown = 0;
  const run = async (cursor?: string): Promise<void> => {
    try {
      const page = await listSpeakers({ q, ...(cursor ? { cursor } : {}) });
      list.append(...page.items.map(speakerItem));
      shown += page.items.length;
      status.textContent = shown ? `${plural(shown, 'speaker')} shown.` : q ? `No speaker's name starts with “${q}”.` : 'No speakers yet: the corpus is empty.';
      more.replaceChildren(page.nextCursor ? h('button', { type: 'button', on: { click: () => void run(page.nextCursor as string) } }, 'Show more') : '');
    } catch (err) {
      status.textContent = err instanceof ApiFailure ? `Could not list speakers: ${err.message}` : 'Could not list speakers.';
    }
  };
  void run();
  return h('div', { class: 'view view-speakers' },
    h('h1', { tabindex: '-1' }, 'Speakers'),
    h('form', { class: 'search-form', role: 'search', 'aria-label': 'Find a speaker', on: { submit: (e) => {
      e.preventDefault();
      const v = input.value.trim();
      location.hash = `#/speakers${v ? `?q=${encodeURIComponent(v)}` : ''}`;
    } } },
      h('div', { class: 'form-row' },
        h('div', { class: 'field' }, h('label', { for: 'speakers-q' }, 'Name starts with'), input),
        h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Find')))),
    status, list, more);
}

function speakerItem(s: SpeakerSummary): HTMLElement {
  const names = [...s.aliases, ...s.variants];
  return h('li', null,
    h('a', { href: `#/speaker/${encodeURIComponent(s.id)}` }, s.name),
    ' ', h('span', { class: 'count' }, plural(s.attributions, 'statement')),
    names.length ? h('span', { class: 'aliases' }, ` · also ${names.join(', ')}`) : null);
}
