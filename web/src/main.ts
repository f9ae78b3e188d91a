import './style.css';
import { replace } from './dom.js';
import { parseRoute, type Route } from './router.js';
import { renderAnalyse } from './views/analyse.js';
import { offerSample } from './views/banner.js';
import { renderDocument } from './views/document.js';
import { renderSearch } from './views/search.js';
import { renderSpeaker } from './views/speaker.js';
import { renderSpeakers } from './views/speakers.js';

const main = document.getElementById('main') as HTMLElement;
const TITLES: Record<Route['name'], string> = { analyse: 'Analyse', search: 'Search', speakers: 'Speakers', speaker: 'Speaker', document: 'Article' };
const NAV: Record<Route['name'], string> = { analyse: 'analyse', search: 'search', speakers: 'speakers', speaker: 'speakers', document: 'search' };

function view(route: Route): HTMLElement {
  switch (route.name) {
    case 'search': return renderSearch(route.params);
    case 'speakers': return renderSpeakers(route.params);
    case 'speaker': return renderSpeaker(route.id);
    case 'document': return renderDocument(route.id, route.attribution);
    default: return renderAnalyse();
  }
}

/** Draws the view the address names, marks it in the menu, and moves focus to its heading. */
function render(moveFocus: boolean): void {
  const route = parseRoute(location.hash);
  document.title = `${TITLES[route.name]} · onrecord explorer`;
  for (const link of document.querySelectorAll<HTMLAnchorElement>('#nav a')) {
    if (link.dataset.route === NAV[route.name]) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  replace(main, view(route));
  if (moveFocus) main.querySelector<HTMLElement>('h1')?.focus();
}

window.addEventListener('hashchange', () => render(true));
render(false);
void offerSample(document.getElementById('banner') as HTMLElement, () => render(false));
