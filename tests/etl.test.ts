import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SNAPSHOT_FILES } from '../src/queries/snapshot.ts';
import { queryParquet } from './helpers/data-db.ts';
import { RAW_DIR, ROOT } from './helpers/paths.ts';

const REPRINT = '002_744bbf1a656dd3b2.txt';

function runEtl(args: string[]) {
  const result = spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'scripts/etl.ts'), ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run etl -- --in … --out …', () => {
  it('exports the good file, names the bad one with its reason, exits 1, leaves no .tmp', async () => {
    const inDir = mkdtempSync(path.join(tmpdir(), 'etl-in-'));
    const outDir = path.join(mkdtempSync(path.join(tmpdir(), 'etl-out-')), 'data');
    const good = path.join(inDir, 'reprint.txt');
    const bad = path.join(inDir, 'latin1.txt');
    copyFileSync(path.join(RAW_DIR, REPRINT), good);
    writeFileSync(bad, Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]));

    const { code, stdout, stderr } = runEtl(['--in', good, bad, path.join(inDir, 'missing.txt'), '--out', outDir]);
    expect(code).toBe(1);
    expect(stderr).toContain('latin1.txt: not UTF-8 text');
    expect(stderr).toMatch(/missing\.txt: cannot read/);
    expect(stdout).toContain('Documents: 1 read');

    expect(readdirSync(outDir).sort()).toEqual(
      ['cases.parquet', 'dashboard.duckdb', 'documents.parquet', 'indicators.parquet', 'metrics.parquet', 'quality.json', 'similar.parquet', 'zh-words.txt', ...SNAPSHOT_FILES].sort(),
    );
    const docs = await queryParquet(outDir, 'SELECT source_file, year, cases_listed FROM documents');
    // No manifest here: the reprint names no year, so it stays null rather than guessed.
    expect(docs).toEqual([{ source_file: 'reprint.txt', year: null, cases_listed: 4 }]);
    const quality = JSON.parse(readFileSync(path.join(outDir, 'quality.json'), 'utf8'));
    expect(quality.failures.map((f: { sourceFile: string; reason: string }) => [f.sourceFile, f.reason])).toEqual([
      ['missing.txt', 'unreadable'],
      ['latin1.txt', 'not_utf8'],
    ]);
  });

  it('reads a directory with its manifest (sources.json) and exits 0', async () => {
    const inDir = mkdtempSync(path.join(tmpdir(), 'etl-dir-'));
    const outDir = mkdtempSync(path.join(tmpdir(), 'etl-out-'));
    copyFileSync(path.join(RAW_DIR, REPRINT), path.join(inDir, 'a.txt'));
    writeFileSync(path.join(inDir, 'notes.md'), 'not a document');
    writeFileSync(path.join(inDir, 'sources.json'), JSON.stringify({ 'a.txt': { year: 2023 } }));
    const { code, stdout } = runEtl(['--in', inDir, '--out', outDir]);
    expect(code).toBe(0);
    expect(stdout).toContain('year = 2023 (from the manifest');
    expect(await queryParquet(outDir, 'SELECT min(case_id) AS first FROM cases')).toEqual([{ first: 'fj-2023-b2-001' }]);
  });

  it('reads the notices of a directory as published — text, web pages, Word files, PDF — and names a damaged one', async () => {
    const inDir = mkdtempSync(path.join(tmpdir(), 'etl-formats-'));
    const outDir = mkdtempSync(path.join(tmpdir(), 'etl-out-'));
    const layouts = path.join(ROOT, 'tests/fixtures/layouts');
    copyFileSync(path.join(RAW_DIR, REPRINT), path.join(inDir, 'a.txt'));
    copyFileSync(path.join(layouts, 'gov-page-gbk.html'), path.join(inDir, 'b.htm'));
    copyFileSync(path.join(layouts, 'word-case-table.docx'), path.join(inDir, 'c.docx'));
    writeFileSync(path.join(inDir, 'd.docx'), readFileSync(path.join(layouts, 'word-case-table.docx')).subarray(0, 400));
    copyFileSync(path.join(layouts, 'pdf-notice.pdf'), path.join(inDir, 'e.pdf'));
    writeFileSync(path.join(inDir, 'notes.md'), 'not a document');
    const { code, stderr } = runEtl(['--in', inDir, '--out', outDir]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/d\.docx: damaged or incomplete file/);
    const docs = await queryParquet(outDir, 'SELECT source_file, province, cases_listed FROM documents ORDER BY source_file');
    expect(docs).toEqual([
      { source_file: 'a.txt', province: '福建省', cases_listed: 4 },
      { source_file: 'b.htm', province: '江西省', cases_listed: 3 },
      { source_file: 'c.docx', province: '安徽省', cases_listed: 3 },
      { source_file: 'e.pdf', province: '河北省', cases_listed: 3 },
    ]);
  });

  it('a source address in the manifest reaches documents.source_url; one that is no web address is named and left out', async () => {
    const inDir = mkdtempSync(path.join(tmpdir(), 'etl-url-'));
    const outDir = mkdtempSync(path.join(tmpdir(), 'etl-out-'));
    copyFileSync(path.join(RAW_DIR, REPRINT), path.join(inDir, 'a.txt'));
    // Another document (other bytes, so another doc_id): the same notice with one more line at its end.
    writeFileSync(path.join(inDir, 'b.txt'), `${readFileSync(path.join(RAW_DIR, REPRINT), 'utf8')}\n`);
    writeFileSync(
      path.join(inDir, 'sources.json'),
      JSON.stringify({ 'a.txt': { year: 2023, source_url: 'https://fgw.fujian.gov.cn/notice.htm' }, 'b.txt': { year: 2024, source_url: 'javascript:alert(1)' } }),
    );
    const { code, stderr } = runEtl(['--in', inDir, '--out', outDir]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/sources\.json: b\.txt\.source_url "javascript:alert\(1\)" is not an http\(s\) address/);
    const docs = await queryParquet(outDir, 'SELECT source_file, source_url FROM documents ORDER BY source_file');
    expect(docs).toEqual([
      { source_file: 'a.txt', source_url: 'https://fgw.fujian.gov.cn/notice.htm' },
      { source_file: 'b.txt', source_url: null },
    ]);
  });

  it('writes nothing when no input can be read', () => {
    const inDir = mkdtempSync(path.join(tmpdir(), 'etl-bad-'));
    const outDir = path.join(inDir, 'out');
    writeFileSync(path.join(inDir, 'empty.txt'), '');
    const { code, stderr } = runEtl(['--in', path.join(inDir, 'empty.txt'), '--out', outDir]);
    expect(code).toBe(1);
    expect(stderr).toContain('empty.txt: empty file');
    expect(existsSync(outDir)).toBe(false);
  });

  it('--in with no path is an error, not a silent run over data/raw', () => {
    const outDir = path.join(mkdtempSync(path.join(tmpdir(), 'etl-noin-')), 'out');
    for (const args of [['--in'], ['--in', '--out', outDir]]) {
      const { code, stderr } = runEtl(args);
      expect(code).toBe(1);
      expect(stderr).toContain('--in needs at least one file or directory');
    }
    expect(existsSync(outDir)).toBe(false);
  });

  it('a malformed manifest is named (not a document), and its documents are still read', async () => {
    const inDir = mkdtempSync(path.join(tmpdir(), 'etl-badjson-'));
    const outDir = mkdtempSync(path.join(tmpdir(), 'etl-out-'));
    copyFileSync(path.join(RAW_DIR, REPRINT), path.join(inDir, 'a.txt'));
    writeFileSync(path.join(inDir, 'sources.json'), '{"a.txt": {"year": 2023}');
    const { code, stderr, stdout } = runEtl(['--in', inDir, '--out', outDir]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/sources\.json: not valid JSON/);
    expect(stderr).not.toMatch(/a\.txt: cannot read/);
    expect(stdout).toContain('Documents: 1 read');
  });

  it('a bad published hint names the manifest and the file, is ignored, and the run goes on', async () => {
    const inDir = mkdtempSync(path.join(tmpdir(), 'etl-badhint-'));
    const outDir = mkdtempSync(path.join(tmpdir(), 'etl-out-'));
    copyFileSync(path.join(RAW_DIR, REPRINT), path.join(inDir, 'a.txt'));
    writeFileSync(
      path.join(inDir, 'sources.json'),
      JSON.stringify({ 'a.txt': { published: '2023-13-45', year: 2023 }, 'b.txt': { published: 'soon', batch: 2 } }),
    );
    const { code, stderr } = runEtl(['--in', inDir, '--out', outDir]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/sources\.json: a\.txt\.published "2023-13-45" is not a YYYY-MM-DD date/);
    expect(stderr).toMatch(/sources\.json: b\.txt\.published "soon" is not a YYYY-MM-DD date/);
    const docs = await queryParquet(outDir, 'SELECT source_file, year, published FROM documents ORDER BY source_file');
    // The good hint of the same entry is still used; the bad date is not.
    expect(docs).toEqual([{ source_file: 'a.txt', year: 2023, published: null }]);
  });
});

