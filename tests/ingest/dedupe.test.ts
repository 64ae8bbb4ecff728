import { describe, expect, it } from 'vitest';
import { BODY_THRESHOLD, dedupeCases, TITLE_THRESHOLD } from '../../src/ingest/dedupe.ts';
import { bigramSet, dice } from '../../src/ingest/dedupe.ts';
import type { CaseRow, DocumentRow } from '../../src/ingest/types.ts';
import { readFileSync, readdirSync } from 'node:fs';
import { collectInputs } from '../../src/export/sources.ts';
import { normaliseDocument } from '../../src/ingest/normalise.ts';
import { ingestCorpus } from '../../src/ingest/pipeline.ts';
import { toSimplified, toTraditional } from '../../src/ingest/text-convert.ts';
import { ingestRawCorpus } from '../helpers/etl.ts';
import { RAW_DIR } from '../helpers/paths.ts';

function doc(doc_id: string, cases_listed: number): DocumentRow {
  return { doc_id, source_file: `${doc_id}.txt`, province: '福建省', title: null, issuer: null, year: 2023, batch: 2,
    published: null, source_url: null, script: 'simplified', cases_listed, cases_parsed: cases_listed };
}

function kase(case_id: string, doc_id: string, title: string, body: string, extra: Partial<CaseRow> = {}): CaseRow {
  return { case_id, doc_id, seq: 1, province: '福建省', city: '泉州市', county: null, level: 'city', agency: null, title,
    title_original: title, indicator: 'electricity', indicator_source: 'classifier', indicator_alts: [], indicator_evidence: [],
    background: body ? body.slice(0, 40) : '', measures: body.slice(40), outcomes: '', body_original: body, has_body: body !== '',
    duplicate_of: null, flags: body ? [] : ['missing_body'], year: 2023, batch: 2, ...extra };
}

const POWER = '泉州市设立电力营商环境改革专班，市发改委发挥桥梁纽带作用，协调供电公司与各部门共享项目信息，' +
  '提前介入企业用电需求，实现办电“零跑腿”。全市低压小微企业接电时间压缩至2个工作日以内，高压用户平均接电时长缩短40%。';
const CONTRACT = '泉州市印发工程建设项目电子合同管理规定，推动建设在线电子合同平台，引入电子签名、区块链、电子见证等手段，' +
  '实现招标人、中标人在线签署工程项目合同，提高签署效率，减少签署成本。';

describe('dedupeCases', () => {
  it('marks a reprint (other layout, other punctuation) as a duplicate of the batch notice copy', () => {
    const docs = [doc('batch', 48), doc('reprint', 4)];
    const reprintBody = POWER.replace(/，/g, ',').replace(/。/g, '。\n');
    const { cases, matches } = dedupeCases(
      [
        kase('r-1', 'reprint', '泉州市政企共建协同服务企业全生命周期用电', reprintBody),
        kase('b-31', 'batch', '泉州市政企共建协同服务企业 全生命周期用电', POWER),
        kase('b-29', 'batch', '泉州市推行工程建设项目电子合同提升标后监管数字化水平', CONTRACT),
      ],
      docs,
    );
    expect(cases.map((c) => c.duplicate_of)).toEqual(['b-31', null, null]);
    expect(matches).toEqual([{ case_id: 'r-1', duplicate_of: 'b-31', score: expect.any(Number), compared: 'body' }]);
    expect(matches[0].score).toBeGreaterThan(0.9);
  });

  it('prefers the copy with a body, even from a reprint; a missing body compares by title', () => {
    const { cases } = dedupeCases(
      [kase('b-11', 'batch', '泉州市政企共建协同服务企业全生命周期用电', ''), kase('r-1', 'reprint', '泉州市政企共建协同服务企业全生命周期用电', POWER)],
      [doc('batch', 48), doc('reprint', 4)],
    );
    expect(cases.map((c) => c.duplicate_of)).toEqual(['r-1', null]);
  });

  it('does not merge different cases of one place, nor cases of the same document, nor other provinces', () => {
    const docs = [doc('a', 10), doc('b', 10)];
    const { cases } = dedupeCases(
      [
        kase('a-1', 'a', '泉州市政企共建协同服务企业全生命周期用电', POWER),
        kase('a-2', 'a', '泉州市政企共建协同服务企业全生命周期用电', POWER),
        kase('b-1', 'b', '泉州市推行工程建设项目电子合同', CONTRACT),
        kase('b-2', 'b', '泉州市政企共建协同服务企业全生命周期用电', POWER, { province: '陕西省' }),
      ],
      docs,
    );
    expect(cases.every((c) => c.duplicate_of === null)).toBe(true);
  });

  it('threshold sits far from unrelated texts', () => {
    expect(dice(bigramSet(POWER), bigramSet(CONTRACT))).toBeLessThan(BODY_THRESHOLD / 2);
  });
});

