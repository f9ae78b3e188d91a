import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../text/document.js';
import { buildContext } from '../context.js';
import { findQuoteAttributions } from '../quote-layer.js';
import { candidates, findCues, prepare, tagRoles } from './attribution-model.js';
import { defaultModel } from './default-model.js';
import { markFoundCues } from './doc-index.js';
import { FeatureBuffer } from './feature-buffer.js';
import { emissions } from './linear.js';
import { roleEmissions } from './role-emissions.js';
import { roleFeatures, roleWindow } from './role-features.js';

const TEXT = `Officials said on Tuesday that the plan, which critics called “a disaster,” would go ahead.
“We will not wait,” the minister told reporters. According to the ministry, costs rose: “sharply,” an aide said.
Analysts, including Jo Park of Harbor Research, argued that delays were likely; she added that (in her view) rates would fall.`;

describe('roleEmissions', () => {
  it("roleEmissions: the generic path's scores, bit for bit, for every cue, with the found cues marked", () => {
    const model = defaultModel();
    const ctx = buildContext(analyzeText(TEXT));
    const p = prepare(ctx, model.lexicon, findQuoteAttributions(ctx, []), model.pos);
    expect(new Set(p.attrs.pos).size).toBeGreaterThan(5);
    const cues = findCues(p, model.cue, 40);
    expect(cues.length).toBeGreaterThan(3);
    markFoundCues(p.index, cues);
    expect(p.index.foundCues[p.attrs.count]).toBeGreaterThan(2);
    for (const cue of cues) {
      const w = roleWindow(ctx, cue);
      const buf = new FeatureBuffer(model.role.mask);
      roleFeatures(ctx, p.attrs, p.index, cue, w, buf, true);
      const generic = emissions(model.role, buf.finish());
      const fast = roleEmissions(p, model.role, cue, w);
      expect(fast.length).toBe(generic.length);
      expect([...fast]).toEqual([...generic]);
    }
  });

  it("roleEmissions: what it keeps of a document before the found cues are marked is rebuilt when they are (candidates)", () => {
    const model = defaultModel();
    const fresh = (): ReturnType<typeof prepare> => {
      const ctx = buildContext(analyzeText(TEXT));
      return prepare(ctx, model.lexicon, findQuoteAttributions(ctx, []), model.pos);
    };
    const early = fresh();
    for (const cue of findCues(early, model.cue, model.cueSlack)) tagRoles(early, model, cue);
    expect(early.roleStatic?.get(model.role)).toBeDefined();
    expect(JSON.stringify(candidates(early, model))).toBe(JSON.stringify(candidates(fresh(), model)));
  });
});
