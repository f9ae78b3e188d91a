/**
 * Invented news articles for tests and benchmarks: deterministic from a seed, with direct and
 * reported speech by a fixed cast, so the engine finds attributions in them. Never real text.
 */

const FIRST = ['Maria', 'Tomas', 'Aiko', 'Derek', 'Lena', 'Kwame', 'Ines', 'Pavel', 'Nadia', 'Oscar', 'Ruth', 'Samir', 'Greta', 'Idris', 'Mei', 'Bruno'];
const LAST = ['Okafor', 'Ibanez', 'Lund', 'Marsh', 'Haldane', 'Vosk', 'Quarrie', 'Tembe', 'Follett', 'Ardent', 'Morrow', 'Castell', 'Brankov', 'Ellery', 'Sundqvist', 'Pellow'];
const ROLES = ['the harbour commissioner', 'the finance minister', 'a council member', 'the union leader', 'the mayor', 'a spokesperson for the ministry'];
const OUTLETS = ['The Porthaven Gazette', 'Northshore Ledger', 'Valley Courier', 'The Morning Tide'];
const NOUNS = ['budget', 'harbour', 'ferry', 'school', 'tariff', 'bridge', 'pension', 'clinic', 'railway', 'housing', 'water', 'levy', 'festival', 'market', 'tunnel', 'orchard'];
const VERBS = ['delay', 'expand', 'review', 'cut', 'fund', 'replace', 'protect', 'reopen', 'close', 'audit'];
const ADJ = ['new', 'old', 'regional', 'coastal', 'temporary', 'public', 'disputed', 'long-awaited'];
const WHEN = ['by spring', 'next year', 'before the summer', 'within a month', 'this week', 'after the election'];

/** A deterministic pseudo-random source (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)];
}

/** The invented cast: `count` distinct full names. */
export function cast(count: number): string[] {
  const names: string[] = [];
  for (let i = 0; names.length < count; i++) names.push(`${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}${i >= FIRST.length * LAST.length ? ` ${Math.floor(i / 256)}` : ''}`);
  return names;
}

/** An invented clause: "the new harbour plan will delay the ferry by spring". */
export function clause(random: () => number): string {
  return `the ${pick(random, ADJ)} ${pick(random, NOUNS)} plan will ${pick(random, VERBS)} the ${pick(random, NOUNS)} ${pick(random, WHEN)}`;
}

/** One invented article with its metadata. */
export interface SyntheticArticle {
  id: string;
  url: string;
  title: string;
  outlet: string;
  date: string;
  text: string;
  paragraphs: string[];
}

/**
 * The `index`-th article of a synthetic corpus: `quotes` attributed statements (direct and
 * reported) among filler sentences.
 * @example syntheticArticle(0).text.includes('said') // true
 */
export function syntheticArticle(index: number, quotes = 6): SyntheticArticle {
  const random = rng(index * 7919 + 1);
  const people = cast(64);
  const paragraphs: string[] = [];
  for (let q = 0; q < quotes; q++) {
    const name = pick(random, people);
    const c = clause(random);
    const style = q % 3;
    if (style === 0) paragraphs.push(`“${cap(c)},” ${name} said on ${pick(random, ['Monday', 'Tuesday', 'Friday'])}.`);
    else if (style === 1) paragraphs.push(`${name}, ${pick(random, ROLES)}, told reporters that ${c}.`);
    else paragraphs.push(`“${cap(c)}. We have waited long enough,” said ${name}.`);
    paragraphs.push(`The ${pick(random, NOUNS)} committee met for ${2 + Math.floor(random() * 5)} hours and published its minutes in the evening.`);
  }
  const day = 1 + (index % 28);
  const month = 1 + (Math.floor(index / 28) % 12);
  const outlet = OUTLETS[index % OUTLETS.length];
  return {
    id: `synthetic-${index}`,
    url: `https://news.example/${outlet.toLowerCase().replace(/\W+/g, '-')}/${index}`,
    title: `${cap(pick(random, ADJ))} ${pick(random, NOUNS)} plan divides the council (${index})`,
    outlet,
    date: `2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    text: paragraphs.join('\n\n'),
    paragraphs,
  };
}

/** The article as a JSONL line in onrecord's input format. */
export function articleJsonl(a: SyntheticArticle): string {
  return JSON.stringify({ id: a.id, text: a.text, date: a.date, url: a.url, title: a.title, outlet: a.outlet });
}

/** The article as a web page with the furniture a news site adds around it. */
export function articleHtml(a: SyntheticArticle): string {
  const body = a.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(a.title)}</title>
<link rel="canonical" href="${a.url}"><meta property="og:site_name" content="${escapeHtml(a.outlet)}">
<meta property="article:published_time" content="${a.date}T09:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>${escapeHtml(a.title)}</h1>
${body}
<p>Advertisement</p></article><footer>© 2025 ${escapeHtml(a.outlet)}</footer></body></html>`;
}

function cap(s: string): string {
  return s[0].toUpperCase() + s.slice(1);
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
