// When DuckDB starts (src/hooks/engine-start.ts): not before the app:first-chart mark, then once; after the
// fallback time if no chart is ever drawn; at once when something asks for it. Real performance marks.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FIRST_CHART_MARK } from '../../src/components/first-chart.ts';
import type * as EngineStartModule from '../../src/hooks/engine-start.ts';

type EngineStart = typeof EngineStartModule;

/** A fresh copy of the module (its "wanted" flag is per page load). */
async function freshEngineStart(): Promise<EngineStart> {
  vi.resetModules();
  return import('../../src/hooks/engine-start.ts');
}

const waitFor = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeEach(() => performance.clearMarks());
afterEach(() => performance.clearMarks());

describe('startEngineAfterFirstChart', () => {
  it('starts the engine once, after the first-chart mark, not before', async () => {
    const { startEngineAfterFirstChart, isEngineWanted } = await freshEngineStart();
    const start = vi.fn();
    const cancel = startEngineAfterFirstChart(start, FIRST_CHART_MARK, 10_000);
    await waitFor(50);
    expect(start).not.toHaveBeenCalled();
    expect(isEngineWanted()).toBe(false);
    performance.mark(FIRST_CHART_MARK);
    await vi.waitFor(() => expect(start).toHaveBeenCalledTimes(1), { timeout: 2000 });
    expect(isEngineWanted()).toBe(true);
    performance.mark(FIRST_CHART_MARK);
    await waitFor(50);
    expect(start).toHaveBeenCalledTimes(1);
    cancel();
  });

  it('starts it anyway after the fallback time when no chart is drawn', async () => {
    const { startEngineAfterFirstChart } = await freshEngineStart();
    const start = vi.fn();
    startEngineAfterFirstChart(start, FIRST_CHART_MARK, 100);
    await waitFor(30);
    expect(start).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(start).toHaveBeenCalledTimes(1), { timeout: 2000 });
  });

  it('starts it at once when asked (a view that queries DuckDB), and when the mark is already set', async () => {
    const first = await freshEngineStart();
    const start = vi.fn();
    first.startEngineAfterFirstChart(start, FIRST_CHART_MARK, 10_000);
    const seen: boolean[] = [];
    first.subscribeEngineWanted(() => seen.push(first.isEngineWanted()));
    first.wantEngine();
    expect(start).toHaveBeenCalledTimes(1);
    expect(seen).toEqual([true]);
    first.wantEngine();
    expect(start).toHaveBeenCalledTimes(1);

    const second = await freshEngineStart();
    performance.mark(FIRST_CHART_MARK);
    const later = vi.fn();
    second.startEngineAfterFirstChart(later, FIRST_CHART_MARK, 10_000);
    await vi.waitFor(() => expect(later).toHaveBeenCalledTimes(1), { timeout: 2000 });
  });
});
