// What a chart drew as text, read from its ECharts instance (ChartCard registers them in globalThis.__charts): the box
// of every label, axis name, legend and value label on screen, so a test can say that none runs into another.
import type { Page } from 'playwright-core';

/** Two texts of a chart that overlap or come closer than the gap asked for, with where they are (px in the chart). */
export interface TextClash {
  a: string;
  b: string;
  at: [number, number];
}

/**
 * Texts of the chart `queryId` drawn closer than `gap` px to each other (overlapping: closer than 0). The lines of one
 * wrapped label are one text; texts ECharts hid (hideOverlap) or left empty are not drawn, so not counted.
 */
export function chartTextClashes(page: Page, queryId: string, gap = 2): Promise<TextClash[]> {
  return page.evaluate(({ id, gap }) => {
    type Box = { x: number; y: number; width: number; height: number; clone(): Box; applyTransform(m: number[]): void };
    type Element = { type: string; ignore?: boolean; invisible?: boolean; style?: { text?: string; opacity?: number }; parent?: { id: number }; id: number; getBoundingRect(): Box; getComputedTransform(): number[] | null };
    const charts = (globalThis as unknown as { __charts: Map<string, { getZr(): { storage: { getDisplayList(update: boolean): Element[] } } }> }).__charts;
    const chart = charts?.get(id);
    if (!chart) throw new Error(`no chart ${id}`);
    const texts = chart.getZr().storage.getDisplayList(true)
      .filter((e) => (e.type === 'tspan' || e.type === 'text') && !e.ignore && !e.invisible && e.style?.opacity !== 0 && (e.style?.text ?? '').trim() !== '')
      .map((e) => {
        const box = e.getBoundingRect().clone();
        const m = e.getComputedTransform();
        if (m) box.applyTransform(m);
        return { text: String(e.style?.text), owner: e.parent?.id ?? e.id, box };
      });
    const clashes: { a: string; b: string; at: [number, number] }[] = [];
    texts.forEach((a, i) => texts.slice(i + 1).forEach((b) => {
      if (a.owner === b.owner) return;
      const near = a.box.x < b.box.x + b.box.width + gap && b.box.x < a.box.x + a.box.width + gap
        && a.box.y < b.box.y + b.box.height + gap && b.box.y < a.box.y + a.box.height + gap;
      if (near) clashes.push({ a: a.text, b: b.text, at: [Math.round(a.box.x), Math.round(a.box.y)] });
    }));
    return clashes;
  }, { id: queryId, gap });
}
