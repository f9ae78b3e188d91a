import boilerplate from './data/boilerplate.json' with { type: 'json' };

/** Elements whose text is never article text. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'FIGCAPTION', 'BUTTON', 'FORM', 'IFRAME', 'NAV', 'ASIDE', 'SELECT']);

/** Elements that end a paragraph: their text stands on its own. */
const BLOCKS = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL',
  'BLOCKQUOTE', 'PRE', 'FIGURE', 'TABLE', 'TR', 'TD', 'TH', 'DL', 'DT', 'DD', 'HR', 'BR', 'ADDRESS', 'BODY',
]);

const PATTERNS = boilerplate.patterns.map((p) => new RegExp(p, 'i'));

/** The small part of a DOM node that text extraction needs (linkedom and browsers both have it). */
export interface TextNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<TextNode>;
}

/**
 * The text of an HTML element as paragraphs separated by a blank line, whitespace collapsed,
 * with page furniture dropped: captions, share buttons, "Advertisement", newsletter sign-ups.
 * @example htmlToParagraphs(parseHTML('<div><p>One.</p><p>Advertisement</p><p>Two.</p></div>').document.body) // 'One.\n\nTwo.'
 */
export function htmlToParagraphs(root: TextNode): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = (): void => {
    const text = current.replace(/\s+/g, ' ').trim();
    if (text && !isBoilerplate(text)) paragraphs.push(text);
    current = '';
  };
  const walk = (node: TextNode): void => {
    if (node.nodeType === 3) {
      current += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeName.toUpperCase();
    if (SKIPPED.has(name)) return;
    const block = BLOCKS.has(name);
    if (block) flush();
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]);
    if (block) flush();
  };
  walk(root);
  flush();
  return paragraphs.join('\n\n');
}

/**
 * True for a short paragraph that is page furniture rather than article text.
 * @example isBoilerplate('Share this article') // true
 */
export function isBoilerplate(paragraph: string): boolean {
  return paragraph.length <= boilerplate.maxLength && PATTERNS.some((p) => p.test(paragraph));
}
