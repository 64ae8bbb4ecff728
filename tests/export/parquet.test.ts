import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportDataset, SET_FILES, silentLogger, writeParquetFiles } from '../../src/export/index.ts';
import { INDICATOR_CODES } from '../../src/ingest/indicators.ts';
import type { Dataset } from '../../src/ingest/pipeline.ts';
import type { CaseRow } from '../../src/ingest/types.ts';
import { queryParquet } from '../helpers/data-db.ts';
import { runCorpusEtl } from '../helpers/etl.ts';

// The contract (DESIGN.md / docs/data-contract.md): column name → DuckDB type, in order.
const CONTRACT: Record<string, [string, string][]> = {
  documents: [
    ['doc_id', 'VARCHAR'], ['source_file', 'VARCHAR'], ['province', 'VARCHAR'], ['title', 'VARCHAR'],
    ['issuer', 'VARCHAR'], ['year', 'INTEGER'], ['batch', 'INTEGER'], ['published', 'DATE'],
    ['source_url', 'VARCHAR'], ['script', 'VARCHAR'], ['cases_listed', 'INTEGER'], ['cases_parsed', 'INTEGER'],
  ],
  cases: [
    ['case_id', 'VARCHAR'], ['doc_id', 'VARCHAR'], ['seq', 'INTEGER'], ['province', 'VARCHAR'],
    ['city', 'VARCHAR'], ['county', 'VARCHAR'], ['level', 'VARCHAR'], ['agency', 'VARCHAR'],
    ['title', 'VARCHAR'], ['title_original', 'VARCHAR'], ['indicator', 'VARCHAR'],
    ['indicator_source', 'VARCHAR'], ['indicator_alts', 'VARCHAR[]'], ['indicator_evidence', 'VARCHAR[]'],
    ['background', 'VARCHAR'], ['measures', 'VARCHAR'], ['outcomes', 'VARCHAR'], ['body_original', 'VARCHAR'],
    ['has_body', 'BOOLEAN'], ['duplicate_of', 'VARCHAR'], ['flags', 'VARCHAR[]'], ['year', 'INTEGER'],
    ['batch', 'INTEGER'],
  ],
  metrics: [
    ['metric_id', 'VARCHAR'], ['case_id', 'VARCHAR'], ['section', 'VARCHAR'], ['text', 'VARCHAR'],
    ['value', 'DOUBLE'], ['unit', 'VARCHAR'], ['kind', 'VARCHAR'], ['value_norm', 'DOUBLE'],
    ['unit_norm', 'VARCHAR'], ['before_value', 'DOUBLE'], ['after_value', 'DOUBLE'], ['dimension', 'VARCHAR'], ['reduction_pct', 'DOUBLE'],
  ],
  indicators: [['code', 'VARCHAR'], ['name_zh', 'VARCHAR'], ['name_en', 'VARCHAR'], ['sort', 'INTEGER']],
  similar: [['case_id', 'VARCHAR'], ['other_case_id', 'VARCHAR'], ['score', 'DOUBLE'], ['shared_terms', 'VARCHAR[]'],
    ['strength', 'VARCHAR'], ['mechanism_score', 'DOUBLE'], ['same_indicator', 'BOOLEAN'], ['title_terms', 'VARCHAR[]'],
    ['shared_dimensions', 'VARCHAR[]']],
};

/**
 * Where to make a write fail: the first and the last file of the set, and of each kind of file in it (the per-indicator
 * saved answers are one kind per name pattern, whatever the indicator). The export writes every file the same way, so
 * failing at each kind's first and last write covers its order without one whole export per file (some hundred).
 */
function failurePoints(files: readonly string[]): string[] {
  const kind = (file: string) => INDICATOR_CODES.reduce((name, code) => name.replace(`-${code}.`, '-<code>.').replace(`-${code}-`, '-<code>-'), file);
  const firstAndLast = new Map<string, [string, string]>();
  for (const file of files) firstAndLast.set(kind(file), [firstAndLast.get(kind(file))?.[0] ?? file, file]);
  const points = new Set([files[0], files.at(-1)!, ...[...firstAndLast.values()].flat()]);
  return files.filter((file) => points.has(file));
}

