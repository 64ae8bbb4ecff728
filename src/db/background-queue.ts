// The order background reads run in, one at a time (they share one connection, which has one pending query).
// Reads asked for what a later filter change sums in memory come first; a warm-up (a saved answer that stood run
// again only so that the blocks it reads are cached, hooks/useSql.ts) waits until none of those is waiting: a
// read ahead makes the queries the warm-up would speed up unnecessary, so it should not queue behind them. A warm-up
// also starts only when `lateWait` says the page is quiet (no run of filter changes under way, state/page-activity.ts).

export interface BackgroundQueue {
  /** Runs `job` after the jobs before it (a `late` one also after every job not late added meanwhile). */
  add<T>(job: () => Promise<T>, late?: boolean): Promise<T>;
}

/** `lateWait`: ms a late job asked `ageMs` ago must still wait before it may start (0: now). */
export function backgroundQueue(lateWait: (ageMs: number) => number = () => 0): BackgroundQueue {
  const waiting: { run: () => Promise<void>; late: boolean; asked: number }[] = [];
  let running = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const next = () => {
    if (running) return;
    const first = waiting.findIndex((j) => !j.late);
    const index = first >= 0 ? first : 0;
    if (!waiting[index]) return;
    const wait = waiting[index].late ? lateWait(performance.now() - waiting[index].asked) : 0;
    if (wait > 0) {
      timer ??= setTimeout(() => {
        timer = undefined;
        next();
      }, wait);
      return;
    }
    const [job] = waiting.splice(index, 1);
    running = true;
    void job.run().finally(() => {
      running = false;
      next();
    });
  };
  return {
    add: (job, late = false) =>
      new Promise((resolve, reject) => {
        waiting.push({ late, asked: performance.now(), run: () => job().then(resolve, reject) });
        next();
      }),
  };
}
