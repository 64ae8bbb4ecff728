// When a chart card may hand its option to ECharts: once the ECharts modules the option needs are registered
// (echarts.ts loads the ones outside the landing set on demand — ECharts silently drops what is not
// registered) and, for its first drawing, once it has its turn (draw-turns.ts: charts appearing together
// draw one per task). Until then the card shows "loading".
import { useCallback, useEffect, useRef, useState } from 'react';
import { requestDrawTurn } from './draw-turns.ts';
import { ensureChartModules, moreChartsLoaded, needsMoreCharts } from './echarts.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- ECharts options are free-form nested objects
type Option = Record<string, any>;

export interface ChartGate {
  /** The option needs modules that are still loading (the card shows "loading"). */
  waitingForModules: boolean;
  /** Loading those modules failed. */
  modulesError: Error | null;
  /** The chart may be drawn: its first drawing had its turn. */
  mayDraw: boolean;
  /** Call when the chart has drawn (ECharts `finished`): the next chart's first drawing may start. */
  releaseTurn: () => void;
}

export function useChartGate(option: Option | null): ChartGate {
  const waitingForModules = option !== null && !moreChartsLoaded() && needsMoreCharts(option);
  const [modulesError, setModulesError] = useState<Error | null>(null);
  const [, modulesLoaded] = useState(0);
  useEffect(() => {
    if (!waitingForModules || !option) return;
    let mounted = true;
    ensureChartModules(option)?.then(
      () => mounted && modulesLoaded((n) => n + 1),
      (e: unknown) => mounted && setModulesError(e instanceof Error ? e : new Error(String(e))),
    );
    return () => {
      mounted = false;
    };
  }, [waitingForModules, option]);

  const [mayDraw, setMayDraw] = useState(false);
  const release = useRef<(() => void) | null>(null);
  const wantsFirstDraw = option !== null && !waitingForModules && !mayDraw;
  useEffect(() => {
    if (wantsFirstDraw && !release.current) release.current = requestDrawTurn(() => setMayDraw(true));
  }, [wantsFirstDraw]);
  // Gone before or while drawing: give the turn back.
  useEffect(
    () => () => {
      release.current?.();
      release.current = null;
    },
    [],
  );
  const releaseTurn = useCallback(() => release.current?.(), []);

  return { waitingForModules, modulesError: waitingForModules ? modulesError : null, mayDraw, releaseTurn };
}