describe('dedupe on the real corpus', () => {
  it("points the reprint's 4 cases (simplified) to the batch's traditional copies, and nothing else", async () => {
    const dataset = await ingestRawCorpus();
    const reprint = dataset.documents.find((d) => d.source_file.startsWith('002_'))!;
    const batch = dataset.documents.find((d) => d.source_file.startsWith('000_'))!;
    const byId = new Map(dataset.cases.map((c) => [c.case_id, c]));
    const duplicates = dataset.cases.filter((c) => c.duplicate_of !== null);
    expect(duplicates.map((c) => c.doc_id)).toEqual(Array(4).fill(reprint.doc_id));
    for (const d of duplicates) {
      const canonical = byId.get(d.duplicate_of!)!;
      expect(canonical.doc_id).toBe(batch.doc_id);
      expect(canonical.duplicate_of).toBeNull();
      expect(canonical.title.replace(/\s/g, '')).toBe(d.title.replace(/\s/g, ''));
    }
    expect(dataset.duplicates.every((m) => m.score >= BODY_THRESHOLD)).toBe(true);
  });
});

/** Readings a mirror page puts after characters (every occurrence of these). */
const READINGS: Record<string, string> = {
  泉: 'quán', 州: 'zhōu', 電: 'diàn', 企: 'qǐ', 業: 'yè', 務: 'wù', 區: 'qū', 環: 'huán', 營: 'yíng', 商: 'shāng',
  供: 'gōng', 辦: 'bàn', 政: 'zhèng', 網: 'wǎng', 服: 'fú',
};
const annotate = (text: string) => [...text].map((c) => (READINGS[c] ? `${c}(${READINGS[c]})` : c)).join('');

/**
 * A mirror page of one case of the city's reprint (典型案例 layout): the page republishes it in traditional
 * characters with pinyin after many characters, as reposting sites do.
 */
function mirrorOfReprintCase(): { text: string; title: string } {
  const reprint = readdirSync(RAW_DIR)
    .map((f) => readFileSync(`${RAW_DIR}/${f}`, 'utf8'))
    .find((t) => /^典型案例\(三\)$/m.test(t))!;
  const lines = reprint.split(/\r?\n/);
  const start = lines.findIndex((l) => l.trim() === '典型案例(三)');
  const end = lines.findIndex((l, i) => i > start && /^典型案例\(/.test(l.trim()));
  const intro = lines[0];
  const block = ['典型案例(一)', ...lines.slice(start + 1, end === -1 ? undefined : end)];
  return { text: annotate(toTraditional([intro, ...block].join('\n'))), title: block[1] };
}

describe('dedupe of a mirror page (traditional, pinyin-annotated)', () => {
  it('finds the copy of a seed case on a traditional mirror page with pinyin annotations', async () => {
    const mirror = mirrorOfReprintCase();
    expect(mirror.text).toContain('(qū)');
    const { inputs } = await collectInputs([RAW_DIR]);
    const dataset = ingestCorpus([
      ...inputs,
      { sourceFile: 'mirror.html.txt', bytes: new TextEncoder().encode(mirror.text) },
    ]);
    const mirrorDoc = dataset.documents.find((d) => d.source_file === 'mirror.html.txt')!;
    expect(mirrorDoc.script).toBe('traditional');
    const copy = dataset.cases.find((c) => c.doc_id === mirrorDoc.doc_id)!;
    // Shown without the annotations (the original keeps them), and the same text as the published copies.
    expect(copy.title_original).toContain('(');
    expect(copy.title).toBe(mirror.title);
    expect(copy.background + copy.measures + copy.outcomes).not.toMatch(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔù]+\)/);
    expect(copy.duplicate_of).not.toBeNull();
    const canonical = dataset.cases.find((c) => c.case_id === copy.duplicate_of)!;
    expect(canonical.title.replace(/\s/g, '')).toBe(mirror.title);
    const match = dataset.duplicates.find((m) => m.case_id === copy.case_id)!;
    expect(match.score).toBeGreaterThan(0.9);
  });

  it('would miss a listed-only mirror on its annotated title, and matches it once annotations are dropped', () => {
    const { title } = mirrorOfReprintCase();
    const annotated = annotate(toTraditional(title));
    const [line] = normaliseDocument(annotated).lines;
    expect(line.simplified).toBe(title);
    // Converted but still annotated, the title no longer reaches the title-only threshold.
    expect(dice(bigramSet(toSimplified(annotated)), bigramSet(title))).toBeLessThan(TITLE_THRESHOLD);
    expect(dice(bigramSet(line.simplified), bigramSet(title))).toBe(1);
  });
});

