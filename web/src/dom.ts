/**
 * A tiny view helper. Strings always become text nodes: no markup is ever parsed from data, so
 * an article holding `<script>` shows those characters and nothing runs.
 */

/** What can sit inside an element: nodes, text, and nothing (skipped). */
export type Child = Node | string | number | null | undefined | false | Child[];

/** Attributes (set as strings), listeners, and a few conveniences. */
export interface Props {
  class?: string | Array<string | false | null | undefined>;
  on?: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
  [attribute: string]: unknown;
}

/**
 * Creates an element with attributes, listeners and children. `on*` attributes are refused
 * (listeners go in `on`), so no string can become code.
 * @example h('a', {href: '#/search', class: 'link'}, 'Search')
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props | null = null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props) applyProps(el, props);
  append(el, children);
  return el;
}

/**
 * An SVG element, with attributes and children.
 * @example svg('rect', {x: 0, y: 0, width: 10, height: 20})
 */
export function svg(tag: string, attributes: Record<string, string | number> = {}, ...children: Child[]): SVGElement {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attributes)) safeAttribute(el, name, String(value));
  append(el, children);
  return el;
}

/**
 * Appends children (text as text nodes) to a node.
 * @example append(list, [h('li', null, 'one'), 'two'])
 */
export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/**
 * Replaces everything inside `parent` with `children`.
 * @example replace(main, h('h1', null, 'Search'))
 */
export function replace(parent: Node, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, children);
}

function applyProps(el: HTMLElement, props: Props): void {
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'on') {
      for (const [type, listener] of Object.entries(value as Record<string, EventListener>)) el.addEventListener(type, listener);
    } else if (name === 'class') {
      el.className = (Array.isArray(value) ? value.filter(Boolean).join(' ') : String(value)).trim();
    } else {
      safeAttribute(el, name, value === true ? '' : String(value));
    }
  }
}

function safeAttribute(el: Element, name: string, value: string): void {
  if (/^on/i.test(name) || name === 'style' || name === 'srcdoc') throw new Error(`dom: refusing attribute "${name}"`);
  if ((name === 'href' || name === 'src') && !/^(#|\/|https?:)/i.test(value)) throw new Error(`dom: refusing URL "${value.slice(0, 40)}"`);
  el.setAttribute(name, value);
}
