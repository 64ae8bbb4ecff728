// The static server: Range (DuckDB-wasm and benchmarks rely on `bytes=0-0` → 206), precompressed
// siblings, MIME types, 404 for missing files, no escape from the root.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRange, startServer, type RunningServer } from '../../scripts/serve.ts';

let server: RunningServer;
const root = mkdtempSync(join(tmpdir(), 'serve-'));
const data = mkdtempSync(join(tmpdir(), 'serve-data-'));
const body = 'abcdefghijklmnopqrstuvwxyz'.repeat(100);

beforeAll(async () => {
  writeFileSync(join(root, 'index.html'), '<!doctype html><p>app</p>');
  writeFileSync(join(root, 'app.wasm'), body);
  writeFileSync(join(root, 'app.wasm.gz'), gzipSync(body));
  writeFileSync(join(data, 'cases.parquet'), 'PAR1....PAR1');
  server = await startServer({ root, dataDir: data });
});
afterAll(() => server?.close());

describe('serve', () => {
  it('answers Range: bytes=0-0 with 206 and one byte', async () => {
    const res = await fetch(`${server.url}/app.wasm`, { headers: { Range: 'bytes=0-0' } });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes 0-0/${body.length}`);
    expect(await res.text()).toBe('a');
  });

  it('serves suffix and open ranges, and 416 beyond the end', async () => {
    const tail = await fetch(`${server.url}/app.wasm`, { headers: { Range: 'bytes=-3' } });
    expect(await tail.text()).toBe('xyz');
    const open = await fetch(`${server.url}/app.wasm`, { headers: { Range: `bytes=${body.length - 2}-` } });
    expect(await open.text()).toBe('yz');
    const bad = await fetch(`${server.url}/app.wasm`, { headers: { Range: `bytes=${body.length}-` } });
    expect(bad.status).toBe(416);
    expect(parseRange('bytes=5-2', 10)).toBeNull();
  });

  it('sends the .gz sibling with Content-Encoding when accepted, with the wasm MIME type', async () => {
    const res = await fetch(`${server.url}/app.wasm`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/wasm');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(await res.text()).toBe(body); // fetch decodes it
  });

  it('404s a missing file (not index.html), serves / as index.html, and refuses ../', async () => {
    expect((await fetch(`${server.url}/data/missing.parquet`)).status).toBe(404);
    const index = await fetch(`${server.url}/`);
    expect(index.headers.get('content-type')).toMatch(/text\/html/);
    expect((await fetch(`${server.url}/%2e%2e/%2e%2e/etc/passwd`)).status).toBe(404);
  });

  it('serves /data/ from the data directory', async () => {
    const res = await fetch(`${server.url}/data/cases.parquet`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('PAR1....PAR1');
  });
});
