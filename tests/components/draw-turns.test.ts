// First drawings take turns: one at a time, the next one a macrotask after the previous released its turn.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_TURN_MS, requestDrawTurn } from '../../src/components/draw-turns.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.runAllTimers(); // leave no turn open for the next test
  vi.useRealTimers();
});

describe('requestDrawTurn', () => {
  it('starts the first chart at once and each next one only after the previous released its turn, in a later task', () => {
    const started: string[] = [];
    const releaseA = requestDrawTurn(() => started.push('A'));
    const releaseB = requestDrawTurn(() => started.push('B'));
    requestDrawTurn(() => started.push('C'));
    expect(started).toEqual(['A']);
    releaseA();
    expect(started).toEqual(['A']); // not in the same task
    vi.advanceTimersByTime(0);
    expect(started).toEqual(['A', 'B']);
    releaseA(); // a second release of a finished turn changes nothing
    vi.advanceTimersByTime(0);
    expect(started).toEqual(['A', 'B']);
    releaseB();
    vi.advanceTimersByTime(0);
    expect(started).toEqual(['A', 'B', 'C']);
  });

  it('a chart that leaves before its turn is skipped', () => {
    const started: string[] = [];
    const releaseA = requestDrawTurn(() => started.push('A'));
    const releaseB = requestDrawTurn(() => started.push('B'));
    requestDrawTurn(() => started.push('C'));
    releaseB(); // unmounted while waiting
    releaseA();
    vi.advanceTimersByTime(0);
    expect(started).toEqual(['A', 'C']);
  });

  it(`a turn that is never released ends after ${MAX_TURN_MS} ms`, () => {
    const started: string[] = [];
    requestDrawTurn(() => started.push('A'));
    requestDrawTurn(() => started.push('B'));
    vi.advanceTimersByTime(MAX_TURN_MS - 1);
    expect(started).toEqual(['A']);
    vi.advanceTimersByTime(1); // the turn ends…
    vi.advanceTimersByTime(1); // …and the next chart starts in the next task
    expect(started).toEqual(['A', 'B']);
  });
});
