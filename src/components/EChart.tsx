// One ECharts instance in a <div>: created once when the div mounts (and again only when the language changes,
// ECharts' locale being an init option), given `option` whenever that object changes, resized when its box's size
// changes, disposed when the div goes.
//
// Why not echarts-for-react: it creates every chart twice on mount (a throw-away instance to read the box's size,
// then the real one), deep-compares the whole option (fast-deep-equal) on every render of the card, and its size
// sensor redraws a chart a second time after a height change it has just drawn. Here a chart is drawn once per
// new option and once per real size change, and nothing is compared but the option's identity.
import { useLayoutEffect, useRef } from 'react';
import { echarts, type EChartsType } from './echarts.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- ECharts options are free-form nested objects
type Option = Record<string, any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- ECharts event parameters are free-form objects
type EventParams = Record<string, any>;

export interface EChartProps {
  /** The whole chart (replacedParts); a new object redraws the chart, the same one does not. */
  option: Option;
  lang: 'zh' | 'en';
  height: number;
  /** The instance, once created (for downloads, the tests' registry). */
  onReady?: (chart: EChartsType) => void;
  /** ECharts `finished`: the drawing is complete. */
  onFinished?: () => void;
  onClick?: (params: EventParams) => void;
}

/**
 * The option is the whole chart, as with notMerge: every component of the old or the new option is replaced
 * (replaceMerge: the new option's components, none of the old one's) — but the tooltip, which is merged while both
 * options have one: with notMerge ECharts disposes of every view and makes it anew, and a new tooltip view makes its
 * HTML container anew and measures the page (a forced layout per chart per update). A chart's tooltip options keep
 * their shape from one update to the next (its formatter is given anew each time). The keys that are no component
 * (color, animation) are merged as values whatever the list says: ChartCard gives them in every option.
 */
function replacedParts(old: Option | null, next: Option): string[] {
  const keys = new Set([...Object.keys(old ?? {}), ...Object.keys(next)]);
  const keepTooltip = Boolean(old?.tooltip && next.tooltip);
  return [...keys].filter((key) => !(key === 'tooltip' && keepTooltip));
}

export function EChart({ option, lang, height, onReady, onFinished, onClick }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  /** The option the chart holds: a render with the same object sets nothing. */
  const given = useRef<Option | null>(null);
  const latestOption = useRef(option);
  // The latest handlers, read when an event fires: the chart's listeners are bound once.
  const handlers = useRef({ onReady, onFinished, onClick });
  useLayoutEffect(() => {
    handlers.current = { onReady, onFinished, onClick };
    latestOption.current = option;
  });

  useLayoutEffect(() => {
    const dom = box.current!;
    const instance = echarts.init(dom, null, { locale: lang === 'zh' ? 'ZH' : 'EN', renderer: 'canvas' });
    instance.on('finished', () => handlers.current.onFinished?.());
    instance.on('click', (params) => handlers.current.onClick?.(params as EventParams));
    // Redraw only when the drawn size is not the box's (the window or the layout changed): the first call
    // of the observer, right after init, finds them equal.
    const sizes = new ResizeObserver(() => {
      if (!instance.isDisposed() && (instance.getWidth() !== dom.clientWidth || instance.getHeight() !== dom.clientHeight)) instance.resize();
    });
    sizes.observe(dom);
    chart.current = instance;
    handlers.current.onReady?.(instance);
    instance.setOption(latestOption.current, { notMerge: true, lazyUpdate: true });
    given.current = latestOption.current;
    return () => {
      sizes.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [lang]);

  // In the layout phase, with the card's other DOM changes: the option is in the chart before the browser paints,
  // and ECharts draws it in its next animation frame (lazyUpdate) — every chart of a change in that one frame.
  // A new height with the new option (rows → height): resized here, the pending option is drawn once at the new
  // size, not once in the next frame at the old size and again when the size observer sees the box grow.
  const drawnHeight = useRef(height);
  useLayoutEffect(() => {
    if (!chart.current || given.current === option) return;
    // An option with media queries is given whole: ECharts applies its media options on top of a merged option,
    // and with replaceMerge a media option moving a component (a phone's grid) breaks the next update.
    const merge = option.media ? { notMerge: true } : { replaceMerge: replacedParts(given.current, option) };
    chart.current.setOption(option, { ...merge, lazyUpdate: true });
    given.current = option;
    if (drawnHeight.current !== height) chart.current.resize();
    drawnHeight.current = height;
  }, [option, height]);

  return <div ref={box} className="echart" style={{ height, width: '100%' }} />;
}
