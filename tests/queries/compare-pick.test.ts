import { describe, expect, it } from 'vitest';
import { defaultIndicator } from '../../src/queries/compare.ts';

const row = (indicator: string, a: number, b: number) => ({ indicator, a_cases: a, b_cases: b });

describe('defaultIndicator', () => {
  it('prefers an indicator both provinces cover, then the largest', () => {
    expect(defaultIndicator([row('tax', 5, 0), row('credit', 1, 1), row('ip', 0, 0)], null)).toBe('credit');
    expect(defaultIndicator([row('tax', 5, 0), row('ip', 0, 2)], null)).toBe('tax');
    expect(defaultIndicator([row('tax', 0, 0)], null)).toBeNull();
  });

  it('never picks the unclassified cases by default while an indicator has cases, but keeps them when chosen', () => {
    const shares = [row('other', 9, 9), row('tax', 1, 0)];
    expect(defaultIndicator(shares, null)).toBe('tax');
    expect(defaultIndicator(shares, 'other')).toBe('other');
    expect(defaultIndicator([row('other', 2, 1), row('tax', 0, 0)], null)).toBe('other');
  });
});
