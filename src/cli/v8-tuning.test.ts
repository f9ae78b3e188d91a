import { describe, expect, it } from 'vitest';
import { INLINING_BUDGET, inliningBudget, raiseInliningBudget } from './v8-tuning.js';

describe('raiseInliningBudget', () => {
  it("keeps the budget node's command line gives, in either form", () => {
    expect(raiseInliningBudget(['--max-inlined-bytecode-size-cumulative=5000'])).toBe(5000);
    expect(inliningBudget()).toBe(5000);
    expect(raiseInliningBudget(['--max_inlined_bytecode_size_cumulative', '4000'])).toBe(4000);
  });

  it('raises it otherwise, whatever else the command line holds', () => {
    expect(raiseInliningBudget(['--max-old-space-size=4096', '--enable-source-maps'])).toBe(INLINING_BUDGET);
    expect(inliningBudget()).toBe(INLINING_BUDGET);
    expect(INLINING_BUDGET).toBeGreaterThan(920);
  });
});
