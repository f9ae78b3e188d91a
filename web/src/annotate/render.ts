import { h } from '../dom.js';
import { primaryRef, segmentText, type Mark } from './segments.js';
import { marksOf, speakerLabel, type ViewDocument } from './view-model.js';

/** The drawn article, and ways to point into it. */
export interface AnnotatedText {
  element: HTMLElement;
  /** Marks one attribution as the selected one; `focus` also moves the keyboard focus to it. */
  select(id: string | null, options?: { focus?: boolean }): void;
  /** Scrolls to a diagnostic's place and focuses it. */
  showDiagnostic(index: number): void;
}

/**
 * Draws an article with its attributions highlighted from their offsets: content, cue and
 * source each in their own style, diagnostics underlined where they occur. The text goes in
 * as text nodes only. Each attribution is one tab stop (Enter or Space selects it); a click
 * on any highlight selects its attribution.
 * @example const view = renderAnnotatedText(doc, (id) => showDetails(id)); main.append(view.element)
 */
export function renderAnnotatedText(doc: ViewDocument, onSelect: (id: string) => void): AnnotatedText {
  const element = h('div', { class: 'article-text', 'aria-label': 'Annotated article', role: 'region' });
  const marksOfElement = new Map<Element, Mark[]>();
  const byRef = new Map<string, HTMLElement[]>();
  const labels = new Map(doc.attributions.map((a) => [a.id, `Statement by ${speakerLabel(a)} (${a.kind})`]));
  const reasons = new Map(doc.diagnostics.map((d, i) => [`d${i}`, d.reason]));
  for (const segment of segmentText(doc.text, marksOf(doc))) {
    if (!segment.marks.length) {
      element.append(document.createTextNode(segment.text));
      continue;
    }
    const roles = new Set(segment.marks.map((m) => m.role));
    const refs = [...new Set(segment.marks.map((m) => m.ref))];
    const span = h('span', { class: ['mark', ...[...roles].map((r) => `m-${r}`)], 'data-refs': refs.join(' ') }, segment.text);
    const reason = segment.marks.filter((m) => m.role === 'diagnostic').map((m) => reasons.get(m.ref)).join('; ');
    if (reason) span.title = reason;
    for (const ref of refs) {
      const list = byRef.get(ref) ?? [];
      if (!list.length) firstOf(span, ref, labels.get(ref));
      list.push(span);
      byRef.set(ref, list);
    }
    marksOfElement.set(span, segment.marks);
    element.append(span);
  }
  for (const [ref, spans] of byRef) if (ref.startsWith('d')) spans[spans.length - 1].classList.add('diag-end');

  const activate = (target: EventTarget | null): void => {
    const span = target instanceof Element ? target.closest('.mark') : null;
    const id = span ? primaryRef(marksOfElement.get(span) ?? []) : null;
    if (id) onSelect(id);
  };
  element.addEventListener('click', (e) => activate(e.target));
  element.addEventListener('keydown', (e) => {
    if ((e.key === 'Enter' || e.key === ' ') && e.target instanceof HTMLElement && e.target.dataset.attribution) {
      e.preventDefault();
      onSelect(e.target.dataset.attribution);
    }
  });

  return {
    element,
    select(id, options = {}) {
      for (const el of element.querySelectorAll('.active')) el.classList.remove('active');
      const spans = id ? byRef.get(id) ?? [] : [];
      for (const span of spans) span.classList.add('active');
      if (spans[0]) {
        spans[0].scrollIntoView({ block: 'center', behavior: 'smooth' });
        if (options.focus) spans[0].focus({ preventScroll: true });
      }
    },
    showDiagnostic(index) {
      const span = byRef.get(`d${index}`)?.[0];
      if (!span) return;
      span.scrollIntoView({ block: 'center', behavior: 'smooth' });
      span.focus({ preventScroll: true });
    },
  };
}

/** The first piece of an attribution (or diagnostic) is where the keyboard reaches it. */
function firstOf(span: HTMLElement, ref: string, label: string | undefined): void {
  if (span.tabIndex === 0) return;
  span.tabIndex = ref.startsWith('d') ? -1 : 0;
  if (ref.startsWith('d')) {
    span.id = `diagnostic-${ref.slice(1)}`;
    return;
  }
  span.setAttribute('role', 'button');
  span.dataset.attribution = ref;
  if (label) span.setAttribute('aria-label', `${label}: ${span.textContent ?? ''}`);
}
