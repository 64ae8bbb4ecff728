// One ECharts instance in a <div>: created once when the div mounts (and again only when the language changes,
// ECharts' locale being an init option), given `option` whenever that object changes, resized when its box's size
// changes, disposed when the div goes.
//
// Why not echarts-for-react: it creates every chart twice on mount (a throw-away instance to read the box's size,
// then the real one), deep-compares the whole option (fast-deep-equal) on every render of the card, and its size
// sensor redraws a chart a second time after a height change it has just drawn. Here a chart is drawn once per
// new option and once per real size change, and nothing is compared but the option's identity.
//
// `whenNear`: an update (a new option, a new size) of a chart far from the viewport waits until it comes near
// (IntersectionObserver): a filter change then redraws the charts one can see, not a long page's worth of them.
import { useCallback, useLayoutEffect, useRef } from 'react';
import { updateSettings } from './chart-update.ts';
import { noteChartUpdate } from './chart-warm-up.ts';
import { echarts, type EChartsType } from './echarts.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- ECharts options are free-form nested objects
type Option = Record<string, any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- ECharts event parameters are free-form objects
type EventParams = Record<string, any>;

export interface EChartProps {
  /** The whole chart (chart-update.ts); a new object redraws the chart, the same one does not. */
  option: Option;
  lang: 'zh' | 'en';
  height: number;
  /** The instance, once created (for downloads, the tests' registry). */
  onReady?: (chart: EChartsType) => void;
  /** ECharts `finished`: the drawing is complete. */
  onFinished?: () => void;
  onClick?: (params: EventParams) => void;
  /** Off screen (beyond NEAR_MARGIN), updates wait until the chart comes near the viewport. */
  whenNear?: boolean;
  /** Not shown (its card has no rows now): the instance and its drawing are kept for when rows come back. */
  hidden?: boolean;
}

/**
 * How near the viewport a `whenNear` chart is kept drawn: the observer answers after the frame in which the chart
 * came this near, so a scroll of less than this per frame never shows it with its previous option.
 */
const NEAR_MARGIN_PX = 200;
const NEAR_MARGIN = `${NEAR_MARGIN_PX}px 0px`;

/** Within NEAR_MARGIN of the viewport, as the page's layout stands (a read: a layout if the page changed since). */
function movedNear(box: HTMLElement): boolean {
  const { top, bottom, width, height } = box.getBoundingClientRect();
  return (width > 0 || height > 0) && bottom >= -NEAR_MARGIN_PX && top <= innerHeight + NEAR_MARGIN_PX;
}

/** The far charts given an option since the last frame: what each does while it waits, and to be drawn once near. */
const farAfterCommit = new Map<HTMLElement, { waits: () => void; draws: () => void }>();

/**
 * At the next frame's start: every far chart given an option does what it does while it waits (writes), then every
 * box is read in one pass (the layout that frame makes anyway, made earlier), then those near now are drawn in it.
 */
function whenPlaced(box: HTMLElement, chart: { waits: () => void; draws: () => void }): void {
  if (farAfterCommit.size === 0) {
    requestAnimationFrame(() => {
      const charts = [...farAfterCommit];
      farAfterCommit.clear();
      for (const [, far] of charts) far.waits();
      for (const [, far] of charts.filter(([dom]) => dom.isConnected && movedNear(dom))) far.draws();
    });
  }
  farAfterCommit.set(box, chart);
}

/** Each live chart's pending update, drawn now (a PNG or the brief's image of a chart far off screen, a print). */
const drawPending = new Map<EChartsType, () => void>();

// A printout shows every chart with the rows of the state printed, not the drawing a far chart kept.
if (typeof window !== 'undefined') window.addEventListener('beforeprint', () => drawPending.forEach((draw) => draw()));

/** `chart`, given the option its owner last rendered if that is still waiting (whenNear). */
export function withPendingDrawn(chart: EChartsType | null): EChartsType | null {
  if (chart) drawPending.get(chart)?.();
  return chart;
}

