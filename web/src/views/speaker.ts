import type { SpeakerDetail } from '../../../src/store/store.js';
import { ApiFailure, getSpeaker } from '../api.js';
import { h, replace } from '../dom.js';
import { plural } from '../format.js';
import { renderHit } from './hit.js';
import { renderTimeline } from './timeline.js';

/**
 * The Speaker view: names (aliases and spelling variants), a timeline of statements per
 * week, the latest statements, and the outlets that quote them.
 * @example main.append(renderSpeaker('12'))
 */
export function renderSpeaker(id: string): HTMLElement {
  const heading = h('h1', { tabindex: '-1' }, 'Speaker');
  const body = h('div', { class: 'speaker-body' }, h('p', { class: 'status', role: 'status' }, 'Loading…'));
  getSpeaker(id).then(
    (s) => {
      heading.textContent = s.name;
      replace(body, speakerBody(s));
      document.title = `${s.name} · onrecord explorer`;
    },
    (err) => replace(body, h('p', { class: 'status', role: 'alert' }, err instanceof ApiFailure && err.status === 404 ? 'No such speaker.' : `Could not load the speaker: ${(err as Error).message}`)),
  );
  return h('div', { class: 'view view-speaker' }, h('p', { class: 'crumbs' }, h('a', { href: '#/speakers' }, 'Speakers')), heading, body);
}

function speakerBody(s: SpeakerDetail): HTMLElement[] {
  const facts = [s.kind, s.role, s.affiliation].filter(Boolean).join(' · ');
  const search = `#/search?speaker=${encodeURIComponent(s.name)}`;
  return [
    h('p', { class: 'lede' }, facts ? `${facts}. ` : '', `${plural(s.attributions, 'statement')} in ${plural(s.documents, 'article')}. `, h('a', { href: search }, 'Search their statements')),
    h('section', { class: 'names', 'aria-labelledby': 'names-h' },
      h('h2', { id: 'names-h' }, 'Also called'),
      s.aliases.length || s.variants.length
        ? h('ul', { class: 'name-list' },
          s.aliases.map((a) => h('li', null, a)),
          s.variants.map((v) => h('li', { class: 'variant' }, v, ' ', h('span', { class: 'tag' }, 'spelling variant'))))
        : h('p', { class: 'hint' }, 'No other names.')),
    h('section', { 'aria-labelledby': 'timeline-h' }, h('h2', { id: 'timeline-h' }, 'Statements per week'), renderTimeline(s.statementsPerWeek)),
    h('section', { 'aria-labelledby': 'latest-h' }, h('h2', { id: 'latest-h' }, 'Latest statements'), h('ol', { class: 'hits' }, s.latest.map(renderHit))),
    h('section', { 'aria-labelledby': 'outlets-h' },
      h('h2', { id: 'outlets-h' }, 'Quoted by'),
      h('ul', { class: 'outlet-list' }, s.outlets.map((o) => h('li', null,
        h('a', { href: `${search}&outlet=${encodeURIComponent(o.outlet)}` }, o.outlet), ' ', h('span', { class: 'count' }, plural(o.count, 'statement')))))),
  ];
}
