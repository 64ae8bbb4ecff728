// The comparison brief on the real export: its numbers are the Compare view's (the same named queries run
// here independently), its counterparts are strong / related only, and the Word file it writes holds the
// title, both provinces' cases, the reductions and the sources, with the Chinese fonts named.
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleBrief, type BriefData } from '../../src/brief/assemble.ts';
import { briefContent } from '../../src/brief/content.ts';
import { briefDocx } from '../../src/brief/docx.ts';
import { briefSources } from '../../src/brief/queries.ts';
import { makeI18n } from '../../src/i18n/i18n.tsx';
import { compareCases, comparePairs, compareShares } from '../../src/queries/compare.ts';
import { measureDimensions, measureSummary } from '../../src/queries/measures.ts';
import { EMPTY_FILTERS } from '../../src/state/filters.ts';
import { openDataDb, type DataDb } from '../helpers/data-db.ts';
import { expectDeclaredColumns } from '../queries/columns.ts';

let db: DataDb;
let data: BriefData;
const params = { filters: EMPTY_FILTERS, a: '福建省', b: '陕西省', indicators: ['electricity'] };

beforeAll(async () => {
  db = await openDataDb();
  data = await assembleBrief((q) => db.all(q), params, new Date('2026-03-01T08:00:00Z'));
});
afterAll(() => db?.close());

const indicators = async () => (await db.all('SELECT code, name_zh, name_en, sort FROM indicators')).map((r) => ({ code: String(r.code), name_zh: String(r.name_zh), name_en: String(r.name_en), sort: Number(r.sort) }));

describe('comparison brief', () => {
  it('shows the numbers the Compare view shows', async () => {
    const shares = await db.all(compareShares(params));
    const row = shares.find((r) => r.indicator === 'electricity')!;
    expect(Number(row.a_cases)).toBeGreaterThan(0);
    expect(Number(row.b_cases)).toBeGreaterThan(0);
    const content = briefContent(data, makeI18n('zh', await indicators()));
    const table = content.sections[0].blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows[0]).toEqual(['获得电力', `${row.a_cases} 个（${row.a_pct}%）`, `${row.b_cases} 个（${row.b_pct}%）`]);

    const cases = await db.all(compareCases({ ...params, indicator: 'electricity' }));
    const [part] = data.indicators;
    expect(part.casesA.map((c) => c.row.case_id)).toEqual(cases.filter((r) => r.province === '福建省').map((r) => r.case_id));
    expect(part.casesB.map((c) => c.row.case_id)).toEqual(cases.filter((r) => r.province === '陕西省').map((r) => r.case_id));
    expect(part.casesA.length).toBe(Number(row.a_cases));

    // The measures are the Compare view's measures panel's: same dimensions, same per-province summary.
    const scope = { filters: EMPTY_FILTERS, indicator: 'electricity', provinces: [params.a, params.b] };
    const dims = await db.all(measureDimensions(scope));
    expect(part.measures.map((m) => m.dimension)).toEqual(dims.map((d) => d.dimension));
    for (const m of part.measures) expect(m.summary).toEqual(await db.all(measureSummary({ ...scope, dimension: m.dimension })));
  });

  it('gives each case its strong / related counterparts in the other province, and says so when there is none', async () => {
    const pairs = await db.all(comparePairs({ ...params, indicator: 'electricity' }));
    const [part] = data.indicators;
    for (const { row, counterparts } of part.casesA) {
      const expected = pairs.filter((p) => p.a_case_id === row.case_id && (p.strength === 'strong' || p.strength === 'related'));
      expect(counterparts.map((c) => c.b_case_id)).toEqual(expected.map((p) => p.b_case_id));
    }
    const content = briefContent(data, makeI18n('en', await indicators()));
    const tables = content.sections[2].blocks.filter((b) => b.kind === 'table');
    const cells = tables.flatMap((t) => (t.kind === 'table' ? t.rows.map((r) => r[4]) : []));
    const without = [...part.casesA, ...part.casesB].filter((c) => c.counterparts.length === 0).length;
    expect(cells.filter((c) => c === 'no counterpart').length).toBe(without);
  });

  it('lists its sources with the columns their row type declares', async () => {
    await expectDeclaredColumns(db, briefSources(params));
  });

  it('writes a .docx with the title, both sides’ cases, reductions, sources and Chinese fonts', async () => {
    const content = briefContent(data, makeI18n('zh', await indicators()));
    const blob = await briefDocx(content, new Map(), '（无图）');
    const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
    const xml = strFromU8(files['word/document.xml']);
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('对比简报：福建省 与 陕西省');
    for (const c of [...data.indicators[0].casesA, ...data.indicators[0].casesB]) expect(text).toContain(String(c.row.title));
    // Reform measures: each dimension's first phrases of each side are listed.
    const { measures } = data.indicators[0];
    expect(measures.length).toBeGreaterThan(0);
    for (const m of measures) {
      for (const p of [params.a, params.b]) for (const r of m.rows.filter((r) => r.province === p).slice(0, 3)) expect(text).toContain(String(r.text));
    }
    expect(data.sources.length).toBeGreaterThan(0);
    for (const s of data.sources) expect(text).toContain(String(s.title ?? s.source_file));
    const styles = strFromU8(files['word/styles.xml']);
    expect(styles).toContain('w:eastAsia="宋体"');
    expect(styles).toContain('w:eastAsia="微软雅黑"');
  });
});
