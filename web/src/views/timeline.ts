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
  const [width, height, pad] = [Math.max(300, weeks.length * 24), 140, 22];
  const bar = (width - pad) / weeks.length;
  const label = `Statements per week from the week of ${formatDate(monday(weeks[0].week))} to the week of ${formatDate(monday(weeks[weeks.length - 1].week))}, at most ${max} in a week.`;
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height + pad}`, role: 'img', 'aria-label': label, class: 'timeline', preserveAspectRatio: 'none' },
    svg('line', { x1: pad, y1: height, x2: width, y2: height, class: 'axis' }),
    svg('text', { x: 0, y: 12, class: 'tick' }, String(max)),
    svg('text', { x: 0, y: height, class: 'tick' }, '0'),
    weeks.map((w, i) => {
      const barHeight = max ? (w.count / max) * (height - 16) : 0;
      return svg('rect', { x: pad + i * bar + 2, y: height - barHeight, width: Math.max(1, bar - 4), height: barHeight, class: 'bar' },
        svg('title', {}, `${w.week}: ${plural(w.count, 'statement')}`));
    }),
    svg('text', { x: pad, y: height + 16, class: 'tick' }, weeks[0].week),
    svg('text', { x: width, y: height + 16, class: 'tick end' }, weeks[weeks.length - 1].week));
  return h('figure', { class: 'timeline-figure' },
    chart,
    h('details', null,
      h('summary', null, 'Statements per week as a table'),
      h('table', null,
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Week'), h('th', { scope: 'col' }, 'Starting'), h('th', { scope: 'col' }, 'Statements'))),
        h('tbody', null, weeks.filter((w) => w.count).map((w) => h('tr', null, h('td', null, w.week), h('td', null, formatDate(monday(w.week))), h('td', null, String(w.count))))))));
}

function monday(week: string): string {
  return weekStart(week).toISOString().slice(0, 10);
}
