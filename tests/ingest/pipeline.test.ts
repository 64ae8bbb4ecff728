import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeSource, ingestCorpus, ingestDocument, inferYear, IngestError } from '../../src/ingest/pipeline.ts';
import type { Line } from '../../src/ingest/types.ts';
import { ingestRawCorpus } from '../helpers/etl.ts';
import { RAW_DIR } from '../helpers/paths.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const raw = (name: string) => new Uint8Array(readFileSync(path.join(RAW_DIR, name)));
const REPRINT = '002_744bbf1a656dd3b2.txt';

function failure(sourceFile: string, bytes: Uint8Array): IngestError {
  try {
    ingestDocument({ sourceFile, bytes });
  } catch (error) {
    if (error instanceof IngestError) return error;
    throw error;
  }
  throw new Error(`${sourceFile} was ingested, expected a failure`);
}

describe('unreadable inputs are refused with the file and the reason', () => {
  it('empty file, and a file of blanks only', () => {
    const empty = failure('empty.txt', new Uint8Array());
    expect(empty.reason).toBe('empty');
    expect(empty.message).toMatch(/^empty\.txt: empty file/);
    expect(failure('blank.txt', utf8(' \n\r\n\t \n')).reason).toBe('empty');
  });

  it('binary: NUL bytes, or control bytes', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    const e = failure('image.png', png);
    expect(e.reason).toBe('binary');
    expect(e.message).toContain('image.png');
    const controls = utf8('附件1\n' + '\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f'.repeat(2));
    expect(failure('controls.txt', controls).reason).toBe('binary');
  });

  it('not UTF-8: latin-1 bytes, GBK bytes, UTF-16', () => {
    const latin1 = new Uint8Array([...utf8('Caf'), 0xe9, ...utf8(' cr'), 0xe8, ...utf8('me\n')]);
    const e = failure('latin1.txt', latin1);
    expect(e.reason).toBe('not_utf8');
    expect(e.message).toMatch(/latin1\.txt: not UTF-8 text \(invalid UTF-8 sequence at byte 3\)/);
    // 营商环境 in GBK
    expect(failure('gbk.txt', new Uint8Array([0xd3, 0xaa, 0xc9, 0xcc, 0xbb, 0xb7, 0xbe, 0xb3])).reason).toBe('not_utf8');
    expect(failure('utf16.txt', new Uint8Array([0xff, 0xfe, 0x25, 0x84])).reason).toBe('not_utf8');
  });

  it('a UTF-8 text with a byte-order mark reads as text', () => {
    expect(decodeSource('bom.txt', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('营商环境')]))).toBe('营商环境');
  });

  it('a readable text with no cases in it', () => {
    const prose = '今天天气很好。\n我们去公园散步，看到很多人在跑步。\n晚上回家吃饭。\n';
    const e = failure('prose.txt', utf8(prose));
    expect(e.reason).toBe('no_cases');
    expect(e.message).toContain('prose.txt: no cases found');
  });

  it('the corpus step names every failure and still reads the good inputs', () => {
    const good = raw(REPRINT);
    const dataset = ingestCorpus([
      { sourceFile: 'empty.txt', bytes: new Uint8Array() },
      { sourceFile: REPRINT, bytes: good, hints: { year: 2023 } },
      { sourceFile: 'copy-of-002.txt', bytes: good },
    ]);
    expect(dataset.documents.map((d) => d.source_file)).toEqual([REPRINT]);
    expect(dataset.failures.map((f) => [f.sourceFile, f.reason])).toEqual([
      ['empty.txt', 'empty'],
      ['copy-of-002.txt', 'duplicate_file'],
    ]);
  });
});

