// A chart keeps its rows (and so skips a redraw) only when the new answer reads exactly the same.
import { describe, expect, it } from 'vitest';
import { sameRows } from '../../src/components/useSameRows.ts';

const row = (over: Record<string, unknown> = {}) => ({ case_id: 'fj-2023-b2-001', province: '福建省', city: null, value: 12.5, figures: ['办理时间 5天→1天'], ...over });

describe('sameRows', () => {
  it('holds two answers with equal values equal, also where a column is a list', () => {
    expect(sameRows([row(), row({ case_id: 'b' })], [row(), row({ case_id: 'b' })])).toBe(true);
    expect(sameRows([], [])).toBe(true);
  });

  it('tells any changed value, NULL, list, row count or column apart', () => {
    expect(sameRows([row()], [row({ value: 12.6 })])).toBe(false);
    expect(sameRows([row()], [row({ city: '福州市' })])).toBe(false);
    expect(sameRows([row()], [row({ city: undefined })])).toBe(false);
    expect(sameRows([row()], [row({ figures: ['办理时间 5天→2天'] })])).toBe(false);
    expect(sameRows([row()], [row(), row()])).toBe(false);
    expect(sameRows([row()], [{ ...row(), extra: 1 }])).toBe(false);
    expect(sameRows([row()], undefined)).toBe(false);
  });
});
