import type { ExtractResult } from '../../../src/core/types.js';
import { fromExtractResult } from '../annotate/view-model.js';
import { h } from '../dom.js';
import { extractInBrowser } from '../engine.js';
import { plural } from '../format.js';
import { readArticleFile } from '../html-file.js';
import { renderArticle } from './article.js';

/** What the view held last, so going back to Analyse finds it as it was. */
const last: { text: string; date: string; result: ExtractResult | null; analysed: string } = { text: '', date: '', result: null, analysed: '' };

/**
 * The Analyse view: paste a text or drop an .html/.txt file, and the engine (in this browser)
 * shows who said what in it.
 * @example main.append(renderAnalyse())
 */
export function renderAnalyse(): HTMLElement {
  const textarea = h('textarea', { id: 'analyse-text', name: 'text', rows: '12', spellcheck: 'false', placeholder: '“We are not going to rush this,” Mayor Okafor told reporters on Tuesday.' });
  textarea.value = last.text;
  const date = h('input', { id: 'analyse-date', name: 'date', type: 'date' });
  date.value = last.date;
  const file = h('input', { id: 'analyse-file', name: 'file', type: 'file', accept: '.html,.htm,.txt,text/html,text/plain' });
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const output = h('div', { class: 'analysis' });
  const button = h('button', { type: 'submit', class: 'primary' }, 'Find who said what');

  const show = (text: string, result: ExtractResult): void => {
    output.replaceChildren(renderArticle(fromExtractResult(text, result)).element);
    status.textContent = `${plural(result.attributions.length, 'statement')} found, ${plural(new Set(result.attributions.map((a) => a.speaker?.name ?? a.source?.text)).size, 'speaker')}.`;
  };
  const analyse = async (): Promise<void> => {
    const text = textarea.value;
    if (!text.trim()) {
      status.textContent = 'Paste an article or open a file first.';
      textarea.focus();
      return;
    }
    button.disabled = true;
    status.textContent = last.result ? 'Analysing…' : 'Loading the engine and analysing… (the first time takes a few seconds)';
    try {
      const result = await extractInBrowser(text, date.value || undefined);
      Object.assign(last, { text, date: date.value, result, analysed: text });
      show(text, result);
    } catch (err) {
      status.textContent = `The analysis failed: ${(err as Error).message}`;
    } finally {
      button.disabled = false;
    }
  };
  const open = async (chosen: File | undefined): Promise<void> => {
    if (!chosen) return;
    if (chosen.size > 5 * 1024 * 1024) {
      status.textContent = `${chosen.name} is over 5 MB: too large to analyse here.`;
      return;
    }
    const read = await readArticleFile(chosen);
    if (!read.text.trim()) {
      status.textContent = `No article text found in ${chosen.name}.`;
      return;
    }
    textarea.value = read.text;
    if (read.date) date.value = read.date;
    await analyse();
  };

  file.addEventListener('change', () => void open(file.files?.[0]));
  const form = h('form', { class: 'analyse-form', 'aria-label': 'Article to analyse', on: { submit: (e) => { e.preventDefault(); void analyse(); } } },
    h('label', { for: 'analyse-text' }, 'Article text'),
    textarea,
    h('div', { class: 'form-row' },
      h('div', { class: 'field' }, h('label', { for: 'analyse-date' }, 'Article date (optional, resolves “on Tuesday”)'), date),
      h('div', { class: 'field drop-zone' }, h('label', { for: 'analyse-file' }, 'Or open an .html or .txt file (or drop one here)'), file)),
    h('div', { class: 'actions' }, button));
  form.addEventListener('dragover', (e) => {
    e.preventDefault();
    form.classList.add('dragging');
  });
  form.addEventListener('dragleave', () => form.classList.remove('dragging'));
  form.addEventListener('drop', (e) => {
    e.preventDefault();
    form.classList.remove('dragging');
    void open(e.dataTransfer?.files[0]);
  });
  if (last.result) show(last.analysed, last.result);
  return h('div', { class: 'view view-analyse' },
    h('h1', { tabindex: '-1' }, 'Analyse an article'),
    h('p', { class: 'lede' }, 'Paste a news article to see every statement in it: who said it, the reporting word, and what was said. It runs in your browser; nothing is stored.'),
    form, status, output);
}