/** The rule of dedupe.ts applied to every pair (the definition the indexed search must reproduce). */
function allPairsGroups(cases: CaseRow[]): string[][] {
  const body = (c: CaseRow) => bigramSet(c.title + [c.background, c.measures, c.outcomes].join('\n'));
  const parent = cases.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < cases.length; i++) {
    for (let j = i + 1; j < cases.length; j++) {
      const [a, b] = [cases[i], cases[j]];
      if (a.doc_id === b.doc_id || (a.province && b.province && a.province !== b.province)) continue;
      const match = a.has_body && b.has_body
        ? dice(body(a), body(b)) >= BODY_THRESHOLD
        : dice(bigramSet(a.title), bigramSet(b.title)) >= TITLE_THRESHOLD;
      if (match) parent[find(j)] = find(i);
    }
  }
  const groups = new Map<number, string[]>();
  cases.forEach((c, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), c.case_id]));
  return [...groups.values()].filter((g) => g.length > 1);
}

describe('dedupe finds the same groups as comparing every pair', () => {
  it('on many copies: same document, unknown province, no body, near copies, other provinces', () => {
    const docs = ['a', 'b', 'c', 'd'].map((d) => doc(d, 10));
    const cases: CaseRow[] = [];
    const variants = [
      (i: number) => kase(`p${i}`, 'abcd'[i % 4], '泉州市政企共建协同服务企业全生命周期用电', POWER),
      // A near copy: a sentence shorter (still ≥ 0.5), sometimes of unknown province.
      (i: number) => kase(`q${i}`, 'abcd'[i % 4], '泉州市政企共建协同服务企业用电', POWER.slice(0, 70), i % 3 ? {} : { province: null }),
      (i: number) => kase(`c${i}`, 'abcd'[(i * 3) % 4], '泉州市推行工程建设项目电子合同', CONTRACT, i % 2 ? {} : { province: '陕西省' }),
      // Listed without a body: matched on the title only.
      (i: number) => kase(`t${i}`, 'abcd'[(i + 1) % 4], '泉州市推行工程建设项目电子合同', ''),
      (i: number) => kase(`u${i}`, 'a', '泉州市推行工程建设项目电子合同提升监管', CONTRACT.slice(20)),
    ];
    for (let i = 0; i < 12; i++) for (const v of variants) cases.push(v(i));
    const out = dedupeCases(cases, docs).cases;
    const byRoot = new Map<string, string[]>();
    for (const c of out) {
      const root = c.duplicate_of ?? c.case_id;
      byRoot.set(root, [...(byRoot.get(root) ?? []), c.case_id]);
    }
    const sortGroups = (g: string[][]) => g.map((x) => [...x].sort()).sort((x, y) => (x[0] < y[0] ? -1 : 1));
    const expected = sortGroups(allPairsGroups(cases));
    expect(expected.length).toBeGreaterThan(1);
    expect(sortGroups([...byRoot.values()].filter((g) => g.length > 1))).toEqual(expected);
  });
});