async function columnTypes(dir: string, table: string): Promise<[string, string][]> {
  const rows = await queryParquet(dir, `DESCRIBE SELECT * FROM "${table}"`);
  return rows.map((r) => [String(r.column_name), String(r.column_type)]);
}

function makeCase(overrides: Partial<CaseRow>): CaseRow {
  return {
    case_id: 'fj-2023-b2-001', doc_id: 'fj-2023-b2-00000001', seq: 1, province: '福建省', city: null, county: null,
    level: 'province', agency: '省税务局', title: '省税务局推行“个人税信码”', title_original: '省稅務局推行“個人稅信碼”',
    indicator: 'tax', indicator_source: 'classifier', indicator_alts: ['credit'], indicator_evidence: ['税务', '纳税'],
    background: '背景', measures: '做法', outcomes: '成效', body_original: '背景\n做法\n成效', has_body: true,
    duplicate_of: null, flags: [], year: 2023, batch: 2, ...overrides,
  };
}

/** A small dataset with the awkward values: nulls everywhere they are allowed, empty lists, quotes. */
function smallDataset(): Dataset {
  return {
    documents: [
      { doc_id: 'fj-2023-b2-00000001', source_file: "it's.txt", province: '福建省', title: null, issuer: '福建省发展和改革委员会',
        year: 2023, batch: 2, published: '2023-12-04', source_url: 'https://example.gov.cn/a.html?x=1&y=2', script: 'traditional', cases_listed: 2, cases_parsed: 1 },
      { doc_id: 'xx-nd-bx-00000002', source_file: 'b.txt', province: null, title: null, issuer: null,
        year: null, batch: null, published: null, source_url: null, script: 'simplified', cases_listed: 0, cases_parsed: 0 },
    ],
    cases: [
      makeCase({}),
      makeCase({ case_id: 'fj-2023-b2-002', seq: 2, has_body: false, background: '', measures: '', outcomes: '', body_original: '',
        flags: ['missing_body', 'title_inferred'], indicator_alts: [], indicator_evidence: [], agency: null, duplicate_of: 'fj-2023-b2-001' }),
    ],
    metrics: [
      { metric_id: 'fj-2023-b2-001-m01', case_id: 'fj-2023-b2-001', section: 'outcomes', text: '从20个工作日压缩至3个工作日',
        value: 3, unit: '个工作日', kind: 'duration', value_norm: 3, unit_norm: '天', before_value: 20, after_value: 3,
        dimension: 'time', reduction_pct: 85 },
      { metric_id: 'fj-2023-b2-001-m02', case_id: 'fj-2023-b2-001', section: 'outcomes', text: '27.56亿元',
        value: 27.56, unit: '亿元', kind: 'money', value_norm: 275600, unit_norm: '万元', before_value: null, after_value: null,
        dimension: null, reduction_pct: null },
    ],
    indicators: [{ code: 'tax', name_zh: '纳税', name_en: 'Paying taxes', sort: 12 }],
    similar: [{ case_id: 'fj-2023-b2-001', other_case_id: 'fj-2023-b2-002', score: 0.5, shared_terms: ['税信码', '纳税'],
      strength: 'related', mechanism_score: 0.42, same_indicator: true, title_terms: ['税信码'], shared_dimensions: ['time'] }],
    results: [],
    failures: [],
    duplicates: [],
  };
}