describe('one real document: the city reprint (002)', () => {
  it('gives readable, stable ids, and says which values did not come from its text', () => {
    const first = ingestDocument({ sourceFile: REPRINT, bytes: raw(REPRINT), hints: { year: 2023 } });
    const again = ingestDocument({ sourceFile: 'renamed.txt', bytes: raw(REPRINT), hints: { year: 2023 } });
    expect(first.cases.map((c) => c.case_id)).toEqual(['fj-2023-b2-001', 'fj-2023-b2-002', 'fj-2023-b2-003', 'fj-2023-b2-004']);
    expect(first.document.doc_id).toMatch(/^fj-2023-b2-[0-9a-f]{8}$/);
    expect(again.document.doc_id).toBe(first.document.doc_id); // from the bytes, not the file name
    expect(first.document).toMatchObject({ province: '福建省', year: 2023, batch: 2, published: null, cases_listed: 4, cases_parsed: 4 });
    expect(first.report.origins).toContainEqual(expect.objectContaining({ field: 'year', value: 2023, from: 'hints' }));
    expect(first.report.origins).toContainEqual(expect.objectContaining({ field: 'province', value: '福建省', from: 'text' }));
    for (const m of first.metrics) expect(m.metric_id.startsWith(`${m.case_id}-m`)).toBe(true);
  });

  it('does not reuse ids already taken (a document imported into the published dataset)', () => {
    const dataset = ingestCorpus([{ sourceFile: REPRINT, bytes: raw(REPRINT), hints: { year: 2023 } }], {
      existingCaseIds: ['fj-2023-b2-001', 'fj-2023-b2-029'],
    });
    expect(dataset.cases.map((c) => c.case_id)).toEqual(
      [1, 2, 3, 4].map((n) => expect.stringMatching(new RegExp(`^fj-2023-b2-d[0-9a-f]{6}-00${n}$`))),
    );
  });

  it('without the manifest the year stays null (the reprint names no year) and the id says so', () => {
    const result = ingestDocument({ sourceFile: REPRINT, bytes: raw(REPRINT) });
    expect(result.document.year).toBeNull();
    expect(result.cases[0].case_id).toBe('fj-nd-b2-001');
    expect(result.report.origins.some((o) => o.field === 'year')).toBe(false);
  });
});

describe('the whole corpus', () => {
  it('accounts for every non-blank line: header, a case, or the counted remainder', async () => {
    const dataset = await ingestRawCorpus();
    for (const r of dataset.results) {
      const text = new TextDecoder().decode(raw(r.document.source_file));
      const nonBlank = text.split(/\r?\n/).filter((l) => l.trim() !== '').length;
      expect(r.report.linesTotal, r.document.source_file).toBe(nonBlank);
      expect(r.report.linesHeader + r.report.linesInCases + r.unassigned.length, r.document.source_file).toBe(nonBlank);
    }
  });

  it('keeps case ids unique when two documents share province, year and batch (a reprint of a batch)', async () => {
    const dataset = await ingestRawCorpus();
    const ids = dataset.cases.map((c) => c.case_id);
    expect(new Set(ids).size).toBe(ids.length);
    const batchNotice = dataset.documents.find((d) => d.source_file.startsWith('000_'))!;
    const reprint = dataset.documents.find((d) => d.source_file === REPRINT)!;
    expect(dataset.cases.filter((c) => c.doc_id === batchNotice.doc_id).every((c) => /^fj-2023-b2-\d{3}$/.test(c.case_id))).toBe(true);
    const reprintIds = dataset.cases.filter((c) => c.doc_id === reprint.doc_id).map((c) => c.case_id);
    expect(reprintIds).toHaveLength(4);
    for (const id of reprintIds) expect(id).toMatch(/^fj-2023-b2-d[0-9a-f]{6}-00\d$/);
    const metricIds = dataset.metrics.map((m) => m.metric_id);
    expect(new Set(metricIds).size).toBe(metricIds.length);
    const caseIds = new Set(ids);
    expect(dataset.metrics.every((m) => caseIds.has(m.case_id))).toBe(true);
  });

  it('flags a listed case whose body is missing, and keeps its row', async () => {
    const dataset = await ingestRawCorpus();
    const missing = dataset.cases.filter((c) => !c.has_body);
    expect(missing.length).toBeGreaterThan(0);
    for (const c of missing) {
      expect(c.flags).toContain('missing_body');
      expect(c.title.length).toBeGreaterThan(5);
    }
  });
});

describe('inferYear', () => {
  const lines = (...texts: string[]): Line[] => texts.map((t, i) => ({ lineNo: i + 1, original: t, simplified: t }));

  it('takes the latest full date, else the year named most often, else null', () => {
    expect(inferYear(lines('2022年以来成效显著', '2023年12月4日'))?.value).toBe(2023);
    expect(inferYear(lines('发布时间:2022-08-08', '2021年以来'))?.value).toBe(2022);
    expect(inferYear(lines('2021年启动', '2022年推进', '2022年完成'))?.value).toBe(2022);
    expect(inferYear(lines('截至10月31日,累计签订528个'))).toBeNull();
  });
});
