import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  detectScript,
  foldFullWidth,
  isTraditionalLine,
  normaliseDocument,
  normalForm,
  toSimplified,
} from '../../src/ingest/normalise.ts';
import { toSearchForm, toTraditional } from '../../src/ingest/text-convert.ts';

const RAW = 'data/raw';
const files = readdirSync(RAW).filter((f) => f.endsWith('.txt'));
const read = (f: string) => readFileSync(`${RAW}/${f}`, 'utf8');

describe('toSimplified', () => {
  it('converts traditional to simplified with Taiwan-standard phrasing', () => {
    expect(toSimplified('營商環境典型經驗做法')).toBe('营商环境典型经验做法');
    expect(toSimplified('著力優化')).toBe('着力优化');
    expect(toSimplified('simplified 营商环境 stays')).toBe('simplified 营商环境 stays');
  });
});

describe('foldFullWidth', () => {
  it('folds full-width digits, letters and brackets, keeps 。and “”', () => {
    expect(foldFullWidth('（一）１２３ＡＢ：“好”。')).toBe('(一)123AB:“好”。');
  });
});

describe('normaliseDocument', () => {
  it('drops blank lines, keeps 1-based raw line numbers, strips BOM and indentation', () => {
    const doc = normaliseDocument('\uFEFF第一行\n\n  　第三行  \r\n\t\n第五行');
    expect(doc.lines.map((l) => [l.lineNo, l.original])).toEqual([
      [1, '第一行'],
      [3, '第三行'],
      [5, '第五行'],
    ]);
  });

  it('detects the script of every real document from its text', () => {
    const scripts = Object.fromEntries(files.map((f) => [f, normaliseDocument(read(f)).script]));
    // The only traditional document of the corpus is the one whose raw text is changed by t→s.
    for (const f of files) {
      const lines = read(f).split('\n').filter((l) => l.trim());
      const changed = lines.filter((l) => toSimplified(l) !== l).length / lines.length;
      expect(scripts[f]).toBe(changed > 0.5 ? 'traditional' : 'simplified');
    }
    expect(Object.values(scripts).filter((s) => s === 'traditional')).toHaveLength(1);
    expect(detectScript(['全省各級各部門認真貫徹落實'])).toBe('traditional');
    expect(detectScript(['全省各级各部门认真贯彻落实'])).toBe('simplified');
  });

  it('keeps every non-blank line, with its original as published and a simplified form', () => {
    for (const f of files) {
      const raw = read(f);
      const doc = normaliseDocument(raw);
      const nonBlank = raw.split(/\r?\n/).filter((l) => l.replace(/[\s\u3000\uFEFF]/g, '') !== '').length;
      expect(doc.lines).toHaveLength(nonBlank);
      for (const l of doc.lines) {
        expect(raw).toContain(l.original);
        expect(l.simplified.length).toBeGreaterThan(0);
      }
    }
  });

  it('repairs the known garbled line of the traditional document and flags the rest', () => {
    const f = files.find((x) => read(x).includes('?。ㄒ唬┝⒆惚镜靥厣?。'))!;
    const doc = normaliseDocument(read(f));
    const line = doc.lines.find((l) => l.original.startsWith('?。ㄒ唬┝⒆惚镜靥厣?。'))!;
    // Its sub-heading is repaired; a later run of the line (寫好“?!钡奈恼?) may stay uncertain.
    expect(line.mojibake).toBeDefined();
    expect(line.simplified.startsWith('(一)立足本地特色。先后设立厦门')).toBe(true);
    const flagged = doc.lines.filter((l) => l.mojibake);
    expect(flagged.length).toBeGreaterThan(100);
    // An unrepaired line shows its best reading, □ where a character is unknown.
    for (const l of flagged.filter((x) => x.mojibake === 'unrepaired')) expect(l.simplified).toContain('□');
  });

});

