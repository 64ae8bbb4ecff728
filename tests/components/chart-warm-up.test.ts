// The charts' warm-up (src/components/chart-warm-up.ts): the options of the next states drawn on a chart of its own, one
// per idle period with time enough left, each built when drawn, then the chart disposed — and nothing once cancelled.
import { describe, expect, it } from 'vitest';
import { warmUp, type WarmUpHost } from '../../src/components/chart-warm-up.ts';

/** A host whose idle periods the test gives one at a time, with the ms left in each; it records the chart's calls. */
function fakeHost() {
  const calls: string[] = [];
  let waiting: ((msLeft: number | null) => void) | null = null;
  let charts = 0;
  const host: WarmUpHost = {
    chart: () => {
      charts++;
      return {
        setOption: ((option: { n: number }, how: object) => void calls.push(`set ${option.n} ${JSON.stringify(how)}`)) as never,
        dispose: () => void calls.push('dispose'),
        refresh: () => void calls.push('refresh'),
      };
    },
    whenIdle: (run) => {
      waiting = run;
      return () => {
        if (waiting === run) waiting = null;
      };
    },
  };
  const idle = (msLeft: number | null) => {
    const run = waiting;
    waiting = null;
    run?.(msLeft);
    return run !== null;
  };
  return { host, calls, idle, charts: () => charts };
}

describe('warmUp', () => {
  it('draws each option in turn, one per idle period with enough time, then disposes of its chart', () => {
    const { host, calls, idle, charts } = fakeHost();
    const built: number[] = [];
    const options = [0, 1, 2].map((n) => () => (built.push(n), { n, tooltip: {}, series: [] }));
    warmUp(options, host, 5);
    expect(built).toEqual([]); // nothing before an idle period
    expect(idle(2)).toBe(true); // too short: waits for the next
    expect(calls).toEqual([]);
    while (idle(40));
    expect(built).toEqual([0, 1, 2, 0, 1]);
    expect(charts()).toBe(1);
    // The first option given whole, the next ones as EChart.tsx updates a chart: every part replaced but the tooltip.
    expect(calls[0]).toBe('set 0 {"notMerge":true}');
    expect(calls[2]).toBe('set 1 {"replaceMerge":["n","series"]}');
    expect(calls.filter((c) => c === 'refresh')).toHaveLength(5);
    expect(calls.at(-1)).toBe('dispose');
  });

  it('gives an option with media queries (a phone layout) whole, as EChart.tsx does', () => {
    const { host, calls, idle } = fakeHost();
    warmUp([0, 1].map((n) => () => ({ n, media: [{ query: { maxWidth: 500 }, option: {} }] })), host, 2);
    while (idle(40));
    expect(calls.filter((c) => c.startsWith('set'))).toEqual(['set 0 {"notMerge":true}', 'set 1 {"notMerge":true}']);
  });

  it('stops when cancelled, disposing of the chart it made', () => {
    const { host, calls, idle } = fakeHost();
    const cancel = warmUp([() => ({ n: 0 })], host, 10);
    idle(null); // no deadline known (no requestIdleCallback): drawn
    idle(30);
    cancel();
    expect(idle(30)).toBe(false); // no idle period waited for any more
    expect(calls.filter((c) => c.startsWith('set'))).toHaveLength(2);
    expect(calls.at(-1)).toBe('dispose');
  });

  it('makes no chart for no option', () => {
    const { host, idle, charts } = fakeHost();
    warmUp([], host);
    expect(idle(50)).toBe(false);
    expect(charts()).toBe(0);
  });
});
