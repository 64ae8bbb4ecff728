// The order background reads run in, one at a time (they share one connection, which has one pending query).
// Reads asked for what a later filter change sums in memory come first; a warm-up (a saved answer that stood run
// again only so that the blocks it reads are cached, hooks/useSql.ts) waits until none of those is waiting: a
// read ahead makes the queries the warm-up would speed up unnecessary, so it should not queue behind them.

export interface BackgroundQueue {
  /** Runs `job` after the jobs before it (a `late` one also after every job not late added meanwhile). */
  add<T>(job: () => Promise<T>, late?: boolean): Promise<T>;
}

export function backgroundQueue(): BackgroundQueue {
  const waiting: { run: () => Promise<void>; late: boolean }[] = [];
  let running = false;
  const next = () => {
    if (running) return;
    const first = waiting.findIndex((j) => !j.late);
    const [job] = waiting.splice(first >= 0 ? first : 0, 1);
    if (!job) return;
    running = true;
    void job.run().finally(() => {
      running = false;
      next();
    });
  };
  return {
    add: (job, late = false) =>
      new Promise((resolve, reject) => {
        waiting.push({ late, run: () => job().then(resolve, reject) });
        next();
      }),
  };
}
