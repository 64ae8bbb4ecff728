// Background reads run one at a time, in the order asked, except that a warm-up (`late`) lets every read not late
// that is waiting go first (src/db/background-queue.ts).
import { describe, expect, it } from 'vitest';
import { backgroundQueue } from '../../src/db/background-queue.ts';
import { msUntilQuiet, noteChange } from '../../src/state/page-activity.ts';

/** A job that records its start and end in `log` and finishes when `release` is called. */
function job(log: string[], name: string) {
  let release!: () => void;
  const done = new Promise<void>((resolve) => (release = resolve));
  return {
    run: async () => {
      log.push(`start ${name}`);
      await done;
      log.push(`end ${name}`);
      return name;
    },
    release: () => release(),
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('background reads', () => {
  it('run one at a time, a warm-up after the reads asked while it waited', async () => {
    const log: string[] = [];
    const queue = backgroundQueue();
    const [a, warm1, warm2, b, c] = ['a', 'warm1', 'warm2', 'b', 'c'].map((n) => job(log, n));
    const answers = [queue.add(a.run), queue.add(warm1.run, true), queue.add(warm2.run, true), queue.add(b.run), queue.add(c.run)];
    await tick();
    expect(log).toEqual(['start a']);
    for (const j of [a, b, c, warm1, warm2]) {
      j.release();
      await tick();
    }
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c', 'start warm1', 'end warm1', 'start warm2', 'end warm2']);
    expect(await Promise.all(answers)).toEqual(['a', 'warm1', 'warm2', 'b', 'c']);
  });

  it('start a warm-up at once when nothing waits, and go on after a read that failed', async () => {
    const log: string[] = [];
    const queue = backgroundQueue();
    const warm = job(log, 'warm');
    const failed = queue.add(() => Promise.reject(new Error('no such table')));
    const answer = queue.add(warm.run, true);
    await expect(failed).rejects.toThrow('no such table');
    await tick();
    expect(log).toEqual(['start warm']);
    warm.release();
    expect(await answer).toBe('warm');
  });

  it('hold a warm-up while the page is not quiet, not the reads a change sums from', async () => {
    const log: string[] = [];
    let wait = 40;
    const queue = backgroundQueue(() => wait);
    const [warm, read] = ['warm', 'read'].map((n) => job(log, n));
    const warmed = queue.add(warm.run, true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(log).toEqual([]);
    // A read not late goes ahead of the held warm-up.
    const answered = queue.add(read.run);
    await tick();
    expect(log).toEqual(['start read']);
    read.release();
    expect(await answered).toBe('read');
    // Still not quiet: the warm-up waits on; once quiet, it starts.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(log).toEqual(['start read', 'end read']);
    wait = 0;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(log).toEqual(['start read', 'end read', 'start warm']);
    warm.release();
    expect(await warmed).toBe('warm');
  });
});

describe('a warm-up asked', () => {
  it('starts no sooner than its wait after it was asked', async () => {
    const log: string[] = [];
    const queue = backgroundQueue((age) => Math.max(0, 40 - age));
    const warm = job(log, 'warm');
    const asked = performance.now();
    const answer = queue.add(async () => {
      log.push(`after ${performance.now() - asked >= 39 ? 'the wait' : 'too soon'}`);
      return warm.run();
    }, true);
    await tick();
    expect(log).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(log).toEqual(['after the wait', 'start warm']);
    warm.release();
    expect(await answer).toBe('warm');
  });
});

describe('page activity', () => {
  it('says how long until the page has been quiet since the last change', () => {
    noteChange(1000);
    expect(msUntilQuiet(500, 1200)).toBe(300);
    expect(msUntilQuiet(500, 1500)).toBe(0);
    expect(msUntilQuiet(500, 2000)).toBe(0);
  });
});