describe('text shown as published', () => {
  const docs = files.map((f) => ({ f, raw: read(f), doc: normaliseDocument(read(f)) }));
  const simplifiedDocs = docs.filter((d) => d.doc.script === 'simplified');

  it('never rewrites a simplified document: each line is its original with widths folded', () => {
    expect(simplifiedDocs.length).toBeGreaterThanOrEqual(3);
    let lines = 0;
    for (const { doc } of simplifiedDocs) {
      for (const l of doc.lines) {
        if (l.mojibake) continue; // a garbled line shows its repair, never the raw bytes
        expect(l.simplified, `line ${l.lineNo}`).toBe(foldFullWidth(l.original).trim());
        lines++;
      }
    }
    expect(lines).toBeGreaterThan(500);
  });

  it('keeps 显著 of a simplified notice (the Taiwan-standard converter would write 显着)', () => {
    const withXianzhu = simplifiedDocs.flatMap((d) => d.doc.lines).filter((l) => l.original.includes('显著'));
    expect(withXianzhu.length).toBeGreaterThan(0);
    for (const l of withXianzhu) {
      expect(toSimplified(l.original)).toContain('显着'); // what the old normal form showed
      expect(l.simplified).toContain('显著');
      expect(l.simplified).not.toContain('显着');
    }
  });

  it('still converts a traditional document line by line, as before', () => {
    const traditional = docs.filter((d) => d.doc.script === 'traditional');
    expect(traditional).toHaveLength(1);
    for (const l of traditional[0].doc.lines.filter((x) => !x.mojibake)) {
      expect(l.simplified).toBe(foldFullWidth(toSimplified(l.original)).trim());
    }
    expect(traditional[0].doc.lines.some((l) => l.original.includes('營商環境') && l.simplified.includes('营商环境'))).toBe(true);
  });

  it('converts a traditional passage inside a simplified document, and nothing else of it', () => {
    // Real simplified lines of a seed around one traditional quotation and two awkward made-up lines.
    const seedLines = simplifiedDocs[0].doc.lines.filter((l) => !l.mojibake).slice(0, 30).map((l) => l.original);
    const made = ['改革成效显著,企业满意度显著提升。', '「全省各級各部門認真貫徹落實」', '陕西省乾县推行“一网通办”,为什么办事更快?'];
    const doc = normaliseDocument([...seedLines, ...made].join('\n'));
    expect(doc.script).toBe('simplified');
    expect(doc.lines.map((l) => l.simplified)).toEqual([
      ...seedLines.map((l) => foldFullWidth(l)),
      '改革成效显著,企业满意度显著提升。',
      // Converted as a traditional line: its corner quotes too (simplified text quotes with “”).
      '“全省各级各部门认真贯彻落实”',
      '陕西省乾县推行“一网通办”,为什么办事更快?',
    ]);
  });

  it('tells traditional lines from simplified ones, whatever their length', () => {
    expect(isTraditionalLine('全省各級各部門認真貫徹落實')).toBe(true);
    expect(isTraditionalLine('福州海關與廈門海關')).toBe(true);
    // One traditional character is not enough to rewrite a line (乾县 would become 干县).
    expect(isTraditionalLine('福州海關')).toBe(false);
    for (const simplified of ['成效显著', '显著', '著名商标', '著作权', '陕西省乾县', '什么', '于是', '台胞台企', '']) {
      expect(isTraditionalLine(simplified), simplified).toBe(false);
    }
    // A line of a simplified seed is never taken for traditional; most lines of the traditional seed are.
    for (const { doc } of simplifiedDocs) for (const l of doc.lines) expect(isTraditionalLine(l.original), l.original).toBe(false);
  });

  it('converts a search term only when it holds a traditional character', () => {
    expect(toSearchForm('營商環境')).toBe('营商环境');
    expect(toSearchForm('成效顯著')).toBe('成效显著');
    expect(toSearchForm('显著')).toBe('显著');
    expect(toSearchForm('为什么')).toBe('为什么');
    expect(toSearchForm('12345')).toBe('12345');
  });

  it('folds full-width ASCII forms in the normal form, keeps them in the original', () => {
    const doc = normaliseDocument('（一）企业开办时间压缩至１个工作日：全程网办。');
    expect(doc.lines[0].original).toBe('（一）企业开办时间压缩至１个工作日：全程网办。');
    expect(doc.lines[0].simplified).toBe('(一)企业开办时间压缩至1个工作日:全程网办。');
    expect(normalForm('（一）著力優化', true)).toBe('(一)着力优化');
    expect(normalForm('（一）显著优化', false)).toBe('(一)显著优化');
  });

  it('drops the pinyin annotations of a mirror page from the normal form; the original keeps them', () => {
    // A real sentence of a simplified seed, mirrored in traditional with readings after some characters.
    const sentence = simplifiedDocs.flatMap((d) => d.doc.lines).find((l) => l.original.includes('营商环境') && l.original.length > 40)!;
    const annotated = toTraditional(sentence.original).replace('營', '營(yíng)').replace('環', '環(huán)').replace('區', '區(qū)');
    expect(annotated).toContain('(yíng)');
    const doc = normaliseDocument(`${annotated}\n${toTraditional('全省各级各部门认真贯彻落实党的二十大精神')}`);
    expect(doc.script).toBe('traditional');
    expect(doc.lines[0].original).toBe(annotated);
    expect(doc.lines[0].simplified).not.toMatch(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔù]+\)/);
    expect(doc.lines[0].simplified).toContain('营商环境');
    // In a simplified document too: only the annotations go.
    const plain = normaliseDocument('推进营(yíng)商环(huán)境持续优化(第1批)');
    expect(plain.lines[0].simplified).toBe('推进营商环境持续优化(第1批)');
  });
});
