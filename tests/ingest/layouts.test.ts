// Golden tests: one small notice per layout of the genre (tests/fixtures/layouts/*.txt, and pages and Word files as
// published: *.html, *.docx — written by hand after real notices; the .docx by make-docx-fixture.ts) and the rows
// a reader expects of it (*.expected.json, written by hand, not generated).
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { headingToIndicator } from '../../src/ingest/classify.ts';
import { dedupeCases } from '../../src/ingest/dedupe.ts';
import { IngestError, ingestDocument } from '../../src/ingest/pipeline.ts';
import { preReadPdf, type PdfJs } from '../../src/ingest/read-pdf.ts';
import { announcedCount } from '../../src/ingest/segment-header.ts';
import { caseMarkerOf } from '../../src/ingest/segment-patterns.ts';

const DIR = 'tests/fixtures/layouts';

interface ExpectedCase {
  title?: string;
  titleIncludes?: string;
  titleInferred?: boolean;
  /** null: the case names no prefecture (a province-level agency, a province-wide practice). */
  city?: string | null;
  county?: string | null;
  province?: string;
  level?: 'province' | 'city' | 'county';
  heading?: string;
  /** The indicator a reader would file the case under (by the classifier when the notice has no heading). */
  indicator?: string;
  /** The agency the title names, or the unit the notice says presented the case. */
  agency?: string | null;
  background?: boolean;
  measures?: boolean;
  outcomes?: boolean;
  measuresIncludes?: string;
  /** false: the notice only lists the case (a table of cases), so it has no text. */
  hasBody?: boolean;
  /** Figures a reader sees in the case's text (由20个工作日压缩至3个工作日: before 20, after 3): each must be among its metrics. */
  figures?: ExpectedFigure[];
}

interface ExpectedFigure {
  before?: number;
  after?: number;
  value?: number;
  kind?: string;
  /** The reform dimension (time, steps, documents …), or null for a figure that is no reform measure (a count served). */
  dimension?: string | null;
  /** Words the figure's phrase holds (12个个体工商户: the count with what it counts). */
  textIncludes?: string;
}

interface Expected {
  /** null: a national notice whose cases come from several provinces. */
  province: string | null;
  year?: number;
  published?: string;
  /** Warning codes the reader must be shown (an ambiguity flagged rather than guessed). */
  warnings?: string[];
  batch?: number;
  issuer?: string;
  /** The notice's title (a bulletin's: its masthead). */
  title?: string;
  casesAnnounced?: number | null;
  idPrefix?: string;
  cases: ExpectedCase[];
  noCaseContains?: string[];
}

// A notice as published: text, a saved web page (GBK or UTF-8) or a Word file, each read by the same ingest.
const fixtures = readdirSync(DIR)
  .filter((f) => /\.(?:txt|html|docx|pdf)$/.test(f))
  .map((f) => ({
    name: f.replace(/\.\w+$/, ''),
    file: f,
    bytes: new Uint8Array(readFileSync(`${DIR}/${f}`)),
    expected: JSON.parse(readFileSync(`${DIR}/${f.replace(/\.\w+$/, '.expected.json')}`, 'utf8')) as Expected,
  }));

