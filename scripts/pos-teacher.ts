/**
 * The teacher of the part-of-speech tagger: wink-nlp's tagger (a development dependency, too
 * slow to run at extraction time), its tags moved onto our tokens.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { teacherTags } from '../src/train/pos.js';
import type { AnalyzedDoc } from '../src/train/examples.js';

const nlp = winkNLP(model, ['sbd', 'pos']);

/**
 * wink-nlp's parts of speech for the tokens of an analysed document.
 * @example winkTags(analyzeGold(doc))[0]
 */
export function winkTags(d: AnalyzedDoc): Uint8Array {
  const text = d.ctx.doc.text;
  const tokens = nlp.readDoc(text).tokens();
  const values = tokens.out(nlp.its.value) as string[];
  const tags = tokens.out(nlp.its.pos) as string[];
  const spans: { start: number; end: number; tag: string }[] = [];
  let at = 0;
  values.forEach((v, k) => {
    const start = text.indexOf(v, at);
    if (start < 0) return; // a token wink normalised; ours keep the tag of the token that holds them, or X
    spans.push({ start, end: start + v.length, tag: tags[k] });
    at = start + v.length;
  });
  return teacherTags(d.ctx.doc.tokens, spans);
}
