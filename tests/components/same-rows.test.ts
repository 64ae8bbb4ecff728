// A chart keeps its rows object when a new result holds the same values (ChartCard then sets no option).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keepIfSame } from '../../src/components/same-rows.ts';
import { decodeSnapshot } from '../../src/queries/snapshot-format.ts';

type Row = Record<string, unknown>;

/** The Overview's saved answers, read twice: two lists with the same values and no object in common. */
function twoReadings(id: string): [Row[], Row[]] {
  const read = () => {
    const snapshot = decodeSnapshot(readFileSync(join(__dirname, '../../public/data/overview.json'), 'utf8'));
    const query = snapshot.queries.find((q) => q.id === id);
    if (!query) throw new Error(`no ${id} in overview.json (run npm run etl)`);
    return query.rows;
  };
  return [read(), read()];
}

describe('keepIfSame', () => {
  it('keeps the rows shown when a new result holds the same values', () => {
    const [shown, again] = twoReadings('overview.heatmap');
    expect(shown.length).toBeGreaterThan(1);
    expect(again).not.toBe(shown);
    expect(keepIfSame(shown, again)).toBe(shown);
  });

  it('takes the new rows when one value changed', () => {
    const [shown, again] = twoReadings('overview.byIndicator');
    const changed = again.map((r, i) => (i === again.length - 1 ? { ...r, cases: Number(r.cases) + 1 } : r));
    expect(keepIfSame(shown, changed)).toBe(changed);
  });

  it('takes the new rows when the same rows come in another order (the chart draws them in order)', () => {
    const [shown, again] = twoReadings('overview.byCity');
    expect(shown.length).toBeGreaterThan(1);
    const reversed = [...again].reverse();
    expect(keepIfSame(shown, reversed)).toBe(reversed);
  });

  it('takes a row list with one row fewer, and none when there are none', () => {
    const [shown, again] = twoReadings('overview.byLevel');
    const fewer = again.slice(1);
    expect(keepIfSame(shown, fewer)).toBe(fewer);
    expect(keepIfSame(shown, undefined)).toBeUndefined();
    expect(keepIfSame(undefined, again)).toBe(again);
  });
});
