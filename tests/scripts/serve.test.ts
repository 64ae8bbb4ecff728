// The static server: Range (DuckDB-wasm and benchmarks rely on `bytes=0-0` → 206), precompressed
// siblings, MIME types, 404 for missing files, no escape from the root.
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, parseRange, startServer, type RunningServer } from '../../scripts/serve.ts';

let server: RunningServer;
const root = mkdtempSync(join(tmpdir(), 'serve-'));
const data = mkdtempSync(join(tmpdir(), 'serve-data-'));
const body = 'abcdefghijklmnopqrstuvwxyz'.repeat(100);

beforeAll(async () => {
  writeFileSync(join(root, 'index.html'), '<!doctype html><p>app</p>');
  writeFileSync(join(root, 'app.wasm'), body);
  writeFileSync(join(root, 'app.wasm.gz'), gzipSync(body));
  writeFileSync(join(data, 'cases.parquet'), 'PAR1....PAR1');
  // Files that cannot be read: a symlink loop (open fails with ELOOP) and one whose read fails mid-stream
  // (/proc/self/mem: a regular file whose first page is unmapped → EIO).
  symlinkSync('loop.bin', join(root, 'loop.bin'));
  symlinkSync('/proc/self/mem', join(root, 'broken.bin'));
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

  it('survives files it cannot read: 500 or a cut connection for that request, the next request still served', async () => {
    const loop = await fetch(`${server.url}/loop.bin`);
    expect(loop.status).toBe(500);
    await expect(fetch(`${server.url}/broken.bin`).then((r) => r.arrayBuffer())).rejects.toThrow();
    const after = await fetch(`${server.url}/app.wasm`);
    expect(after.status).toBe(200);
    expect(await after.text()).toBe(body);
  });

  it('serves the app for odd request targets (`//?view=cases`), 400 for non-paths, 404 for NUL', async () => {
    const raw = (target: string) =>
      new Promise<number>((done, fail) => {
        const req = request({ host: '127.0.0.1', port: server.port, path: target }, (res) => {
          res.resume();
          done(res.statusCode ?? 0);
        });
        req.on('error', fail);
        req.end();
      });
    expect(await raw('//?view=cases')).toBe(200);
    expect(await raw('/?view=sql&sql=' + 'x'.repeat(30_000))).toBe(200); // a long console link is no 431
    expect(await raw('*')).toBe(400);
    expect(await raw('/app%00.wasm')).toBe(404);
  });

  it('sends the security headers with every answer', async () => {
    for (const path of ['/', '/app.wasm', '/missing']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
    expect(CONTENT_SECURITY_POLICY).toMatch(/frame-ancestors 'none'/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/connect-src 'self'/);
  });

  it('ignores several ranges, other units and malformed ranges (200, whole file), as RFC 9110 says', async () => {
    for (const range of ['bytes=0-1,5-6', 'items=0-1', 'bytes=abc', 'bytes=5-2']) {
      const res = await fetch(`${server.url}/app.wasm`, { headers: { Range: range } });
      expect(res.status, range).toBe(200);
      expect(await res.text()).toBe(body);
    }
    expect(parseRange(`bytes=${body.length}-`, body.length)).toBe('unsatisfiable');
  });

  it('sends an ETag; If-Range with it honours the Range, a stale one gets the whole file; If-None-Match → 304', async () => {
    const first = await fetch(`${server.url}/app.wasm`, { headers: { 'Accept-Encoding': 'identity' } });
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    const fresh = await fetch(`${server.url}/app.wasm`, { headers: { Range: 'bytes=0-0', 'If-Range': etag } });
    expect([fresh.status, await fresh.text()]).toEqual([206, 'a']);
    const stale = await fetch(`${server.url}/app.wasm`, { headers: { Range: 'bytes=0-0', 'If-Range': '"0-0"' } });
    expect([stale.status, (await stale.text()).length]).toEqual([200, body.length]);
    const byDate = await fetch(`${server.url}/app.wasm`, { headers: { Range: 'bytes=0-0', 'If-Range': first.headers.get('last-modified')! } });
    expect(byDate.status).toBe(206);
    expect((await fetch(`${server.url}/app.wasm`, { headers: { 'If-None-Match': etag, 'Accept-Encoding': 'identity' } })).status).toBe(304);
  });
});
