import { ApiFailure, getStats, loadSample } from '../api.js';
import { h, replace } from '../dom.js';
import { plural } from '../format.js';

/**
 * Fills the banner when the corpus is empty: an offer to load the sample corpus of fictional
 * articles, so a newcomer sees a populated explorer at once. `onLoaded` redraws the view.
 * @example void offerSample(document.getElementById('banner'), () => render())
 */
export async function offerSample(banner: HTMLElement, onLoaded: () => void): Promise<void> {
  let stats;
  try {
    stats = await getStats();
  } catch {
    return; // no server (a static copy of the UI): Analyse still works
  }
  if (stats.documents > 0 || !stats.sampleAvailable) return;
  const button = h('button', { type: 'button', class: 'primary', on: { click: async () => {
    button.disabled = true;
    button.textContent = 'Loading the sample…';
    try {
      const loaded = await loadSample();
      replace(banner, h('p', { role: 'status' }, `Loaded ${plural(loaded.documents, 'article')} with ${plural(loaded.attributions, 'statement')}. `,
        h('a', { href: '#/search' }, 'Search them'), ' or ', h('a', { href: '#/speakers' }, 'browse the speakers'), '.'));
      onLoaded();
    } catch (err) {
      button.disabled = false;
      button.textContent = 'Try again';
      replace(message, `The sample could not be loaded: ${err instanceof ApiFailure ? err.message : 'unknown error'}.`);
    }
  } } }, 'Load the sample corpus');
  const message = h('span', null, 'The corpus is empty. Load a sample of twelve short, fictional news articles to explore?');
  replace(banner, h('p', null, message, ' ', button));
  banner.hidden = false;
}