/** A PDF's text is read before the ingest, as the ETL and the import worker do (with PDF.js's build for Node). */
const loadPdfJs = async () => (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfJs;
const ingestFixture = async (f: (typeof fixtures)[number]) =>
  ingestDocument({ sourceFile: f.file, bytes: f.bytes, preRead: await preReadPdf(f.file, f.bytes, loadPdfJs) });

describe('layout fixtures (golden)', () => {
  it('has a fixture for each layout the segmenter reads', async () => {
    const layouts = new Set((await Promise.all(fixtures.map(ingestFixture))).map((r) => r.report.layout.split(/[:+]/)[0]));
    for (const l of ['markers', 'part-cycle', 'numbered', 'title-lines', 'first-sentence', 'list-only']) expect(layouts).toContain(l);
  });

  for (const f of fixtures) {
    it(f.name, async () => {
      const r = await ingestFixture(f);
      const e = f.expected;
      expect(r.document.province).toBe(e.province);
      if (e.year !== undefined) expect(r.document.year).toBe(e.year);
      if (e.batch !== undefined) expect(r.document.batch).toBe(e.batch);
      if (e.issuer !== undefined) expect(r.document.issuer).toBe(e.issuer);
      if (e.title !== undefined) expect(r.document.title).toBe(e.title);
      if (e.published !== undefined) expect(r.document.published).toBe(e.published);
      for (const code of e.warnings ?? []) expect(r.report.warnings.map((w) => w.code)).toContain(code);
      if (e.casesAnnounced !== undefined) expect(r.report.casesAnnounced).toBe(e.casesAnnounced);
      if (e.idPrefix) expect(r.cases.every((c) => c.case_id.startsWith(`${e.idPrefix}-`))).toBe(true);
      expect(r.report.layout).not.toBe('none');
      expect(r.cases.map((c) => c.title)).toHaveLength(e.cases.length);
      expect(r.unassigned.map((l) => l.original)).toEqual([]);
      expect(r.report.warnings.filter((w) => w.code === 'announced_mismatch')).toEqual([]);
      r.cases.forEach((c, k) => {
        const x = e.cases[k];
        if (x.title !== undefined) expect(c.title).toBe(x.title);
        if (x.titleIncludes !== undefined) expect(c.title).toContain(x.titleIncludes);
        expect(c.flags.includes('title_inferred')).toBe(x.titleInferred ?? false);
        if (x.city !== undefined) expect(c.city, c.title).toBe(x.city);
        if (x.county !== undefined) expect(c.county, c.title).toBe(x.county);
        if (x.province !== undefined) expect(c.province, c.title).toBe(x.province);
        if (x.level !== undefined) expect(c.level, c.title).toBe(x.level);
        if (x.heading !== undefined) {
          expect(c.indicator_source).toBe('document');
          expect(c.indicator).toBe(headingToIndicator(x.heading));
        }
        for (const part of ['background', 'measures', 'outcomes'] as const) {
          if (x[part] !== undefined) expect(c[part] !== '', `${c.title}: ${part}`).toBe(x[part]);
        }
        if (x.indicator !== undefined) expect(c.indicator, `${c.title}: ${c.indicator_evidence.join(',')}`).toBe(x.indicator);
        if (x.agency !== undefined) expect(c.agency, c.title).toBe(x.agency);
        if (x.measuresIncludes) expect(c.measures).toContain(x.measuresIncludes);
        expect(c.has_body, c.title).toBe(x.hasBody ?? true);
        expect(c.flags.includes('missing_body'), c.title).toBe(!(x.hasBody ?? true));
        const metrics = r.metrics.filter((m) => m.case_id === c.case_id);
        for (const fig of x.figures ?? []) {
          const want = {
            ...(fig.before !== undefined && { before_value: fig.before }),
            ...(fig.after !== undefined && { after_value: fig.after }),
            ...(fig.value !== undefined && { value: fig.value }),
            ...(fig.kind !== undefined && { kind: fig.kind }),
            ...(fig.dimension !== undefined && { dimension: fig.dimension }),
            ...(fig.textIncludes !== undefined && { text: expect.stringContaining(fig.textIncludes) as unknown }),
          };
          expect(metrics, `${c.title}: ${JSON.stringify(fig)}`).toContainEqual(expect.objectContaining(want));
        }
      });
      for (const needle of e.noCaseContains ?? []) {
        for (const c of r.cases) {
          expect([c.title, c.background, c.measures, c.outcomes].join('\n')).not.toContain(needle);
        }
      }
    });
  }
});

describe('the fixtures as one import', () => {
  it('share no case: imported together (as the browser e2e tests do), none is a duplicate of another', async () => {
    const read = await Promise.all(fixtures.map(ingestFixture));
    const { matches } = dedupeCases(read.flatMap((r) => r.cases), read.map((r) => r.document));
    expect(matches.map((m) => `${m.case_id} ~ ${m.duplicate_of}`)).toEqual([]);
  });
});

describe('case markers of any kind', () => {
  it.each([
    ['附件3', 'annex', 3, ''],
    ['典型案例(二)', 'case', 2, ''],
    ['案例十二', 'case', 12, ''],
    ['案例3:甲市推行企业开办', 'case', 3, '甲市推行企业开办'],
    ['最佳实践案例二', 'case', 2, ''],
    ['经验做法一:甲市推行企业开办', 'case', 1, '甲市推行企业开办'],
    ['NO.2', 'case', 2, ''],
    ['No.3|乙市优化获得电力服务', 'case', 3, '乙市优化获得电力服务'],
    ['典型案例系列之一:南京市推行企业开办“一日办结”', 'series', 1, '南京市推行企业开办“一日办结”'],
    ['排名1', 'rank', 1, ''],
    ['【案例1】', 'bracket', 1, ''],
    ['【案例2】乙市优化获得电力服务', 'bracket', 2, '乙市优化获得电力服务'],
    ['②乙市优化获得电力服务', 'circled', 2, '乙市优化获得电力服务'],
    ['第一篇', 'chapter', 1, ''],
    ['01', 'bare', 1, ''],
    ['— 02 —', 'bare', 2, ''],
    ['【典型经验做法之三】林芝市推行“交房即交证”', 'bracket', 3, '林芝市推行“交房即交证”'],
    ['【经验做法二】', 'bracket', 2, ''],
    ['PART 02', 'case', 2, ''],
    ['壹丨沈阳市推行企业开办', 'bare', 1, '沈阳市推行企业开办'],
    ['拾贰', 'bare', 12, ''],
  ])('%s', (text, family, no, rest) => {
    expect(caseMarkerOf(text)).toEqual({ family, no, rest });
  });

  it('prose that merely contains such words is no marker', () => {
    for (const t of ['打造系列三大品牌,形成合力。', '第一例跨境贸易纠纷在此调解成功。', '案例库收录案例1200个。', '(一)推行一表申报。']) {
      expect(caseMarkerOf(t)).toBeNull();
    }
  });
});

describe('announced count', () => {
  it('reads the phrase that announces this notice’s cases', () => {
    expect(announcedCount('省营商办收集推出今年第二批共48个典型经验做法,请各地学习。')).toBe(48);
    expect(announcedCount('此次推出的36项典型经验做法中,西安市8项;汉中市4项。')).toBe(36);
    expect(announcedCount('现发布2025年第一批优化营商环境典型案例3个:')).toBe(3);
    expect(announcedCount('经专家评审,共评选出十二个最佳实践案例。')).toBe(12);
  });

  it('ignores counts of earlier batches and other figures', () => {
    expect(announcedCount('自2022年以来,我省已推出三批共47个典型经验做法。现推出第四批共3个典型经验做法。')).toBe(3);
    expect(announcedCount('今年以来全省新设经营主体2300户,累计推出改革举措120项。')).toBeNull();
    expect(announcedCount('我省前两批共推出二十四个典型案例。现将第三批五个典型案例予以推广。')).toBe(5);
    expect(announcedCount('2023年,省营商办发布两批共30个典型案例。今年,现发布第一批8个典型案例。')).toBe(8);
    expect(announcedCount('在第一批12个案例基础上,现推出第二批6个案例。')).toBe(6);
  });

  it('ignores counts of places and of entries submitted', () => {
    expect(announcedCount('现将上海市等10个地区的20个典型经验做法予以通报。')).toBe(20);
    expect(announcedCount('全省共有128个案例参评,最终评选出15个最佳实践案例。')).toBe(15);
    expect(announcedCount('关于推广二十项优化营商环境典型经验做法的通知')).toBe(20);
  });
});

describe('a notice with no case', () => {
  it('says what the segmenter looked for', () => {
    const bytes = new TextEncoder().encode('关于召开座谈会的通知\n各单位:\n定于下周召开座谈会,请准时参加。\n');
    try {
      ingestDocument({ sourceFile: 'meeting.txt', bytes });
      expect.unreachable('a meeting notice has no case');
    } catch (error) {
      expect(error).toBeInstanceOf(IngestError);
      expect((error as IngestError).reason).toBe('no_cases');
      expect((error as Error).message).toMatch(/looked for .*附件N.*背景情况/);
    }
  });
});