export function EChart({ option, lang, height, onReady, onFinished, onClick, whenNear = false, hidden = false }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  /** The option the chart holds: a render with the same object sets nothing. */
  const given = useRef<Option | null>(null);
  const latestOption = useRef(option);
  const latestHeight = useRef(height);
  /** Near the viewport (whenNear: as the observer last said; until it answers, and otherwise, always). */
  const near = useRef(true);
  const drawnHeight = useRef(height);
  // The latest handlers, read when an event fires: the chart's listeners are bound once.
  const handlers = useRef({ onReady, onFinished, onClick });
  useLayoutEffect(() => {
    handlers.current = { onReady, onFinished, onClick };
    latestOption.current = option;
    latestHeight.current = height;
  });

  /**
   * Gives the chart the latest option (`lazy`: drawn in ECharts' next frame) and its box's height. An option with
   * media queries is given whole: ECharts applies its media options on top of a merged option, and with replaceMerge
   * a media option moving a component (a phone's grid) breaks the next update.
   */
  const draw = useCallback((lazy: boolean) => {
    const instance = chart.current;
    const next = latestOption.current;
    if (!instance) return;
    box.current!.style.overflow = '';
    if (given.current === next) return;
    instance.setOption(next, { ...updateSettings(given.current, next), lazyUpdate: lazy });
    given.current = next;
    // The new height given, and the width drawn: ECharts reads neither from the page (its own read, in the middle of
    // the commit's layout effects, is a forced layout per chart, each after the previous chart's resize dirtied it).
    // A width that changed meanwhile is the size observer's.
    if (drawnHeight.current !== latestHeight.current) instance.resize({ width: instance.getWidth(), height: latestHeight.current });
    drawnHeight.current = latestHeight.current;
  }, []);

  useLayoutEffect(() => {
    const dom = box.current!;
    const instance = echarts.init(dom, null, { locale: lang === 'zh' ? 'ZH' : 'EN', renderer: 'canvas' });
    instance.on('finished', () => handlers.current.onFinished?.());
    instance.on('click', (params) => handlers.current.onClick?.(params as EventParams));
    // Redraw only when the drawn size is not the box's (the window or the layout changed): the first call
    // of the observer, right after init, finds them equal.
    // ('auto': the box's size, read — no longer the size draw() gave.)
    // A hidden box (display: none, no size) keeps the drawing it has: shown again at its size, nothing is redrawn.
    const fitBox = () => {
      const hidden = dom.clientWidth === 0 && dom.clientHeight === 0;
      if (!instance.isDisposed() && near.current && !hidden && (instance.getWidth() !== dom.clientWidth || instance.getHeight() !== dom.clientHeight)) {
        instance.resize({ width: 'auto', height: 'auto' });
      }
    };
    const sizes = new ResizeObserver(fitBox);
    sizes.observe(dom);
    // Come near: the option and the size it waited for (the observer answers after layout: reading the box is free).
    const nearness = whenNear
      ? new IntersectionObserver(
          (entries) => {
            near.current = entries[entries.length - 1].isIntersecting;
            if (!near.current) return;
            draw(true);
            fitBox();
          },
          { rootMargin: NEAR_MARGIN },
        )
      : null;
    nearness?.observe(dom);
    chart.current = instance;
    drawPending.set(instance, () => draw(false));
    handlers.current.onReady?.(instance);
    instance.setOption(latestOption.current, { notMerge: true, lazyUpdate: true });
    given.current = latestOption.current;
    drawnHeight.current = latestHeight.current;
    return () => {
      sizes.disconnect();
      nearness?.disconnect();
      drawPending.delete(instance);
      instance.dispose();
      chart.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `whenNear` is fixed per chart
  }, [lang]);

  // In the layout phase, with the card's other DOM changes: the option is in the chart before the browser paints,
  // and ECharts draws it in its next animation frame (lazyUpdate) — every chart of a change in that one frame.
  // A new height with the new option (rows → height): resized here, the pending option is drawn once at the new
  // size, not once in the next frame at the old size and again when the size observer sees the box grow.
  // Far off screen (whenNear), the option waits; the drawing it has may be taller than its box meanwhile, and is
  // clipped to it (not spilling over the cards below), and what a screen reader hears is already the new option's
  // description (ECharts sets it only when it draws).
  // A chart the observer last saw far may have been moved near by this very commit (a card above it shrank): its box
  // is read at the next frame's start, so that it is drawn in that frame with the others, not a frame or two later
  // when the observer says so. Only then: a chart seen near stays drawn (at worst one far off screen is drawn once more).
  // Any option given (drawn or waiting) tells the warm-ups a change is under way (chart-warm-up.ts).
  useLayoutEffect(() => {
    noteChartUpdate();
    if (near.current) {
      draw(true);
      return;
    }
    const dom = box.current!;
    whenPlaced(dom, {
      waits: () => {
        if (given.current === option) return;
        dom.style.overflow = 'hidden';
        const description = option.aria?.label?.description;
        if (typeof description === 'string') dom.setAttribute('aria-label', description);
      },
      // Drawn now, in this frame (not lazily in the next one).
      draws: () => {
        near.current = true;
        draw(false);
      },
    });
  }, [option, height, draw]);

  return <div ref={box} className="echart" style={{ height, width: '100%' }} hidden={hidden} />;
}
