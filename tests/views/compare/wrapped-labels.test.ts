// The butterfly's indicator names are wrapped by our code (wrapped-labels.ts), no longer by ECharts: every name
// must still be shown whole, in lines that fit the names' column, broken where ECharts' `overflow: 'break'` broke.
import { getWidth } from 'zrender/lib/contain/text.js';
import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../../../src/ingest/indicators.ts';
import { butterflyOption } from '../../../src/views/compare/butterfly.ts';
import { labelFont, wrapLabel, wrapLabels } from '../../../src/views/compare/wrapped-labels.ts';
import type { CompareShareRow } from '../../../src/queries/compare.ts';

const font = labelFont(12);
const names = INDICATORS.flatMap((i) => [i.name_zh, i.name_en]);

describe('indicator names wrapped for the butterfly chart', () => {
  it('keeps every character of every name, each line within the column', () => {
    for (const width of [180, 130, 60]) {
      for (const name of names) {
        const { lines, width: widest } = wrapLabel(name, width, font);
        // Whole: the lines are the name (Latin lines were broken at spaces, CJK between characters).
        expect(lines.join('').replace(/\s+/g, '')).toBe(name.replace(/\s+/g, ''));
        // A Latin name whose words all fit is broken only at its spaces (a narrower column cuts a long word).
        if (/^[ -~]+$/.test(name) && name.split(' ').every((w) => getWidth(w, font) <= width)) expect(lines.join(' ')).toBe(name);
        for (const line of lines) expect(getWidth(line, font), `${name} @ ${width}`).toBeLessThanOrEqual(width);
        expect(widest).toBe(Math.max(...lines.map((l) => getWidth(l, font))));
      }
    }
  });

  it('breaks Latin names only between words, and only when a line is full', () => {
    const long = INDICATORS.map((i) => i.name_en).reduce((a, b) => (getWidth(a, font) >= getWidth(b, font) ? a : b));
    const { lines } = wrapLabel(long, 130, font);
    expect(lines.length).toBeGreaterThan(1);
    const words = new Set(long.split(' '));
    for (const line of lines) for (const word of line.split(' ')) expect(words.has(word), line).toBe(true);
    // Greedy: the next line's first word would not have fitted on the line before.
    for (let i = 1; i < lines.length; i++) expect(getWidth(`${lines[i - 1]} ${lines[i].split(' ')[0]}`, font)).toBeGreaterThan(130);
  });

  it('gives the chart a names column as wide as its widest line, on a wide screen and a phone', () => {
    const rows: CompareShareRow[] = INDICATORS.map((i, n) => ({
      indicator: i.code, name_zh: i.name_zh, name_en: i.name_en, a_cases: n, a_total: 100, a_pct: n, b_cases: 1, b_total: 10, b_pct: 10,
    }));
    const labels = { a: 'A', b: 'B', indicatorName: (code: string) => INDICATORS.find((i) => i.code === code)!.name_en, selected: null, provinces: { a: '福建省', b: '陕西省' } };
    const names = [...INDICATORS].reverse().map((i) => i.name_en);
    const option = butterflyOption(rows, labels);
    const wide = wrapLabels(names, 180, 12);
    expect(option.yAxis.data).toEqual(wide.labels);
    expect(option.grid.left).toBe(8 + wide.width + option.yAxis.axisLabel.margin);
    expect(option.grid.outerBoundsMode).toBe('none');
    const phone = butterflyOption(rows, { ...labels, narrow: true });
    const narrow = wrapLabels(names, 130, 10);
    expect(phone.yAxis.data).toEqual(narrow.labels);
    expect(phone.grid.left).toBe(8 + narrow.width + phone.yAxis.axisLabel.margin);
    expect(phone.grid.left).toBeLessThan(option.grid.left);
    // The tooltip names the indicator unwrapped.
    const tip = option.tooltip.formatter([{ seriesName: 'A', value: -3, data: { cases: 3, indicator: 'construction_permits' } }]);
    expect(tip.split('<br/>')[0]).toBe('Dealing with construction permits');
  });
});