describe('writeParquetFiles', () => {
  it('writes every table with the contract column names and explicit types, values intact', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'export-small-'));
    await writeParquetFiles(smallDataset(), dir, silentLogger);
    for (const [table, columns] of Object.entries(CONTRACT)) {
      expect(await columnTypes(dir, table), table).toEqual(columns);
    }
    const docs = await queryParquet(dir, 'SELECT source_file, published, year FROM documents ORDER BY doc_id');
    expect(docs).toEqual([
      { source_file: "it's.txt", published: '2023-12-04', year: 2023 },
      { source_file: 'b.txt', published: null, year: null },
    ]);
    const cases = await queryParquet(dir, 'SELECT case_id, flags, indicator_alts, has_body, duplicate_of FROM cases ORDER BY seq');
    expect(cases[1]).toEqual({ case_id: 'fj-2023-b2-002', flags: ['missing_body', 'title_inferred'], indicator_alts: [], has_body: false, duplicate_of: 'fj-2023-b2-001' });
    const money = await queryParquet(dir, "SELECT value_norm, before_value, dimension FROM metrics WHERE kind = 'money'");
    expect(money).toEqual([{ value_norm: 275600, before_value: null, dimension: null }]);
    const time = await queryParquet(dir, "SELECT dimension, reduction_pct FROM metrics WHERE kind = 'duration'");
    expect(time).toEqual([{ dimension: 'time', reduction_pct: 85 }]);
    const similar = await queryParquet(dir, 'SELECT shared_terms, strength, same_indicator, shared_dimensions FROM "similar"');
    expect(similar).toEqual([{ shared_terms: ['税信码', '纳税'], strength: 'related', same_indicator: true, shared_dimensions: ['time'] }]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('leaves the previous files in place and no .tmp behind when a row breaks the contract', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'export-fail-'));
    await writeParquetFiles(smallDataset(), dir, silentLogger);
    const before = readFileSync(path.join(dir, 'cases.parquet'));
    const broken = smallDataset();
    broken.metrics[0] = { ...broken.metrics[0], case_id: null as unknown as string };
    await expect(writeParquetFiles(broken, dir, silentLogger)).rejects.toThrow(/metrics\.case_id: null/);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(readFileSync(path.join(dir, 'cases.parquet')).equals(before)).toBe(true);
  });

  it('writes quality.json beside the Parquet files', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'export-quality-'));
    const report = await exportDataset(smallDataset(), dir, silentLogger);
    const json = JSON.parse(readFileSync(path.join(dir, 'quality.json'), 'utf8'));
    expect(json.totals).toEqual(report.totals);
    expect(json.totals.duplicates).toBe(1);
    expect(json.flags).toEqual({ missing_body: 1, title_inferred: 1 });
  });
});

describe('exportDataset publishes the set as a whole', () => {
  const hashes = (dir: string) =>
    Object.fromEntries(readdirSync(dir).sort().map((f) => [f, createHash('sha256').update(readFileSync(path.join(dir, f))).digest('hex')]));

  it('a write failing at any kind of file of the set (its first and last) leaves the previous set whole, and nothing staged behind', async () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'export-set-'));
    const outDir = path.join(parent, 'data');
    await exportDataset(smallDataset(), outDir, silentLogger);
    const before = hashes(outDir);
    expect(Object.keys(before)).toEqual([...SET_FILES].sort());
    const next = smallDataset();
    next.indicators[0] = { ...next.indicators[0], name_en: 'Taxes, renamed' };
    next.cases[0] = { ...next.cases[0], title: '新的标题' };
    for (const failing of failurePoints(SET_FILES)) {
      const written: string[] = [];
      const hooks = {
        beforeWrite: (file: string) => {
          written.push(file);
          if (file === failing) throw new Error(`disk full at ${file}`);
        },
      };
      await expect(exportDataset(next, outDir, silentLogger, hooks), failing).rejects.toThrow(`disk full at ${failing}`);
      expect(written.at(-1)).toBe(failing);
      expect(hashes(outDir), failing).toEqual(before);
      expect(readdirSync(parent), failing).toEqual(['data']);
    }
    // Without a failure the new set replaces the old one as a whole.
    await exportDataset(next, outDir, silentLogger);
    const after = hashes(outDir);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const file of ['indicators.parquet', 'cases.parquet', 'dashboard.duckdb']) expect(after[file], file).not.toBe(before[file]);
    expect(await queryParquet(outDir, 'SELECT name_en FROM indicators')).toEqual([{ name_en: 'Taxes, renamed' }]);
    expect(readdirSync(parent)).toEqual(['data']);
  }, 180_000);

  it('puts back the previous set a crash left between the two renames, and refuses a directory with other files', async () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'export-recover-'));
    const outDir = path.join(parent, 'data');
    await exportDataset(smallDataset(), outDir, silentLogger);
    renameSync(outDir, `${outDir}.previous.tmp`);
    const next = smallDataset();
    next.indicators[0] = { ...next.indicators[0], name_en: 'after the crash' };
    const stop = () => {
      throw new Error('stop');
    };
    await expect(exportDataset(next, outDir, silentLogger, { beforeWrite: stop })).rejects.toThrow('stop');
    expect(readdirSync(parent)).toEqual(['data']);
    expect(await queryParquet(outDir, 'SELECT name_en FROM indicators')).toEqual([{ name_en: 'Paying taxes' }]);

    writeFileSync(path.join(outDir, 'notes.md'), 'mine');
    await expect(exportDataset(next, outDir, silentLogger)).rejects.toThrow(/holds files an export does not write \(notes\.md\)/);
    expect(readFileSync(path.join(outDir, 'notes.md'), 'utf8')).toBe('mine');

    // A file an earlier version of the export wrote (Compare's one read-ahead file, now one per indicator): the
    // directory is still an exported set, replaced with the file gone.
    rmSync(path.join(outDir, 'notes.md'));
    writeFileSync(path.join(outDir, 'view-compare-ahead.json'), '{}');
    await exportDataset(next, outDir, silentLogger);
    expect(existsSync(path.join(outDir, 'view-compare-ahead.json'))).toBe(false);
  });
});

