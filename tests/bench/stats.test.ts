import { describe, expect, it } from 'vitest';
import { fmtBytes, fmtMs, median, p95, percentile, table } from '../../scripts/bench/stats.ts';

describe('bench stats', () => {
  it('nearest-rank percentiles and the median', () => {
    const runs = Array.from({ length: 20 }, (_, i) => i + 1); // 1..20
    expect(p95(runs)).toBe(19);
    expect(percentile(runs, 1)).toBe(20);
    expect(median(runs)).toBe(10.5);
    expect(median([5, 1, 3])).toBe(3);
    expect(p95([42])).toBe(42);
    expect(Number.isNaN(p95([]))).toBe(true);
  });

  it('formats and tabulates', () => {
    expect(fmtMs(49.6)).toBe('50 ms');
    expect(fmtMs(12_345)).toBe('12.3 s');
    expect(fmtBytes(300 * 1024)).toBe('300 KB');
    expect(fmtBytes(5.5 * 1024 * 1024)).toBe('5.50 MB');
    expect(table(['a', 'b'], [['1', 'x|y']])).toBe('| a | b |\n| --- | --- |\n| 1 | x\\|y |');
  });
});
