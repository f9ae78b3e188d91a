import { ApiFailure, getDocument } from '../api.js';
import { fromStoredDocument } from '../annotate/view-model.js';
import { h, replace } from '../dom.js';
import { renderArticle } from './article.js';

/**
 * A stored article, annotated, opened at one attribution (`?a=a3`) when given.
 * @example main.append(renderDocument('sample-01', 'a2'))
 */
export function renderDocument(id: string, selected: string | null): HTMLElement {
  const heading = h('h1', { tabindex: '-1' }, 'Article');
  const body = h('div', null, h('p', { class: 'status', role: 'status' }, 'Loading…'));
  getDocument(id).then(
    (doc) => {
      if (doc.title) document.title = `${doc.title} · onrecord explorer`;
      replace(body, renderArticle(fromStoredDocument(doc), { selected }).element);
    },
    (err) => replace(body, h('p', { class: 'status', role: 'alert' }, err instanceof ApiFailure && err.status === 404 ? 'No such article.' : `Could not load the article: ${(err as Error).message}`)),
  );
  return h('div', { class: 'view view-document' }, h('p', { class: 'crumbs' }, h('a', { href: '#/search' }, 'Search')), heading, body);
}