describe('export of the real corpus (data/raw)', () => {
  it('follows the contract: column types, one row per listed case, ids unique', async () => {
    const { outDir } = await runCorpusEtl();
    for (const [table, columns] of Object.entries(CONTRACT)) {
      expect(await columnTypes(outDir, table), table).toEqual(columns);
    }
    const [counts] = await queryParquet(
      outDir,
      `SELECT (SELECT count(*) FROM cases) AS cases,
              (SELECT sum(cases_listed) FROM documents) AS listed,
              (SELECT count(DISTINCT case_id) FROM cases) AS distinct_ids,
              (SELECT count(DISTINCT metric_id) = count(*) FROM metrics) AS metric_ids_unique,
              (SELECT count(*) FROM documents) AS documents`,
    );
    expect(Number(counts.documents)).toBe(4);
    expect(Number(counts.cases)).toBe(Number(counts.listed));
    expect(Number(counts.distinct_ids)).toBe(Number(counts.cases));
    expect(counts.metric_ids_unique).toBe(true);
    expect(existsSync(path.join(outDir, 'quality.json'))).toBe(true);
  });

  it("resolves the city reprint: the reprint's cases point to the provincial batch's copies", async () => {
    const { outDir } = await runCorpusEtl();
    const rows = await queryParquet(
      outDir,
      `SELECT c.case_id, c.title, canon.title AS canonical_title, cd.source_file AS canonical_file
         FROM cases c
         JOIN documents d USING (doc_id)
         LEFT JOIN cases canon ON canon.case_id = c.duplicate_of
         LEFT JOIN documents cd ON cd.doc_id = canon.doc_id
        WHERE d.cases_listed = (SELECT min(cases_listed) FROM documents)
        ORDER BY c.seq`,
    );
    expect(rows).toHaveLength(4);
    for (const r of rows) {
      expect(r.canonical_file, String(r.title)).toBe('000_041dff592ec45da8.txt');
      expect(String(r.canonical_title).replace(/\s/g, '')).toBe(String(r.title).replace(/\s/g, ''));
    }
    const [{ dups }] = await queryParquet(outDir, 'SELECT count(*) AS dups FROM cases WHERE duplicate_of IS NOT NULL');
    expect(Number(dups)).toBe(4);
    const [{ dangling }] = await queryParquet(
      outDir,
      'SELECT count(*) AS dangling FROM "similar" s LEFT JOIN cases c ON c.case_id = s.other_case_id WHERE c.case_id IS NULL OR c.duplicate_of IS NOT NULL',
    );
    expect(Number(dangling)).toBe(0);
  });
});
