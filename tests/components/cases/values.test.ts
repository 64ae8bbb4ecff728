import { describe, expect, it } from 'vitest';
import { formatWan, trim } from '../../../src/components/cases/values.ts';

describe('trim: a number for a label, at most two decimals, no grouping', () => {
  it('keeps integers as they are and rounds fractions to two decimals', () => {
    expect(trim(12345)).toBe('12345');
    expect(trim(12345.678)).toBe('12345.68');
    expect(trim(2.5)).toBe('2.5');
    expect(trim(1 / 3)).toBe('0.33');
    expect(trim(0.1 + 0.2)).toBe('0.3');
  });

  it('writes money in 万元 / 亿元, and in English in k / M / bn yuan', () => {
    expect(formatWan(12.5)).toBe('12.5万元');
    expect(formatWan(123456.789)).toBe('12.35亿元');
    expect(formatWan(1234.5, 'en')).toBe('12.35M yuan');
    expect(formatWan(0.25, 'en')).toBe('2.5k yuan');
  });
});
