import { renderAnnotatedText } from '../annotate/render.js';
import type { ViewDocument } from '../annotate/view-model.js';
import { h } from '../dom.js';
import { formatDate, safeUrl } from '../format.js';
import { renderDetails } from './details.js';
import { renderDiagnostics } from './diagnostics.js';
import { renderWhoSaidWhat } from './who-said-what.js';

/** The drawn article view, and how to select an attribution in it. */
export interface ArticleView {
  element: HTMLElement;
  select(id: string, options?: { focus?: boolean }): void;
}

/**
 * An article with its attributions highlighted, the details of the selected one, "who said
 * what" grouped by speaker, and its diagnostics where they occur. Used by the Analyse view
 * (the browser's own extraction) and the document view (a stored article).
 * @example main.append(renderArticle(fromStoredDocument(doc), {selected: 'a2'}).element)
 */
export function renderArticle(doc: ViewDocument, options: { selected?: string | null } = {}): ArticleView {
  const byId = new Map(doc.attributions.map((a) => [a.id, a]));
  const details = h('div', { class: 'details', 'aria-live': 'polite' });
  const select = (id: string, opts: { focus?: boolean } = {}): void => {
    const a = byId.get(id);
    if (!a) return;
    text.select(id, opts);
    list.select(id);
    details.replaceChildren(renderDetails(a));
  };
  const text = renderAnnotatedText(doc, (id) => select(id));
  const list = renderWhoSaidWhat(doc.attributions, (id) => select(id, { focus: true }));
  details.append(h('p', { class: 'hint' }, doc.attributions.length ? 'Select a highlighted statement to see who said it, when, and how sure the engine is.' : 'No attributions found in this text.'));
  const element = h('section', { class: 'article-layout' },
    h('div', { class: 'article-col' },
      articleHeader(doc),
      legend(),
      text.element,
      renderDiagnostics(doc.diagnostics, (i) => text.showDiagnostic(i))),
    h('aside', { class: 'side-col', 'aria-label': 'Statements' },
      h('h2', null, 'Selected statement'),
      details,
      h('h2', null, 'Who said what'),
      list.element));
  if (options.selected && byId.has(options.selected)) queueMicrotask(() => select(options.selected as string, { focus: true }));
  return { element, select };
}

function articleHeader(doc: ViewDocument): HTMLElement | null {
  if (!doc.title && !doc.outlet && !doc.date) return null;
  const url = safeUrl(doc.url);
  return h('header', { class: 'article-meta' },
    doc.title ? h('h2', { class: 'article-title' }, doc.title) : null,
    h('p', null, [doc.outlet, doc.date ? formatDate(doc.date) : null].filter(Boolean).join(' · '),
      url ? [' · ', h('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, 'original')] : null));
}

function legend(): HTMLElement {
  return h('ul', { class: 'legend', 'aria-label': 'Highlight styles' },
    h('li', null, h('span', { class: 'mark m-content' }, 'content'), ' what was said'),
    h('li', null, h('span', { class: 'mark m-source' }, 'source'), ' who said it'),
    h('li', null, h('span', { class: 'mark m-cue' }, 'cue'), ' the reporting word'),
    h('li', null, h('span', { class: 'mark m-diagnostic diag-end' }, 'note'), ' a diagnostic'));
}
