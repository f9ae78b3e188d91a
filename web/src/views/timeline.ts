import { h, svg } from '../dom.js';
import { fillWeeks, weekStart } from '../iso-week.js';
import { formatDate, plural } from '../format.js';

/**
 * A bar chart of statements per ISO week, empty weeks included, that scales to its box. The
 * chart is an image with a text summary for screen readers, and the numbers are in a table
 * beneath it.
 * @example section.append(renderTimeline(speaker.statementsPerWeek))
 */
export function renderTimeline(perWeek: ReadonlyArray<{ week: string; count: number }>): HTMLElement {
  const weeks = fillWeeks(perWeek);
  if (!weeks.length) return h('p', { class: 'hint' }, 'No dated statements.');
  const max = Math.max(...weeks.map((w) => w.count));
  const [width, height] = [Math.max(300, weeks.length * 24), 140];
  const bar = width / weeks.length;
  const label = `Statements per week from the week of ${formatDate(monday(weeks[0].week))} to the week of ${formatDate(monday(weeks[weeks.length - 1].week))}, at most ${max} in a week.`;
  // The bars stretch to the box; the labels are HTML, so they never stretch with them.
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label, class: 'timeline', preserveAspectRatio: 'none' },
    weeks.map((w, i) => {
      const barHeight = max ? (w.count / max) * (height - 4) : 0;
      return svg('rect', { x: i * bar + bar * 0.1, y: height - barHeight, width: Math.max(1, bar * 0.8), height: barHeight, class: 'bar' },
        svg('title', {}, `${w.week}: ${plural(w.count, 'statement')}`));
    }),
    svg('line', { x1: 0, y1: height, x2: width, y2: height, class: 'axis' }));
  return h('figure', { class: 'timeline-figure' },
    h('div', { class: 'chart' }, h('span', { class: 'y-max', 'aria-hidden': 'true' }, String(max)), chart),
    h('div', { class: 'x-labels', 'aria-hidden': 'true' }, h('span', null, weeks[0].week), h('span', null, weeks[weeks.length - 1].week)),
    h('details', null,
      h('summary', null, 'Statements per week as a table'),
      h('table', null,
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Week'), h('th', { scope: 'col' }, 'Starting'), h('th', { scope: 'col' }, 'Statements'))),
        h('tbody', null, weeks.filter((w) => w.count).map((w) => h('tr', null, h('td', null, w.week), h('td', null, formatDate(monday(w.week))), h('td', null, String(w.count))))))));
}

function monday(week: string): string {
  return weekStart(week).toISOString().slice(0, 10);
}
